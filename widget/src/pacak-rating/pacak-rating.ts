import { LitElement, html, nothing } from 'lit';
import type { Channel } from '../../../contract/index.js';
import { asApiError, CODE_REF, fetchForm } from '../api.js';
import type { Employee, Indicator, Named, Receipt } from '../api.js';
import type { FieldErrors } from '../check-rating.js';
import { emit } from '../events.js';
import { loadStrings, pickLang, stringsFor } from '../i18n.js';
import type { Strings } from '../i18n.js';
import { readRating } from '../read-rating.js';
import type { RatingInput } from '../read-rating.js';
import type { SendingVerdict } from '../../../contract/index.js';
import { renderEmployeeHeader } from './employee-header.js';
import type { KioskController } from './kiosk-controller.js';
import type * as PickerChunk from './employee-picker.js';
import type { PickList } from './employee-picker.js';
import { styles } from './pacak-rating.styles.js';
import { renderRatingForm } from './rating-form.js';
import type * as AfterSendChunk from './after-send.js';
import { SendController } from './send-controller.js';
import type { Rating } from './send-controller.js';

import type * as NotAllowedChunk from './not-allowed.js';

type AfterSend = typeof AfterSendChunk;

// The snippet needs no `api` attribute: by default the server is wherever this script came from.
const scriptOrigin = new URL(import.meta.url).origin;

type View = 'loading' | 'pick' | 'form' | 'done' | 'queued' | 'missing' | 'failed' | 'not-allowed';
type Details = [Employee, Named[], Indicator[]];

/**
 * A customer's rating of one employee on the five PACAK indicators, sent to the PACAK server.
 * With `kiosk`, a counter tablet: the customer first picks who served them from the key's work area,
 * and after the receipt the element starts again for the next customer. With `office` (and no employee),
 * the customer first picks who served them from the office's employees. A kiosk's `work-area` attribute
 * (the work area's code) is for the people who read the page: the key decides the list, so the element
 * has no property for it.
 *
 * @fires pacak-submitted - the rating was stored; `detail: { id, receipt }`
 * @fires pacak-queued - no network: the rating is kept on the device and sent when it returns; `detail: { clientId }`
 * @fires pacak-error - loading or sending failed; `detail: { status, problem }`, status 0 when offline
 *
 * @slot - fallback content (a short message and the employee's hosted rating page): the browser shows it
 *   until the script runs, and the element shows it again when the server cannot be reached
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
 * @csspart complaint - the office's complaint channel, shown after a score of 1 or 2
 * @csspart privacy - the notice under the phone field: what the number is for, how long it is kept, whom to ask
 * @csspart submit - the send button
 * @csspart status - the live region for progress and failures
 * @csspart receipt - the thank-you view with the receipt code (or the "saved, will be sent" notice)
 * @csspart queued - the heading of the "saved, will be sent" notice
 * @csspart not-found - shown instead of the form for an unknown employee
 * @csspart not-allowed - shown instead of the form on a site the office has not allowed: a message and the hosted page's link
 * @csspart retry - the button that loads the form again after a failure
 * @csspart picker - kiosk and office modes: the list of employees
 * @csspart pick - kiosk and office modes: one employee's button
 * @csspart back - kiosk and office modes: the button back to the list
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

  // `static properties` rather than decorators: the decorator helpers cost bytes in every page's bundle.
  static override properties = {
    nip: {},
    /** The employee's public code instead of the NIP (the hosted page `/r/<code>`): no NIP in the page or its calls. */
    code: {},
    /** An office's code: without `nip` or `code`, the customer picks the employee from the office's list. */
    office: {},
    api: {},
    lang: {},
    service: {},
    channel: {},
    kiosk: { type: Boolean },
    kioskKey: { attribute: 'kiosk-key' },
    resetAfter: { attribute: 'reset-after', type: Number },
    serviceToken: { attribute: 'service-token' },
    view: { state: true },
    roster: { state: true },
    employee: { state: true },
    scores: { state: true },
    errors: { state: true },
    status: { state: true },
    busy: { state: true },
    receipt: { state: true },
  };

  /** NIP or staff code of the employee being rated (not used in kiosk mode). */
  nip = '';
  code = '';
  office = '';
  /** Origin of the PACAK server; defaults to the origin this script was loaded from. */
  api = scriptOrigin;
  /** `id` or `en`; without it an English page (`<html lang="en…">`) gets English, any other Indonesian. */
  override lang = '';
  /** Code of the service type to preselect. */
  service = '';
  /** Where the rating comes from: `widget`, `qr` (the hosted QR page); kiosk mode always sends `kiosk`. */
  channel = 'widget';
  /** A counter tablet: pick the employee from a work area, then start again after each rating. */
  kiosk = false;
  /** Kiosk mode: the key an administrator issued for this tablet's work area. */
  kioskKey = '';
  /** Kiosk mode: seconds the receipt stays before the next customer's turn. */
  resetAfter = 8;
  /** A one-service code (the hosted page passes it from `?t=`): the rating is stored as verified. */
  serviceToken = '';

  // What the element shows and the rating being made: the kiosk controller and the after-send chunk (which
  // sends it) read and set them, hence not private; they are not for pages. @internal
  view: View = 'loading';
  private roster?: PickList;
  employee?: Employee;
  scores: Record<string, number> = {};
  errors: FieldErrors = {};
  status = '';
  busy = false;
  receipt?: Receipt;
  serviceTypes: Named[] = [];
  indicators: Indicator[] = [];
  /** The service type of the rating just sent: the survey offered after it starts there. */
  skmService = '';
  readonly sender = new SendController(this);
  /** Kiosk mode's clocks, which come with the picker's chunk: a kiosk always starts at the list. */
  clock?: KioskController;
  /** Stops a 429's countdown; `quiet` while it counts, so the status line is read out once. */
  stopWait?: () => void;
  quiet = false;

  /** Kiosk mode: the employee the customer picked. */
  #picked = '';
  // What a load fetched, per employee: a kiosk on a weak network serves the next customer without it.
  #details = new Map<string, Details>();
  #loads = 0;
  /** What only a rating that is sent needs (after-send.ts: the sending, the receipt), fetched at the first touch. */
  #loading?: Promise<AfterSend | undefined>;
  #after?: AfterSend;
  /** The picker (employee-picker.ts), fetched only by a form without an employee of its own (kiosk, office). */
  #picker?: typeof PickerChunk;
  /** The views that replace the form (not-allowed.ts): a site that may not send, an unknown employee. */
  #notAllowed?: typeof NotAllowedChunk;

  /** The words in the element's language. @internal */
  get t(): Strings {
    return stringsFor(pickLang(this.lang));
  }

  /** The server in use; the send controller reads it. @internal */
  get origin(): string {
    return this.api || scriptOrigin;
  }

  /**
   * English words arrive as a chunk; whatever was typed stays, only the words change once they are here.
   * Called from the first update on (the constructor's `lang` counts as a change), and whenever `lang` changes.
   */
  #fetchWords(): void {
    // Once here, the chunk's promise resolves at once: one more render with the same words.
    if (pickLang(this.lang) === 'en')
      void loadStrings('en').then(
        () => this.requestUpdate(),
        () => undefined,
      );
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('lang')) this.#fetchWords();
    if (['nip', 'code', 'office', 'api', 'kiosk', 'kioskKey'].some((key) => changed.has(key))) {
      this.#picked = '';
      this.roster = undefined;
      this.#details.clear();
      void this.#load();
    }
  }

  override render() {
    const tone = this.view === 'loading' || this.busy ? 'info' : '';
    return html`<div class="card" part="card">
      ${this.#renderView(this.t)}
      <p class="status ${tone}" role="status" aria-live=${this.quiet ? 'off' : 'polite'} part="status">${this.status}</p>
    </div>`;
  }

  #renderView(t: Strings) {
    const { view, employee } = this;
    const lang = pickLang(this.lang);
    // Picked from a list (kiosk, office): from the form, or from a form that would not load, back to the list.
    const back =
      this.#picked && (view === 'form' || view === 'failed' || view === 'not-allowed' || !this.kiosk)
        ? this.#picker?.renderBack(this, lang, this.restart)
        : nothing;
    if (view === 'missing') return this.#notAllowed?.renderNotFound(this);
    // The server cannot be reached: the page's own fallback content (the element's children: a message
    // and the hosted page's link) shows through the slot, rather than a gap.
    if (view === 'failed') return html`${back}<slot></slot><button type="button" part="retry" @click=${this.#load}>${t.retry}</button>`;
    if (view === 'pick' && this.roster)
      return this.#picker?.renderPicker(this.roster, this.origin, lang, this.kiosk, (ref) => this.#pick(ref));
    if (!employee || view === 'loading') return nothing;
    if (view === 'not-allowed')
      return html`${back}${renderEmployeeHeader(employee, this.origin)}${this.#notAllowed?.renderNotAllowed(this, employee)}`;
    const body =
      view === 'form'
        ? renderRatingForm(this, employee, lang, this.#onSubmit, this.#onEdit)
        : this.#after
          ? this.#after.renderDone(this, employee)
          : // The chunk could not come (offline), so the rating was kept, not sent: the kept notice alone.
            html`<section part="receipt">
              <h2 tabindex="-1" part="queued">${t.queued}</h2>
              <p>${t.queuedText}</p>
              <button type="button" @click=${this.rateAgain}>${t.again}</button>
            </section>`;
    return html`${back}${renderEmployeeHeader(employee, this.origin)}${body}`;
  }

  async #load(): Promise<void> {
    const attempt = ++this.#loads;
    const t = this.t;
    this.view = 'loading';
    this.#resetRating();
    const listed = this.kiosk || (this.office && !this.code && !this.nip);
    const nip = listed ? this.#picked : this.code ? `${CODE_REF}${this.code}` : this.nip;
    if (!nip && !listed) return this.#notFound();
    this.status = t.loading;
    try {
      if (!nip) {
        const roster = await this.#fetchList();
        if (attempt !== this.#loads) return;
        this.roster = roster;
        this.view = 'pick';
      } else {
        // A kiosk's next customer of the same employee needs only a fresh token.
        const kept = this.#details.get(nip);
        const [employee, serviceTypes, indicators, token] = kept ? [...kept, undefined] : await fetchForm(this.origin, nip);
        // A newer nip or api arrived while this load was on its way: its answer wins.
        if (attempt !== this.#loads) return;
        this.#details.set(nip, [employee, serviceTypes, indicators]);
        [this.employee, this.serviceTypes, this.indicators] = [employee, serviceTypes, indicators];
        this.view = 'form';
        // The answer already says whether this page may send: if not, no form is shown at all.
        const sending = employee.sending;
        if (sending && !sending.allowed) this.refused(sending);
        else if (token) this.sender.token = token;
        else this.sender.freshToken(nip);
        if (this.kiosk) this.clock?.touch();
      }
      this.status = '';
      this.sender.flush();
    } catch (error) {
      if (attempt !== this.#loads) return;
      const failure = asApiError(error);
      // An unknown employee is the one load failure that trying again cannot fix.
      if (failure.status === 404) this.#notFound();
      else {
        this.view = 'failed';
        this.status = (failure.status === 401 && this.#picker?.pickerWords(pickLang(this.lang)).badKey) || t.loadFailed;
      }
      emit(this, 'pacak-error', { status: failure.status, problem: failure.problem });
    }
  }

  /** The list to pick from, with the picker's chunk: a kiosk key's work area, or an office's employees. */
  async #fetchList(): Promise<PickList> {
    const chunk = (this.#picker = await import('./employee-picker.js'));
    if (this.kiosk) this.clock ??= new chunk.KioskController(this);
    return chunk.pickList(this.origin, this.kiosk ? { kioskKey: this.kioskKey } : { office: this.office });
  }

  async #pick(ref: string): Promise<void> {
    this.#picked = ref;
    await this.#load();
    this.#focusOn('[part=back]');
  }

  async #focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #onEdit(event: Event): void {
    const control = event.target as HTMLInputElement;
    if (control.type === 'radio') this.scores = { ...this.scores, [control.name]: Number(control.value) };
    if (this.kiosk) this.clock?.touch();
    // The checks, the sending, the receipt and the words of a failed send, fetched while the customer fills
    // in (the network is there: the form just came). Should they not come, a rating sent offline is still kept.
    void this.afterSend().then((after) => after?.edited(this, control));
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    // The form is drawn only for a loaded employee.
    const employee = this.employee;
    if (this.busy || !employee) return;
    // Busy while the chunk may still be on its way: the button says so, and a second press sends nothing.
    this.busy = true;
    const after = await this.afterSend();
    this.busy = false;
    if (after) return after.submit(this, form, employee);
    // Offline since before the customer's first touch, so neither the form's own checks nor the sending
    // could come: the browser checks the required fields, and the rating waits on the device for the
    // network, as any rating sent offline does (a refusal on arrival is explained then). Nothing is lost.
    if (!form.reportValidity()) return;
    const body = this.sender.bodyOf(
      this.ratingOf(
        readRating(
          form,
          this.indicators.map((i) => i.code),
        ),
        employee,
      ),
      this.sender.token,
    );
    if (!this.sender.keep(body, this.kiosk ? this.kioskKey : undefined)) {
      this.status = this.t.offline;
      return emit(this, 'pacak-error', { status: 0, problem: { title: 'Network error', status: 0 } });
    }
    await this.finish('queued');
    emit(this, 'pacak-queued', { clientId: body.clientId });
  }

  /** The rating to send of what the form holds, for this page's channel and one-service code. @internal */
  ratingOf({ comment, ...rest }: RatingInput, employee: Employee): Rating {
    return {
      ...rest,
      ...(comment ? { comment } : {}),
      nip: employee.nip,
      // The attribute is the page's word; the server refuses a channel it does not know.
      channel: this.kiosk ? 'kiosk' : ((this.channel || 'widget') as Channel),
      ...(this.serviceToken ? { serviceToken: this.serviceToken } : {}),
    };
  }

  /**
   * This page's site may not send ratings to the employee's office: the hosted page's link instead of
   * the form, and the webmaster told in the console what to ask for. Called by the load and the sender.
   * @internal
   */
  refused(verdict: SendingVerdict): void {
    if (!this.employee || this.view === 'not-allowed') return;
    const employee = this.employee;
    this.clock?.stop();
    this.view = 'not-allowed';
    this.status = '';
    this.#cannotRate().then(
      (chunk) => chunk.warnNotAllowed(verdict, employee, this.origin),
      () => undefined,
    );
  }

  /** The chunk of the views that replace the form (not-allowed.ts), drawn once it is here. */
  async #cannotRate(): Promise<typeof NotAllowedChunk> {
    const chunk = (this.#notAllowed = await import('./not-allowed.js'));
    this.requestUpdate();
    return chunk;
  }

  /**
   * An employee the server does not know, or a snippet that names none: no form, and no retry that could
   * help. The words come with the not-allowed chunk.
   */
  #notFound(): void {
    this.view = 'missing';
    this.status = '';
    this.#cannotRate().then(
      // Unless another load has begun meanwhile.
      (chunk) => this.view === 'missing' && (this.status = chunk.words(this).notFoundHint),
      () => undefined,
    );
  }

  /**
   * The rating has left the form: show what became of it, and in a kiosk count down to the next customer.
   * @internal
   */
  async finish(view: 'done' | 'queued'): Promise<void> {
    // The receipt is drawn by its chunk, which came while the form was filled in (or comes now; the
    // send stays busy meanwhile). Offline it may not come: the kept notice stands in.
    await this.afterSend();
    this.clock?.stop();
    this.view = view;
    this.sender.clientId = undefined;
    this.status = '';
    if (this.kiosk) this.clock?.countDown(this.resetAfter > 0 ? this.resetAfter : 8);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=receipt] h2')?.focus();
  }

  /**
   * The after-send chunk; undefined while it cannot be fetched (offline), asked for again next time.
   * The form checks and sends with it, the send controller empties the outbox with it. @internal
   */
  afterSend(): Promise<AfterSend | undefined> {
    return (this.#loading ??= import('./after-send.js').then(
      (chunk) => ((this.#after = chunk), this.requestUpdate(), chunk),
      () => (this.#loading = undefined),
    ));
  }

  /** Ends a 429's countdown. @internal */
  stopWaiting(): void {
    this.stopWait?.();
    this.quiet = false;
  }

  /** A fresh, empty form; in a kiosk, the list of employees for the next customer. @internal */
  rateAgain(): void {
    if (this.kiosk) return this.restart();
    this.#resetRating();
    this.view = 'form';
  }

  /**
   * Kiosk mode: back to the list, forgetting everything of the last customer. The form leaves the DOM
   * with what was typed in it, and nothing of it was ever written to storage (a rating waiting for
   * the network aside, which leaves the device as soon as it is sent). The kiosk controller calls it too.
   * @internal
   */
  restart(): void {
    this.#picked = '';
    this.employee = undefined;
    this.#resetRating();
    this.status = '';
    if (!this.roster) return void this.#load();
    this.view = 'pick';
    this.#focusOn('pacak-picker');
    // Staff change over the days a tablet stays on: refresh the list quietly, keeping the old one if offline.
    this.#fetchList().then(
      (roster) => (this.roster = roster),
      () => undefined,
    );
  }

  #resetRating(): void {
    this.clock?.stop();
    this.stopWaiting();
    this.receipt = undefined;
    this.sender.forget();
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
