import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { apiClient, asApiError, newClientId } from '../api.js';
import type { Employee, Indicator, Named, Receipt } from '../api.js';
import { checkRating, readRating } from '../check-rating.js';
import type { FieldErrors } from '../check-rating.js';
import { emit } from '../events.js';
import { explainProblem } from '../explain-problem.js';
import { pickLang, strings } from '../i18n.js';
import type { Strings } from '../i18n.js';
import { renderEmployeeHeader } from './employee-header.js';
import { styles } from './pacak-rating.styles.js';
import { renderRatingForm } from './rating-form.js';
import type { RatingFormModel } from './rating-form.js';
import { renderReceipt } from './rating-receipt.js';

// The snippet needs no `api` attribute: by default the server is wherever this script came from.
const scriptOrigin = new URL(import.meta.url).origin;

type View = 'loading' | 'form' | 'done' | 'missing' | 'failed';

/**
 * A customer's rating of one employee on the five PACAK indicators, sent to the PACAK server.
 *
 * @fires pacak-submitted - the rating was stored; `detail: { id, receipt }`
 * @fires pacak-error - loading or sending failed; `detail: { status, problem }`, status 0 when offline
 *
 * @csspart card - the box around everything (border, padding, background)
 * @csspart header - employee name, position and photo
 * @csspart name - the employee's name
 * @csspart photo - the employee's photo, when there is one
 * @csspart form - the native form
 * @csspart field - a labelled control with its error
 * @csspart indicator - the fieldset of one indicator
 * @csspart stars - the row of five star radios
 * @csspart star - one star (the label of one radio)
 * @csspart error - a message beside a field
 * @csspart submit - the send button
 * @csspart status - the live region for progress and failures
 * @csspart receipt - the thank-you view with the receipt code
 * @csspart not-found - shown instead of the form for an unknown employee
 * @csspart retry - the button that loads the form again after a failure
 *
 * @cssprop --pacak-primary - button colour (default #00695c)
 * @cssprop --pacak-on-primary - text on the button (#fff)
 * @cssprop --pacak-font - font family (system-ui)
 * @cssprop --pacak-radius - corner radius (12px)
 * @cssprop --pacak-star-color - a chosen star (#d97706)
 * @cssprop --pacak-star-empty - an unchosen star (#6b7280)
 * @cssprop --pacak-bg - background (#fff)
 * @cssprop --pacak-text - text (#1f2933)
 * @cssprop --pacak-muted - secondary text (#52606d)
 * @cssprop --pacak-border - borders of the card and controls (#7b8794)
 * @cssprop --pacak-error - errors (#b42318)
 * @cssprop --pacak-notice-bg - background of a failure message (#fdf2f1)
 * @cssprop --pacak-focus - focus ring (#1d4ed8)
 */
export class PacakRating extends LitElement {
  static override styles = styles;

  /** NIP or staff code of the employee being rated. */
  @property() nip = '';
  /** Origin of the PACAK server; defaults to the origin this script was loaded from. */
  @property() api = scriptOrigin;
  /** `id` or `en`; without it an English page (`<html lang="en…">`) gets English, any other Indonesian. */
  @property() override lang = '';
  /** Code of the service type to preselect. */
  @property() service = '';
  /** Where the rating comes from: `widget`, `qr` (the hosted QR page) or `kiosk`. */
  @property() channel = 'widget';
  /** A one-service code (the hosted page passes it from `?t=`): the rating is stored as verified. */
  @property({ attribute: 'service-token' }) serviceToken = '';

  @state() private view: View = 'loading';
  @state() private employee?: Employee;
  @state() private serviceTypes: Named[] = [];
  @state() private indicators: Indicator[] = [];
  @state() private scores: Record<string, number> = {};
  @state() private errors: FieldErrors = {};
  @state() private status = '';
  @state() private busy = false;
  @state() private receipt?: Receipt;

  // Kept across retries of one rating, so a send whose answer was lost is not stored twice.
  private clientId?: string;
  private loads = 0;

  private get t(): Strings {
    return strings[pickLang(this.lang)];
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('nip') || changed.has('api')) void this.load();
  }

  override render() {
    const tone = this.view === 'loading' || this.busy ? 'info' : '';
    return html`<div class="card" part="card">
      ${this.renderView(this.t)}
      <p class="status ${tone}" role="status" aria-live="polite" part="status">${this.status}</p>
    </div>`;
  }

  private renderView(t: Strings) {
    if (this.view === 'missing') return html`<h2 part="not-found">${t.notFound}</h2>`;
    if (this.view === 'failed') {
      return html`<button type="button" part="retry" @click=${this.load}>${t.retry}</button>`;
    }
    if (!this.employee || this.view === 'loading') return nothing;
    const body =
      this.view === 'done' && this.receipt
        ? renderReceipt(t, this.receipt, this.rateAgain)
        : renderRatingForm(this.formModel(t));
    return html`${renderEmployeeHeader(this.employee, this.api || scriptOrigin)}${body}`;
  }

  private formModel(t: Strings): RatingFormModel {
    return {
      t,
      lang: pickLang(this.lang),
      serviceTypes: this.serviceTypes,
      indicators: this.indicators,
      service: this.service,
      scores: this.scores,
      errors: this.errors,
      busy: this.busy,
      onSubmit: this.onSubmit,
      onEdit: this.onEdit,
    };
  }

  private async load(): Promise<void> {
    const attempt = ++this.loads;
    const t = this.t;
    this.view = 'loading';
    this.resetRating();
    if (!this.nip) {
      this.view = 'missing';
      this.status = t.notFoundHint;
      return;
    }
    this.status = t.loading;
    try {
      const client = apiClient(this.api || scriptOrigin);
      const [employee, types, indicators] = await Promise.all([
        client.employee(this.nip),
        client.serviceTypes(this.nip),
        client.indicators(),
      ]);
      // A newer nip or api arrived while this load was on its way: its answer wins.
      if (attempt !== this.loads) return;
      this.employee = employee;
      this.serviceTypes = types.serviceTypes;
      this.indicators = indicators.indicators;
      this.view = 'form';
      this.status = '';
    } catch (error) {
      if (attempt !== this.loads) return;
      const failure = asApiError(error);
      // An unknown employee is the one load failure that trying again cannot fix.
      this.view = failure.status === 404 ? 'missing' : 'failed';
      this.status = this.view === 'missing' ? t.notFoundHint : t.loadFailed;
      emit(this, 'pacak-error', { status: failure.status, problem: failure.problem });
    }
  }

  private onEdit(event: Event): void {
    const control = event.target as HTMLInputElement;
    const isScore = control.type === 'radio';
    if (isScore) this.scores = { ...this.scores, [control.name]: Number(control.value) };
    // The customer is fixing this field: its message has done its job.
    const path = isScore ? `scores.${control.name}` : control.name;
    if (this.errors[path]) {
      const rest = { ...this.errors };
      delete rest[path];
      this.errors = rest;
    }
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.t;
    const input = readRating(event.currentTarget as HTMLFormElement, this.indicators.map((i) => i.code));
    this.errors = checkRating(input, t);
    if (Object.keys(this.errors).length) {
      this.status = t.checkFields;
      return this.focusFirstInvalid();
    }
    this.clientId ??= newClientId();
    this.busy = true;
    this.status = t.sending;
    try {
      const { comment, ...rest } = input;
      const receipt = await apiClient(this.api || scriptOrigin).rate({
        ...rest,
        ...(comment ? { comment } : {}),
        nip: this.nip,
        channel: this.channel || 'widget',
        clientId: this.clientId,
        ...(this.serviceToken ? { serviceToken: this.serviceToken } : {}),
      });
      this.receipt = receipt;
      this.view = 'done';
      // A one-service code rates once: another rating from this form is an ordinary one.
      this.serviceToken = '';
      this.clientId = undefined;
      this.status = '';
      emit(this, 'pacak-submitted', { id: receipt.id, receipt: receipt.receipt });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=receipt] h2')?.focus();
    } catch (error) {
      // Only messages change: the form stays as it is, so everything typed is still there for a retry.
      const failure = asApiError(error);
      const { message, fields } = explainProblem(failure, t);
      this.errors = fields;
      this.status = message;
      emit(this, 'pacak-error', { status: failure.status, problem: failure.problem });
      if (Object.keys(fields).length) await this.focusFirstInvalid();
    } finally {
      this.busy = false;
    }
  }

  // Takes the customer to the first field to fix; a screen reader then reads its message via aria-describedby.
  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** A fresh, empty form for the next customer (a tablet at the counter serves many). */
  private rateAgain(): void {
    this.resetRating();
    this.view = 'form';
  }

  private resetRating(): void {
    this.receipt = undefined;
    this.clientId = undefined;
    this.scores = {};
    this.errors = {};
  }
}

if (!customElements.get('pacak-rating')) customElements.define('pacak-rating', PacakRating);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-rating': PacakRating;
  }
}
