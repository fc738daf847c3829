/*
 * The block's editor side, without a build step: plain JavaScript on WordPress's globals. The page
 * itself gets its markup from PHP (pacak_rating_render_block), so `save` stores attributes only.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	var el = element.createElement;
	var __ = i18n.__;

	function field( props, name, label, help ) {
		return el( components.TextControl, {
			label: label,
			help: help,
			value: props.attributes[ name ],
			onChange: function ( value ) {
				var next = {};
				next[ name ] = value.trim();
				props.setAttributes( next );
			},
		} );
	}

	blocks.registerBlockType( 'pacak/rating', {
		edit: function ( props ) {
			var a = props.attributes;
			var who = a.kioskKey ? __( 'kiosk', 'pacak-rating' ) + ' ' + a.workArea : a.nip || __( 'set the NIP in the block settings', 'pacak-rating' );
			return el(
				'div',
				blockEditor.useBlockProps( { className: 'pacak-rating-placeholder' } ),
				el( blockEditor.InspectorControls, null,
					el( components.PanelBody, { title: __( 'PACAK rating', 'pacak-rating' ) },
						field( props, 'nip', __( 'NIP or staff code', 'pacak-rating' ) ),
						el( components.SelectControl, {
							label: __( 'Language', 'pacak-rating' ),
							value: a.lang,
							options: [
								{ label: __( 'The page language', 'pacak-rating' ), value: '' },
								{ label: 'Bahasa Indonesia', value: 'id' },
								{ label: 'English', value: 'en' },
							],
							onChange: function ( value ) { props.setAttributes( { lang: value } ); },
						} ),
						field( props, 'service', __( 'Service type code to preselect', 'pacak-rating' ) ),
						field( props, 'workArea', __( 'Kiosk: work area code', 'pacak-rating' ) ),
						field( props, 'kioskKey', __( 'Kiosk: key', 'pacak-rating' ), __( 'Only for a page shown on a counter tablet.', 'pacak-rating' ) )
					)
				),
				el( 'p', null, '★ PACAK rating: ' + who )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n );
