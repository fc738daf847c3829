import { html, LitElement, nothing } from 'lit';
import { loadQuestionnaire, sendQuestionnaire, type Problem, type SkmQuestionnaire, type SkmReceipt } from './skm-api.js';
import { renderProfile, renderQuestions } from './skm-fields.js';
import { pickSkmLang, skmStrings } from './skm-strings.js';
import { styles } from './pacak-skm.styles.js';

const scriptOrigin = new URL(import.meta.url).origin;
const PROFILE_FIELDS = ['sex', 'ageGroup', 'education', 'occupation'] as const;

/**
 * The public satisfaction survey (SKM, PermenPANRB 14/2017) of one office: the respondent profile,
 * the service received and the nine questions on their 1-4 scales, in a real `<form>` of native
 * controls named after the API fields (`serviceType`, `sex`, `ageGroup`, `education`, `occupation`,
 * one radio group per element code, `phone`, `suggestion`).
 *
 * @fires pacak-skm-submitted - `{ id, receipt, periodKey }` once the server has stored the answers.
 * @fires pacak-error - `{ status, problem }` when the server refused them.
 * @csspart form - the questionnaire form.
 * @csspart receipt - what replaces the form after sending.
 * @cssprop --pacak-accent - the send button's colour.
 */
export class PacakSkm extends LitElement {
  static override styles = styles;

  static override properties = {
    office: {},
    service: {},
    api: {},
    lang: {},
    channel: {},
    questionnaire: { state: true },
    values: { state: true },
    errors: { state: true },
    status: { state: true },
    receipt: { state: true },
    message: { state: true },
  };

  /** The office code whose survey this is. */
  office = '';
  /** A service type code to preselect (the hosted page per service, or the rating just given). */
  service = '';
  /** The server's origin; by default the origin this script was loaded from. */
  api = '';
  /** `id` or `en`; without it an English page gets English, any other Indonesian. */
  override lang = '';
  /** `widget`, `qr` (the hosted page) or `after-rating` (the second step after rating an employee). */
  channel = 'widget';

  private questionnaire?: SkmQuestionnaire;
  private values: Record<string, string> = {};
  private errors: Record<string, string> = {};
  private status: 'loading' | 'ready' | 'sending' | 'failed' = 'loading';
  private receipt?: SkmReceipt;
  private message = '';
  #loadedAt = 0;
  #clientId = crypto.randomUUID();

  private get t() {
    return skmStrings[pickSkmLang(this.lang)];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.questionnaire = await loadQuestionnaire(this.api || scriptOrigin, this.office);
      this.#loadedAt = Date.now();
      if (this.service && this.questionnaire.serviceTypes.some((type) => type.code === this.service))
        this.values = { ...this.values, serviceType: this.service };
      this.status = 'ready';
    } catch {
      this.status = 'failed';
    }
  }

  override render() {
    const t = this.t;
    const lang = pickSkmLang(this.lang);
    const q = this.questionnaire;
    return html`<div class="card" lang=${lang}>
      <h2>${t.title}</h2>
      ${q ? html`<p>${q.office.name} · ${t.period}: ${q.period.label[lang]}</p>` : nothing}
      ${this.status === 'loading' ? html`<p role="status">${t.loading}</p>` : nothing}
      ${this.status === 'failed' ? html`<p class="error" role="alert">${t.loadFailed}</p>` : nothing}
      ${this.receipt ? this.#renderReceipt(this.receipt) : q && this.status !== 'failed' ? this.#renderForm(q) : nothing}
    </div>`;
  }

  #renderReceipt(receipt: SkmReceipt) {
    return html`<section part="receipt">
      <h3 tabindex="-1">${this.t.thanks}</h3>
      <p>${this.t.receipt}: <strong>${receipt.receipt}</strong></p>
    </section>`;
  }

  #renderForm(q: SkmQuestionnaire) {
    const t = this.t;
    const lang = pickSkmLang(this.lang);
    const type = q.serviceTypes.find((each) => each.code === this.values.serviceType);
    const questions = q.questions.filter((question) => !type?.notApplicable.includes(question.code));
    const set = (name: string, value: string) => {
      this.values = { ...this.values, [name]: value };
      if (this.errors[name]) this.errors = { ...this.errors, [name]: '' };
    };
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <p class="muted">${t.intro}</p>
      <div class="field">
        <label class="top" for="serviceType">${t.service}</label>
        <select id="serviceType" name="serviceType" required aria-invalid=${this.errors.serviceType ? 'true' : 'false'} aria-describedby="serviceType-error"
          @change=${(event: Event) => set('serviceType', (event.target as HTMLSelectElement).value)}>
          <option value="">${t.chooseService}</option>
          ${q.serviceTypes.map((each) => html`<option value=${each.code} ?selected=${each.code === this.values.serviceType}>${each.name}</option>`)}
        </select>
        <p class="error" id="serviceType-error">${this.errors.serviceType ?? ''}</p>
      </div>
      <h3>${t.profile}</h3>
      ${renderProfile(q, PROFILE_FIELDS, lang, t, this.values, this.errors, set)}
      <h3>${t.questions}</h3>
      ${renderQuestions(questions, lang, this.values, this.errors, set)}
      <div class="field">
        <label class="top" for="phone">${t.phone}</label>
        <input id="phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" aria-describedby="phone-hint phone-error" aria-invalid=${this.errors.phone ? 'true' : 'false'}
          @input=${(event: Event) => set('phone', (event.target as HTMLInputElement).value)} />
        <p class="muted" id="phone-hint">${t.phoneHint}</p>
        <p class="error" id="phone-error">${this.errors.phone ?? ''}</p>
      </div>
      <div class="field">
        <label class="top" for="suggestion">${t.suggestion}</label>
        <textarea id="suggestion" name="suggestion" maxlength="1000" rows="3" @input=${(event: Event) => set('suggestion', (event.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="hp" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off" /></label></div>
      <p class="error" role="alert">${this.message}</p>
      <button type="submit" ?disabled=${this.status === 'sending'}>${this.status === 'sending' ? t.sending : t.send}</button>
    </form>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Taken before any wait: once the event has been dispatched its currentTarget is gone.
    const form = event.currentTarget as HTMLFormElement;
    // The form is drawn only from a loaded questionnaire.
    const q = this.questionnaire;
    if (!q) return;
    const t = this.t;
    const type = q.serviceTypes.find((each) => each.code === this.values.serviceType);
    const asked = q.questions.filter((question) => !type?.notApplicable.includes(question.code)).map((question) => question.code);
    const errors: Record<string, string> = {};
    for (const name of ['serviceType', ...PROFILE_FIELDS, ...asked]) if (!this.values[name]) errors[name] = t.required;
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.message = t.checkFields;
      await this.updateComplete;
      // The first marked field: a select, or the first radio of a marked group.
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], fieldset.invalid input')?.focus();
      return;
    }
    this.status = 'sending';
    this.message = '';
    // A person needs a few seconds to answer; a form sent sooner waits out the token's minimum.
    const wait = q.formToken.minSeconds * 1000 - (Date.now() - this.#loadedAt);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = {
      office: q.office.code,
      serviceType: this.values.serviceType,
      profile: Object.fromEntries(PROFILE_FIELDS.map((name) => [name, this.values[name]])),
      answers: Object.fromEntries(asked.map((code) => [code, Number(this.values[code])])),
      ...(this.values.phone?.trim() ? { phone: this.values.phone } : {}),
      ...(this.values.suggestion?.trim() ? { suggestion: this.values.suggestion } : {}),
      channel: this.channel,
      clientId: this.#clientId,
      formToken: q.formToken.token,
      website: (form.elements.namedItem('website') as HTMLInputElement | null)?.value ?? '',
    };
    const result = await sendQuestionnaire(this.api || scriptOrigin, body);
    this.status = 'ready';
    if ('receipt' in result) {
      this.receipt = result.receipt;
      this.dispatchEvent(new CustomEvent('pacak-skm-submitted', { detail: result.receipt, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="receipt"] h3')?.focus();
      return;
    }
    this.#showProblem(result.problem);
  }

  #showProblem(problem: Problem): void {
    const t = this.t;
    this.dispatchEvent(new CustomEvent('pacak-error', { detail: { status: problem.status, problem }, bubbles: true, composed: true }));
    if (problem.status === 409) this.message = t.already;
    else if (problem.status === 429) this.message = t.tooMany;
    else if (problem.status === 422 && problem.errors?.length) {
      this.errors = Object.fromEntries(
        problem.errors.map((error) => [
          error.path.replace(/^(answers|profile)\./, ''),
          error.path === 'phone' ? t.badPhone : error.message,
        ]),
      );
      this.message = t.checkFields;
    } else this.message = t.failed;
  }
}

if (!customElements.get('pacak-skm')) customElements.define('pacak-skm', PacakSkm);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-skm': PacakSkm;
  }
}
