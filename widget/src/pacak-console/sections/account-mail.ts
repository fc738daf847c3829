import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../api.js';
import type { ConsoleContext } from '../admin-api.js';
import { screenStyles } from '../pacak-console.styles.js';
import { fieldErrors } from '../field-errors.js';

interface Me {
  email: string | null;
  alertMail: boolean;
  role: string;
}

const words = {
  id: {
    title: 'Surel',
    hint: 'Alamat untuk peringatan nilai rendah dan laporan terjadwal. Nomor pelanggan tidak pernah dikirim lewat surel.',
    email: 'Alamat surel',
    alerts: 'Kirimi saya peringatan nilai rendah (paling banyak satu surel per beberapa menit)',
    save: 'Simpan',
    saved: 'Tersimpan.',
    failed: 'Tidak dapat disimpan.',
  },
  en: {
    title: 'E-mail',
    hint: "Where low-score alerts and scheduled reports go. Customers' numbers are never sent by e-mail.",
    email: 'E-mail address',
    alerts: 'Send me low-score alerts (at most one e-mail every few minutes)',
    save: 'Save',
    saved: 'Saved.',
    failed: 'Could not be saved.',
  },
};

/** The signed-in person's own e-mail address and whether they get low-score alerts by mail. */
export class PacakAccountMail extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    me: { state: true },
    message: { state: true },
    error: { state: true },
  };

  /** Given by the console. */
  context?: ConsoleContext;
  private me: Me | null = null;
  private message = '';
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.context?.api.get<Me>('/admin/me').then(
      (me) => (this.me = me),
      () => undefined,
    );
  }

  override render() {
    const context = this.context;
    if (!context || !this.me) return nothing;
    const w = words[context.lang];
    const alertsOffered = this.me.role === 'coordinator' || this.me.role === 'admin';
    return html`<section class="card" aria-labelledby="mail-title">
      <h2 id="mail-title">${w.title}</h2>
      <p class="muted" id="mail-hint">${w.hint}</p>
      <form class="form" novalidate @submit=${this.submit}>
        <div class="field">
          <label for="email">${w.email}</label>
          <input id="email" name="email" type="email" autocomplete="email" .value=${this.me.email ?? ''}
            aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'email-error' : 'mail-hint'} />
          ${this.error ? html`<span class="field-error" id="email-error">${this.error}</span>` : nothing}
        </div>
        ${
          alertsOffered
            ? html`<label class="check"><input type="checkbox" name="alertMail" .checked=${this.me.alertMail} />${w.alerts}</label>`
            : nothing
        }
        <p class="ok" role="status" ?hidden=${!this.message}>${this.message}</p>
        <div class="row"><button type="submit">${w.save}</button></div>
      </form>
    </section>`;
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const context = this.context as ConsoleContext;
    const w = words[context.lang];
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const offered = this.me?.role === 'coordinator' || this.me?.role === 'admin';
    const body = { email: email || null, ...(offered ? { alertMail: data.has('alertMail') } : {}) };
    this.message = '';
    this.error = '';
    try {
      this.me = await context.api.patch<Me>('/admin/me', body);
      this.message = w.saved;
    } catch (error) {
      const failure = asApiError(error);
      this.error = fieldErrors(failure).email ?? [w.failed, failure.problem.detail].filter(Boolean).join(' ');
    }
  };
}

if (!customElements.get('pacak-account-mail')) customElements.define('pacak-account-mail', PacakAccountMail);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-account-mail': PacakAccountMail;
  }
}
