/*
 * The block's editor side, without a build step: plain JavaScript on WordPress's globals. The page
 * itself gets its markup from PHP (pacak_rating_render_block), so `save` stores attributes only.
 * The preview is the live element: the widget is loaded into the editor's own document (the editor
 * may run in an iframe), from the server set under Settings > PACAK rating.
 */
(function (blocks, element, blockEditor, components, i18n) {
  var el = element.createElement;
  var __ = i18n.__;
  var settings = window.pacakRatingEditor || { server: '' };
  // The same patterns as the PHP allow-list (pacak_rating_allowed_attributes).
  var PATTERNS = {
    nip: /^[0-9A-Za-z][0-9A-Za-z-]{2,31}$/,
    office: /^[a-z0-9][a-z0-9-]{0,63}$/,
    lang: /^(id|en)$/,
    service: /^[a-z0-9][a-z0-9-]{0,63}$/,
    workArea: /^[a-z0-9][a-z0-9-]{0,63}$/,
    kioskKey: /^[A-Za-z0-9_-]{43}$/,
    resetAfter: /^[1-9][0-9]{0,2}$/,
  };

  function valid(attributes, name) {
    return !!attributes[name] && PATTERNS[name].test(attributes[name]);
  }

  function field(props, name, label, help) {
    return el(components.TextControl, {
      label: label,
      help: help,
      value: props.attributes[name],
      onChange: function (value) {
        var next = {};
        next[name] = value.trim();
        props.setAttributes(next);
      },
    });
  }

  function loadWidget(doc) {
    if (!settings.server || !doc || doc.querySelector('script[data-pacak-rating]')) {
      return;
    }
    var script = doc.createElement('script');
    script.type = 'module';
    script.src = settings.server + '/widget/pacak-rating.js';
    script.setAttribute('data-pacak-rating', '');
    doc.head.appendChild(script);
  }

  /** The element as the page will show it, or a note saying what is missing. */
  function preview(a) {
    if (!settings.server) {
      return el('p', null, __('PACAK rating: set the PACAK server address under Settings > PACAK rating.', 'pacak-rating'));
    }
    var kiosk = valid(a, 'kioskKey');
    var office = !kiosk && !valid(a, 'nip') && valid(a, 'office');
    if (!kiosk && !office && !valid(a, 'nip')) {
      return el('p', null, __('PACAK rating: set the NIP (or an office code, or a kiosk key) in the block settings.', 'pacak-rating'));
    }
    var attrs = kiosk ? { kiosk: '', 'kiosk-key': a.kioskKey } : office ? { office: a.office } : { nip: a.nip };
    if (kiosk && valid(a, 'workArea')) attrs['work-area'] = a.workArea;
    if (kiosk && valid(a, 'resetAfter')) attrs['reset-after'] = a.resetAfter;
    if (valid(a, 'lang')) attrs.lang = a.lang;
    if (valid(a, 'service')) attrs.service = a.service;
    // A new element for new attributes: the form starts again as a visitor would see it.
    attrs.key = JSON.stringify(attrs);
    return el('pacak-rating', attrs, el('p', null, __('Loading the PACAK rating form…', 'pacak-rating')));
  }

  blocks.registerBlockType('pacak/rating', {
    edit: function (props) {
      var a = props.attributes;
      var ref = element.useRef(null);
      element.useEffect(function () {
        loadWidget(ref.current && ref.current.ownerDocument);
      }, []);
      return el(
        'div',
        blockEditor.useBlockProps({ ref: ref, className: 'pacak-rating-preview' }),
        el(
          blockEditor.InspectorControls,
          null,
          el(
            components.PanelBody,
            { title: __('PACAK rating', 'pacak-rating') },
            field(props, 'nip', __('NIP or staff code', 'pacak-rating')),
            field(
              props,
              'office',
              __('Office code', 'pacak-rating'),
              __('Without a NIP: the visitor picks who served them from the office list.', 'pacak-rating'),
            ),
            el(components.SelectControl, {
              label: __('Language', 'pacak-rating'),
              value: a.lang,
              options: [
                { label: __('The page language', 'pacak-rating'), value: '' },
                { label: 'Bahasa Indonesia', value: 'id' },
                { label: 'English', value: 'en' },
              ],
              onChange: function (value) {
                props.setAttributes({ lang: value });
              },
            }),
            field(props, 'service', __('Service type code to preselect', 'pacak-rating')),
          ),
          el(
            components.PanelBody,
            { title: __('Kiosk (counter tablet)', 'pacak-rating'), initialOpen: !!a.kioskKey },
            field(
              props,
              'kioskKey',
              __('Kiosk key', 'pacak-rating'),
              __('Only for a page shown on a counter tablet; from the PACAK administrator.', 'pacak-rating'),
            ),
            field(props, 'workArea', __('Work area code', 'pacak-rating')),
            field(props, 'resetAfter', __('Seconds before the next customer (1-999, default 8)', 'pacak-rating')),
          ),
        ),
        preview(a),
      );
    },
    save: function () {
      return null;
    },
  });
})(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n);
