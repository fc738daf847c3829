import { html } from 'lit';
import type { Receipt } from '../api.js';
import type { Strings } from '../i18n.js';

// Ratings are counted per day in the office's time zone, so the receipt shows that clock, not the phone's.
const OFFICE_TIME_ZONE = 'Asia/Jakarta';

export function formatSentAt(createdAt: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: OFFICE_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(createdAt));
}

/** The thank-you view that replaces the form once the server has stored the rating. */
export function renderReceipt(t: Strings, receipt: Receipt, onAgain: () => void) {
  return html`<section part="receipt">
    <h2 tabindex="-1">${t.thanks}</h2>
    <p>${t.receipt}: <strong>${receipt.receipt}</strong></p>
    <p class="muted">${t.sentAt}: ${formatSentAt(receipt.createdAt, t.locale)}</p>
    <button type="button" @click=${onAgain}>${t.again}</button>
  </section>`;
}
