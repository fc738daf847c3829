import { html, nothing } from 'lit';
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

/**
 * What replaces the form once the rating has left it: the receipt the server gave, or (no receipt yet)
 * the notice that it is kept on the device until the network returns. `countdown`: seconds until a
 * kiosk starts again for the next customer.
 */
export function renderReceipt(t: Strings, receipt: Receipt | undefined, onAgain: () => void, countdown?: number) {
  return html`<section part="receipt">
    ${receipt
      ? html`<h2 tabindex="-1">${t.thanks}</h2>
          <p>${t.receipt}: <strong>${receipt.receipt}</strong></p>
          <p class="muted">${t.sentAt}: ${formatSentAt(receipt.createdAt, t.locale)}</p>`
      : html`<h2 tabindex="-1" part="queued">${t.queued}</h2>
          <p>${t.queuedText}</p>`}
    ${countdown ? html`<p class="muted">${t.resetIn(countdown)}</p>` : nothing}
    <button type="button" @click=${onAgain}>${countdown ? t.next : t.again}</button>
  </section>`;
}
