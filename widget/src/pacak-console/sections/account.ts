import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../api.js';
import type { ConsoleContext } from '../admin-api.js';
import { screenStyles } from '../pacak-console.styles.js';
import { fieldErrors } from '../field-errors.js';
import './account-mail.js';
import './account-reports.js';

const MIN_LENGTH = 12;

const words = {
  id: {
    who: 'Anda masuk sebagai',
    change: 'Ganti kata sandi',
    hint: `Paling sedikit ${MIN_LENGTH} karakter. Kalimat panjang yang mudah Anda ingat lebih kuat daripada kata pendek yang rumit.`,
    current: 'Kata sandi sekarang',
    next: 'Kata sandi baru',
    repeat: 'Ulangi kata sandi baru',
    save: 'Simpan kata sandi',
    saving: 'Menyimpan…',
    tooShort: `Paling sedikit ${MIN_LENGTH} karakter.`,
    mismatch: 'Kedua isian kata sandi baru tidak sama.',
    same: 'Kata sandi baru harus berbeda dari yang sekarang.',
    wrongCurrent: 'Ini bukan kata sandi Anda sekarang.',
    done: 'Kata sandi diganti. Sesi lain dengan kata sandi lama sudah berakhir.',
    failed: 'Kata sandi tidak dapat diganti.',
    offline: 'Tidak dapat terhubung ke server. Coba lagi.',
  },
  en: {
    who: 'You are signed in as',
    change: 'Change password',
    hint: `At least ${MIN_LENGTH} characters. A long sentence you remember is stronger than a short clever word.`,
    current: 'Current password',
    next: 'New password',
    repeat: 'Repeat the new password',
    save: 'Save password',
    saving: 'Saving…',
    tooShort: `At least ${MIN_LENGTH} characters.`,
    mismatch: 'The two new passwords differ.',
    same: 'The new password must differ from the current one.',
    wrongCurrent: 'This is not your current password.',
    done: 'Password changed. Other sessions with the old password have ended.',
    failed: 'The password could not be changed.',
    offline: 'Cannot reach the server. Try again.',
  },
};

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/**
 * The signed-in person's own account: who they are, and changing their password (also the form an
 * account with a generated password is held at until it chooses its own). The server ends every
 * token of the old password, so on success the console signs in again with the new one
 * (`pacak-password-changed`).
 *
 * @fires pacak-password-changed - the password was changed; detail `{ password }`
 */
export class PacakConsoleAccount extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    errors: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  /** Given by the console. */
  context?: ConsoleContext;
  private errors: Partial<Record<Field, string>> = {};
  private message = '';
  private busy = false;

  override render() {
    const context = this.context;
    if (!context) return nothing;
    const w = words[context.lang];
    const { session } = context;
    const error = (field: Field) =>
      this.errors[field] ? html`<span class="field-error" id=${`${field}-error`}>${this.errors[field]}</span>` : nothing;
    const described = (field: Field) => (this.errors[field] ? `${field}-error` : 'password-hint');
    return html`<div class="stack">
      <p>${w.who} <strong data-username>${session.username}</strong></p>
      <section class="card" aria-labelledby="change-title">
        <h2 id="change-title">${w.change}</h2>
        <p class="muted" id="password-hint">${w.hint}</p>
        <form class="form" novalidate @submit=${this.submit}>
          <input type="text" name="username" autocomplete="username" .value=${session.username} hidden />
          ${this.field('currentPassword', w.current, 'current-password', error, described)}
          ${this.field('newPassword', w.next, 'new-password', error, described)}
          ${this.field('repeat', w.repeat, 'new-password', error, described)}
          <p class=${this.message === w.done ? 'ok' : 'notice'} role="status" ?hidden=${!this.message}>${this.message}</p>
          <div class="row"><button type="submit" ?disabled=${this.busy}>${this.busy ? w.saving : w.save}</button></div>
        </form>
      </section>
      <pacak-account-mail .context=${context}></pacak-account-mail>
      ${session.role === 'superadmin' ? nothing : html`<pacak-account-reports .context=${context}></pacak-account-reports>`}
    </div>`;
  }

  /** A label, its field, and the field's problem after it: the problem describes the field, it is not its name. */
  private field(field: Field, label: string, autocomplete: string, error: (field: Field) => unknown, described: (field: Field) => string) {
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <input id=${field} name=${field} type="password" autocomplete=${autocomplete} required
        aria-invalid=${this.errors[field] ? 'true' : 'false'} aria-describedby=${described(field)} />${error(field)}
    </div>`;
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const context = this.context as ConsoleContext;
    const w = words[context.lang];
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const errors: Partial<Record<Field, string>> = {};
    if (!currentPassword) errors.currentPassword = w.wrongCurrent;
    if (newPassword.length < MIN_LENGTH) errors.newPassword = w.tooShort;
    else if (newPassword === currentPassword) errors.newPassword = w.same;
    if (String(data.get('repeat') ?? '') !== newPassword) errors.repeat = w.mismatch;
    this.message = '';
    if (this.show(errors)) return;
    this.busy = true;
    try {
      await context.api.post('/admin/me/password', { currentPassword, newPassword });
      form.reset();
      this.message = w.done;
      this.dispatchEvent(new CustomEvent('pacak-password-changed', { detail: { password: newPassword }, bubbles: true, composed: true }));
    } catch (error) {
      const failure = asApiError(error);
      const fields = fieldErrors(failure);
      if (fields.currentPassword) fields.currentPassword = w.wrongCurrent;
      if (!this.show(fields as Partial<Record<Field, string>>))
        this.message = failure.status === 0 ? w.offline : [w.failed, failure.problem.detail].filter(Boolean).join(' ');
    } finally {
      this.busy = false;
    }
  };

  /** Puts each problem beside its field and the focus on the first; false when there is none. */
  private show(errors: Partial<Record<Field, string>>): boolean {
    this.errors = errors;
    const first = (['currentPassword', 'newPassword', 'repeat'] as Field[]).find((field) => errors[field]);
    if (first) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`input[name=${first}]`)?.focus());
    return Boolean(first);
  }
}

if (!customElements.get('pacak-console-account')) customElements.define('pacak-console-account', PacakConsoleAccount);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-account': PacakConsoleAccount;
  }
}
