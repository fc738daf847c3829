import { html, nothing } from 'lit';
import type { Receipt } from '../api.js';
import type { Strings } from '../i18n.js';

/** The receipt's words: only a sent rating needs them, so they come with its chunk (after-send.ts). */
const WORDS = {
  id: {
    thanks: 'Terima kasih atas penilaian Anda!',
    receipt: 'Kode tanda terima',
    sentAt: 'Dikirim',
    skmOffer: 'Bantu kami: 9 pertanyaan singkat tentang layanan ini',
    next: 'Pelanggan berikutnya',
    resetIn: (n: number) => `Formulir kembali ke awal dalam ${n} detik.`,
  },
  en: {
    thanks: 'Thank you for your rating!',
    receipt: 'Receipt code',
    sentAt: 'Sent',
    skmOffer: 'Help us: 9 short questions about this service',
    next: 'Next customer',
    resetIn: (n: number) => `The form starts again in ${n} seconds.`,
  },
};

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
/** The optional second step after a rating: the office's satisfaction survey for the service just rated. */
export interface SkmOffer {
  api: string;
  office: string;
  service: string;
  lang: string;
}

/**
 * Opens the survey in place: `<pacak-skm>` comes in its own bundle, fetched only now, so the rating
 * widget carries none of it (a module script, not import(), so this bundle stays one file).
 */
function openSkm(event: Event, offer: SkmOffer): void {
  const button = event.currentTarget as HTMLButtonElement;
  const survey = document.createElement('pacak-skm');
  for (const [name, value] of Object.entries({ ...offer, channel: 'after-rating' })) survey.setAttribute(name, value);
  const place = button.parentElement;
  if (!place) throw new Error('the survey button is not on the page');
  button.hidden = true;
  place.append(survey);
  if (!customElements.get('pacak-skm'))
    document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: `${offer.api}/widget/pacak-skm.js` }));
}

/** `summary`: what was sent, and after a low score what happens next (receipt-summary.ts, a lazy chunk). */
export function renderReceipt(
  t: Strings,
  receipt: Receipt | undefined,
  onAgain: () => void,
  countdown?: number,
  skm?: SkmOffer,
  summary?: unknown,
) {
  const w = WORDS[t.locale === 'id-ID' ? 'id' : 'en'];
  return html`<section part="receipt">
    ${
      receipt
        ? html`<h2 tabindex="-1">${w.thanks}</h2>
          <p>${w.receipt}: <strong>${receipt.receipt}</strong></p>
          <p class="muted">${w.sentAt}: ${formatSentAt(receipt.createdAt, t.locale)}</p>
          ${summary}`
        : html`<h2 tabindex="-1" part="queued">${t.queued}</h2>
          <p>${t.queuedText}</p>`
    }
    ${countdown ? html`<p class="muted">${w.resetIn(countdown)}</p>` : nothing}
    <button type="button" @click=${onAgain}>${countdown ? w.next : t.again}</button>
  </section>${
    receipt && skm && !countdown
      ? html`<div part="skm"><button type="button" class="alt" @click=${(event: Event) => openSkm(event, skm)}>${w.skmOffer}</button></div>`
      : nothing
  }`;
}
