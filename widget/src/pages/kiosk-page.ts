/**
 * The counter tablet's page (/kiosk): its work area and kiosk key come after `#` in the address the
 * console's QR code opens, so they stay on the tablet; this places the kiosk form in place of the
 * notice that says how to get a key.
 */
export function startKiosk(main: HTMLElement, hash = location.hash): void {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const area = params.get('area') ?? '';
  const key = params.get('key') ?? '';
  if (!/^[a-z0-9-]{2,64}$/.test(area) || !/^[A-Za-z0-9_-]{43}$/.test(key)) return;
  const form = document.createElement('pacak-rating');
  form.setAttribute('kiosk', '');
  form.setAttribute('work-area', area);
  form.setAttribute('kiosk-key', key);
  const lang = params.get('lang');
  if (lang === 'en' || lang === 'id') form.setAttribute('lang', lang);
  main.replaceChildren(form);
}
