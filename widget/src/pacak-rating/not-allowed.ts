import { html } from 'lit';
import type { Employee, SendingVerdict } from '../../../contract/index.js';
import { addStyles } from './not-allowed.styles.js';
import type { PacakRating } from './pacak-rating.js';

/**
 * A chunk of its own: only a page that cannot show the form needs these words, one whose site may not send
 * or one that names no employee the server knows.
 */
const WORDS = {
  id: {
    notFound: 'Petugas tidak ditemukan',
    notFoundHint: 'Periksa kembali tautan atau kode QR yang Anda gunakan, atau tanyakan kepada petugas.',
    notAllowed: 'Penilaian tidak dapat dikirim dari situs ini.',
    notAllowedHint: 'Silakan beri penilaian di halaman PACAK:',
    hostedLink: 'Beri penilaian di halaman PACAK',
  },
  en: {
    notFound: 'Officer not found',
    notFoundHint: 'Check the link or QR code you used, or ask the officer.',
    notAllowed: 'Ratings cannot be sent from this site.',
    notAllowedHint: 'Please rate our service on the PACAK page:',
    hostedLink: 'Rate our service on the PACAK page',
  },
};

/** The words in the element's language. */
export const words = (host: PacakRating) => WORDS[host.t.locale === 'id-ID' ? 'id' : 'en'];

/** Shown instead of the form for an employee the server does not know (or a snippet that names none). */
export const renderNotFound = (host: PacakRating) => html`<h2 part="not-found">${words(host).notFound}</h2>`;

/**
 * What a visitor sees on a page whose site the office has not allowed: a plain message and the
 * employee's hosted rating page on the PACAK server, which always works. No form, so nothing typed
 * waits for a send that could never happen.
 */
export function renderNotAllowed(host: PacakRating, employee: Employee) {
  addStyles(host);
  const w = words(host);
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
