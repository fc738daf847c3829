import { html, nothing } from 'lit';
import type { Employee, Indicator, Named } from '../api.js';
import type { FieldErrors } from '../check-rating.js';
import type { Lang, Strings } from '../i18n.js';

/**
 * What the form shows of the element's state (the element itself is passed, so no model object is built on
 * every render); the controls themselves hold what the customer types.
 */
export interface RatingFormModel {
  t: Strings;
  serviceTypes: Named[];
  indicators: Indicator[];
  /** Service type code to preselect. */
  service: string;
  /** Chosen stars per indicator code, mirrored from the radios to light the stars before the chosen one. */
  scores: Record<string, number>;
  /** Messages by API path (`phone`, `scores.cakap`, …). */
  errors: FieldErrors;
  busy: boolean;
  /** A shared counter tablet: the browser must not offer one customer's number to the next. */
  kiosk: boolean;
}

const errorId = (path: string) => `${path.replace('.', '-')}-error`;

// Error ties: the message's id goes into aria-describedby, so focusing the field reads the message.
const invalid = (m: RatingFormModel, path: string) => (m.errors[path] ? 'true' : nothing);

function describedBy(m: RatingFormModel, path: string, hint?: string) {
  return [hint, m.errors[path] && errorId(path)].filter(Boolean).join(' ') || nothing;
}

function error(m: RatingFormModel, path: string) {
  const message = m.errors[path];
  return message ? html`<p id=${errorId(path)} class="error" part="error">${message}</p>` : nothing;
}

function indicatorStars(m: RatingFormModel, lang: Lang, indicator: Indicator) {
  const { code } = indicator;
  const path = `scores.${code}`;
  const chosen = m.scores[code] ?? 0;
  return html`<fieldset part="indicator" aria-describedby=${describedBy(m, path)}>
    <legend>${indicator.name}<span class="muted">${indicator.description[lang]}</span></legend>
    <div class="stars" part="stars">
      ${[1, 2, 3, 4, 5].map(
        (n) => html`<input
            type="radio"
            id="${code}-${n}"
            name=${code}
            value=${n}
            required
            aria-label="${m.t.star(n)}, ${m.t.words[n - 1]}"
            aria-invalid=${invalid(m, path)}
            aria-describedby=${describedBy(m, path)}
          /><label for="${code}-${n}" part="star" class=${n <= chosen ? 'on' : ''}
            ><svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9z" /></svg
            >${m.t.words[n - 1]}</label
          >`,
      )}
    </div>
    ${error(m, path)}
  </fieldset>`;
}

/** The office's complaint channel; only a web address becomes a link (a `javascript:` one must never run). */
export function complaint(m: Pick<RatingFormModel, 't' | 'kiosk'>, url?: string | null) {
  if (!url || !/^https?:\/\//.test(url)) return nothing;
  const name = url.replace(/^https?:\/\/|\/$/g, '');
  // On a shared tablet a new tab would stay open for the next customer: show the address instead.
  return html`<p id="complain" part="complaint">
    ${m.t.complain} ${m.kiosk ? html`<strong>${name}</strong>` : html`<a href=${url} target="_blank" rel="noopener">${name}</a>`}
  </p>`;
}

/**
 * The form for `employee` in `lang`; `office` carries the complaint channel (offered after a low score),
 * the data protection contact and how long numbers are kept, for the privacy notice.
 */
export function renderRatingForm(
  m: RatingFormModel,
  { office }: Employee,
  lang: Lang,
  onSubmit: (event: SubmitEvent) => void,
  onEdit: (event: Event) => void,
) {
  const { t } = m;
  // A score of 1 or 2 is a chance to learn why: the comment asks what to improve, and where to complain.
  const low = Object.values(m.scores).some((n) => n < 3);
  const channel = low ? complaint(m, office.complaintUrl) : nothing;
  // The send button is aria-disabled, not disabled, while sending: a disabled button would drop the keyboard
  // focus. (Said here, not in the template: an HTML comment there would reach every page as bytes and a node.)
  return html`<p>${t.prompt}</p>
    <form novalidate part="form" @submit=${onSubmit} @change=${onEdit} @input=${onEdit}>
      <div class="field" part="field">
        <label for="serviceType">${t.serviceType}</label>
        <select
          id="serviceType"
          name="serviceType"
          required
          aria-invalid=${invalid(m, 'serviceType')}
          aria-describedby=${describedBy(m, 'serviceType')}
        >
          <option value="">${t.choose}</option>
          ${m.serviceTypes.map((s) => html`<option value=${s.code} ?selected=${s.code === m.service}>${s.name}</option>`)}
        </select>
        ${error(m, 'serviceType')}
      </div>
      ${m.indicators.map((indicator) => indicatorStars(m, lang, indicator))}
      <div class="field" part="field">
        <label for="phone">${t.phone} <span class="muted">(${t.required})</span></label>
        <span id="phone-hint" class="muted">${t.phoneHint}</span>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputmode="tel"
          autocomplete=${m.kiosk ? 'off' : 'tel'}
          required
          aria-invalid=${invalid(m, 'phone')}
          aria-describedby=${describedBy(m, 'phone', 'phone-hint')}
        />
        ${error(m, 'phone')}
        <details part="privacy">
          <summary>${t.privacy}</summary>
          <p>${t.privacyText(office.retentionDays ?? 365, office.privacyContact || t.privacyDesk)} ${t.consentNote}</p>
        </details>
      </div>
      <div class="field" part="field">
        <label for="comment">${low ? t.improve : t.comment}</label>
        ${channel}
        <textarea
          id="comment"
          name="comment"
          rows="3"
          maxlength="1000"
          aria-invalid=${invalid(m, 'comment')}
          aria-describedby=${describedBy(m, 'comment', channel !== nothing ? 'complain' : '')}
        ></textarea>
        ${error(m, 'comment')}
        ${low ? html`<p><label><input type="checkbox" name="contactConsent" /> ${t.consent}</label></p>` : nothing}
      </div>
      <input class="hp" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
      <button type="submit" part="submit" aria-disabled=${m.busy} aria-busy=${m.busy}>
        ${m.busy ? t.sending : t.send}
      </button>
    </form>`;
}
