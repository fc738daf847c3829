/**
 * The id/en switch of a hosted customer page (/r/<code>): each link works alone (it reloads the page in
 * its language), and with this script it switches in place instead: the page's and the form's `lang`
 * change, the form keeps what the customer typed, and the address keeps the choice for a reload.
 */
export function enhanceLangSwitch(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang]')) {
    link.addEventListener('click', (event) => {
      const lang = link.dataset.lang ?? 'id';
      event.preventDefault();
      document.documentElement.lang = lang;
      document.title = link.dataset.title ?? document.title;
      for (const form of document.querySelectorAll('pacak-rating')) form.setAttribute('lang', lang);
      history.replaceState(history.state, '', link.href);
      // The link just used is hidden now: the keyboard focus goes to the one back.
      document.querySelector<HTMLElement>(`a[data-lang]:not([data-lang="${lang}"])`)?.focus();
    });
  }
}
