import { html, nothing } from 'lit';
import type { ApiError, Indicator, Named } from '../api.js';
import { explainProblem, failureWords } from '../explain-problem.js';
import type { Lang, Strings } from '../i18n.js';
import { complaint } from './rating-form.js';

/**
 * What only a rating that is sent needs: the sending itself (and the emptying of the device's outbox), the
 * receipt and its summary (and after a low score what happens next), the words for a failed send, a 429's
 * countdown. A chunk of its own, fetched at the customer's first touch of the form (or at load when the
 * device keeps ratings to send), so the form's first load stays small. The summary's words for both
 * languages are here.
 */
export { explainProblem, failureWords };
export { renderReceipt } from './rating-receipt.js';
export { flush, freshToken, keepTokenFresh, send } from './sending.js';

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

/**
 * A 429 that says when to send again (not the per-number limit, which lasts the day): the message counts
 * the seconds down in place, `quiet` so a screen reader reads it once and not every second, and then
 * says the rating may be sent again. Returns what stops it.
 */
export function countDown(failure: ApiError, t: Strings, say: (message: string, quiet: boolean) => void): () => void {
  let left = failure.status === 429 && failure.problem.limit !== 'phone' ? (failure.retryAfter ?? 0) : 0;
  const timer = setInterval(() => {
    const quiet = --left > 0;
    say(quiet ? explainProblem({ ...failure, retryAfter: left }, t).message : failureWords(t).sendNow, quiet);
    if (!quiet) clearInterval(timer);
  }, 1000);
  if (!left) clearInterval(timer);
  return () => clearInterval(timer);
}
