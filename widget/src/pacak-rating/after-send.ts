import { html, nothing } from 'lit';
import type { Employee, Indicator, Named } from '../api.js';
import { pickLang } from '../i18n.js';
import type { Lang, Strings } from '../i18n.js';
import type { PacakRating } from './pacak-rating.js';
import { addStyles } from './after-send.styles.js';
import { complaint } from './rating-form.js';
import { renderReceipt } from './rating-receipt.js';

/**
 * What only a rating that is sent needs: the form's checks, the sending itself (and the emptying of the
 * device's outbox), the receipt and its summary (and after a low score what happens next), the words for
 * a field to fix or a failed send, a 429's countdown. A chunk of its own, fetched at the customer's first
 * touch of the form (or at load when the device keeps ratings to send), so the form's first load stays
 * small. The summary's words for both languages are here.
 */
export { freshToken } from './sending.js';
export { edited, flush, submit } from './submit.js';

const WORDS = {
  id: {
    sent: 'Penilaian Anda untuk',
    honest: 'Terima kasih atas kejujuran Anda.',
    next: 'Kantor akan menindaklanjuti penilaian ini untuk memperbaiki pelayanan.',
  },
  en: {
    sent: 'Your rating of',
    honest: 'Thank you for your honesty.',
    next: 'The office will follow it up to improve the service.',
  },
};

/** What the customer sent: the officer, the service, the stars per indicator. */
export interface Sent {
  name: string;
  service?: Named;
  indicators: Indicator[];
  scores: Record<string, number>;
  complaintUrl?: string | null;
  kiosk: boolean;
}

export function renderSummary(t: Strings, lang: Lang, sent: Sent) {
  const w = WORDS[lang];
  const low = Object.values(sent.scores).some((n) => n < 3);
  return html`<div part="summary">
    <p>${w.sent} <b>${sent.name}</b>${sent.service ? ` (${sent.service.name})` : ''}:</p>
    <ul>
      ${sent.indicators.map((indicator) => {
        const n = sent.scores[indicator.code] ?? 0;
        return n ? html`<li>${indicator.name}: ${t.star(n)}, ${t.words[n - 1]}</li>` : nothing;
      })}
    </ul>
    ${
      low
        ? html`<p part="low-score"><b>${w.honest}</b> ${w.next}</p>
          ${complaint({ t, kiosk: sent.kiosk }, sent.complaintUrl)}`
        : nothing
    }
  </div>`;
}

/** The receipt of the rating just sent (or the notice that it is kept), with its summary. */
export function renderDone(host: PacakRating, employee: Employee) {
  addStyles(host);
  const { t, skmService } = host;
  const lang = pickLang(host.lang);
  return renderReceipt(
    t,
    host.receipt,
    host.rateAgain,
    host.clock?.countdown,
    { api: host.origin, office: employee.office.code, service: skmService, lang },
    renderSummary(t, lang, {
      name: employee.name,
      service: host.serviceTypes.find((s) => s.code === skmService),
      indicators: host.indicators,
      scores: host.scores,
      complaintUrl: employee.office.complaintUrl,
      kiosk: host.kiosk,
    }),
  );
}
