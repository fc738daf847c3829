import { LitElement, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { adminStyles } from './admin.styles.js';

/**
 * A modal that asks for a reason before an audited action (void, unvoid, reveal a number), built on
 * the native `<dialog>`: focus stays inside, Escape closes it, and focus returns to the button that
 * opened it. The screen answers `submit(reason)`; what it shows afterwards (a revealed number) goes in
 * the `result` property, shown instead of the form.
 *
 * @fires pacak-reason - `detail: { reason }` when the form is sent.
 */
export class PacakReasonDialog extends LitElement {
  static override styles = adminStyles;
  static override properties = {
    heading: {},
    label: {},
    action: {},
    closeLabel: { attribute: 'close-label' },
    optional: { type: Boolean },
    result: { attribute: false },
    error: {},
  };

  declare heading: string;
  declare label: string;
  declare action: string;
  declare closeLabel: string;
  /** The reason may be left empty (unvoid). */
  declare optional: boolean;
  /** Shown in place of the form once the action is done (a revealed number). */
  declare result: TemplateResult | null;
  declare error: string;
  #opener: HTMLElement | null = null;

  constructor() {
    super();
    this.optional = false;
    this.result = null;
    this.error = '';
  }

  /** Opens the form; `opener` gets the focus back when the dialog closes. */
  open(opener: HTMLElement | null): void {
    this.#opener = opener;
    this.result = null;
    this.error = '';
    const dialog = this.renderRoot.querySelector('dialog');
    const form = this.renderRoot.querySelector('form');
    form?.reset();
    dialog?.showModal();
    this.renderRoot.querySelector('textarea')?.focus();
  }

  override updated(changed: PropertyValues<this>): void {
    // Once the result replaces the form, the button that had the focus is gone: the way out gets it.
    if (changed.has('result') && this.result) this.renderRoot.querySelector<HTMLButtonElement>('.actions button')?.focus();
  }

  close(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="reason-heading" @close=${this.#restoreFocus}>
      <h2 id="reason-heading">${this.heading}</h2>
      ${
        this.result
          ? html`${this.result}<div class="actions"><button type="button" @click=${this.close}>${this.closeLabel}</button></div>`
          : html`<form @submit=${this.#submit}>
            <div class="field">
              <label for="reason">${this.label}</label>
              <textarea id="reason" name="reason" rows="3" maxlength="500" ?required=${!this.optional} aria-describedby=${this.error ? 'reason-error' : ''}></textarea>
              ${this.error ? html`<p class="field-error" id="reason-error" role="alert">${this.error}</p>` : ''}
            </div>
            <div class="actions">
              <button type="submit">${this.action}</button>
              <button type="button" class="secondary" @click=${this.close}>${this.closeLabel}</button>
            </div>
          </form>`
      }
    </dialog>`;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const reason = (new FormData(event.target as HTMLFormElement).get('reason') as string).trim();
    this.dispatchEvent(new CustomEvent('pacak-reason', { detail: { reason }, bubbles: true, composed: true }));
  }

  #restoreFocus(): void {
    this.#opener?.focus();
  }
}

if (!customElements.get('pacak-reason-dialog')) customElements.define('pacak-reason-dialog', PacakReasonDialog);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-reason-dialog': PacakReasonDialog;
  }
}
