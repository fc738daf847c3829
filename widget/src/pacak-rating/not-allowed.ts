import { html } from 'lit';
import type { Employee, SendingVerdict } from '../../../contract/index.js';
import type { Strings } from '../i18n.js';

/** A chunk of its own: only a page whose site may not send needs these words. */
const WORDS = {
  id: {
    notAllowed: 'Penilaian tidak dapat dikirim dari situs ini.',
    notAllowedHint: 'Silakan beri penilaian di halaman PACAK:',
    hostedLink: 'Beri penilaian di halaman PACAK',
  },
  en: {
    notAllowed: 'Ratings cannot be sent from this site.',
    notAllowedHint: 'Please rate our service on the PACAK page:',
    hostedLink: 'Rate our service on the PACAK page',
  },
};

/**
 * What a visitor sees on a page whose site the office has not allowed: a plain message and the
 * employee's hosted rating page on the PACAK server, which always works. No form, so nothing typed
 * waits for a send that could never happen.
 */
export function renderNotAllowed(t: Strings, employee: Employee) {
  const w = WORDS[t.locale === 'id-ID' ? 'id' : 'en'];
  return html`<div class="not-allowed" part="not-allowed">
    <p><strong>${w.notAllowed}</strong></p>
    <p>${w.notAllowedHint} <a href=${employee.ratingUrl}>${w.hostedLink}</a></p>
  </div>`;
}

/** For the webmaster, in the console: which site was refused, and what the office's administrator adds. */
export function warnNotAllowed(verdict: SendingVerdict, employee: Employee, server: string): void {
  const site = verdict.origin ?? location.origin;
  console.warn(
    `PACAK rating: ${site} may not send ratings to ${employee.office.name}. Its administrator adds ${site} ` +
      `to the allowed sites at ${server}/embed?site=${encodeURIComponent(site)} (or POST /api/v1/admin/allowed-origins).`,
  );
}
