import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { OwnComments, OwnFigures, OwnProfile } from '../../../contract/index.js';
import { pickLang } from '../i18n.js';
import { EmployeeApiError, employeeApi } from './employee-api.js';
import { employeeStrings, type EmployeeStrings } from './employee-strings.js';
import { commentsSection, evidenceSection, figuresSection, qrSection } from './own-sections.js';
import { styles } from './pacak-employee.styles.js';

const scriptOrigin = new URL(import.meta.url).origin;
const STORE_KEY = 'pacak-employee-session';
const PAGE_SIZE = 10;

interface Session {
  token: string;
  expiresAt: string;
}

/**
 * An employee's own page (`/saya`): sign-in with NIP or staff code and PIN, then their own figures month
 * by month, their customers' comments, their QR code and card, and their evidence PDF. The session token
 * is kept in this tab only (sessionStorage); signing out ends it on the server too. It names nobody: the
 * server answers about the employee it was issued to.
 *
 * @csspart sign-in - the sign-in form's card
 * @csspart figures - the figures card (totals, chart, table)
 * @csspart chart - the month-by-month chart
 * @csspart comments - the comments card
 * @csspart comment - one comment
 * @csspart qr - the QR code card
 * @csspart evidence - the evidence PDF card
 *
 * @cssprop --pacak-primary - buttons and bars (default #00695c)
 * @cssprop --pacak-focus - focus ring (#1d4ed8)
 */
export class PacakEmployee extends LitElement {
  static override styles = styles;

  /** Origin of the PACAK server; defaults to the origin this script was loaded from. */
  @property() api = scriptOrigin;
  /** `id` (default) or `en`. */
  @property() override lang = '';

  @state() private session: Session | null = null;
  @state() private me?: OwnProfile;
  @state() private figures?: OwnFigures;
  @state() private comments?: OwnComments;
  /** How many months the figures cover. */
  @state() private months = 12;
  @state() private busy = false;
  @state() private message = '';
  @state() private evidenceBusy = false;
  @state() private evidenceStatus = '';

  @query('#page-title') private pageTitle?: HTMLElement | null;
  @query('input[name=nip]') private nipField?: HTMLInputElement | null;

  private get t(): EmployeeStrings {
    return employeeStrings[pickLang(this.lang)];
  }

  private get origin(): string {
    return (this.api || scriptOrigin).replace(/\/+$/, '');
  }

  private get client() {
    return employeeApi(this.origin, this.session?.token);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? 'null') as Session | null;
    if (saved && Date.parse(saved.expiresAt) > Date.now()) {
      this.session = saved;
      void this.load();
    }
  }

  override render() {
    const t = this.t;
    if (!this.session) return this.renderSignIn(t);
    const { me, figures, comments } = this;
    return html`<div class="bar">
        <h2 id="page-title" tabindex="-1">${me ? me.name : t.loading}</h2>
        <button type="button" class="secondary" @click=${() => this.signOut(t.signedOut, true)}>${t.signOut}</button>
      </div>
      ${me ? html`<p class="muted">${me.position ? `${me.position} · ` : ''}${me.workArea.name} · ${me.office.name}</p>` : nothing}
      <p class="notice" role="alert" ?hidden=${!this.message}>${this.message}</p>
      <div class="grid">
        ${figures ? figuresSection(t, figures, this.months, (months) => void this.showMonths(months)) : nothing}
        ${comments ? commentsSection(t, comments, (offset) => void this.turn(offset)) : nothing}
        <div class="side">
          ${me ? qrSection(t, this.origin, me) : nothing}
          ${me ? evidenceSection(t, this.evidenceBusy, this.evidenceStatus, (period) => void this.download(period)) : nothing}
        </div>
      </div>`;
  }

  private renderSignIn(t: EmployeeStrings) {
    return html`<section class="card sign-in" aria-labelledby="sign-in-title" part="sign-in">
      <h2 id="sign-in-title">${t.signInTitle}</h2>
      <p class="muted">${t.signInHint}</p>
      <p class="notice" role="alert" ?hidden=${!this.message}>${this.message}</p>
      <form @submit=${this.submit}>
        <label>${t.nip}<input name="nip" autocomplete="username" required autocapitalize="characters" spellcheck="false" maxlength="40" /></label>
        <label
          >${t.pin}<input name="pin" type="password" inputmode="numeric" autocomplete="current-password" required pattern="[0-9]{6,12}" maxlength="12"
        /></label>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t.signingIn : t.signIn}</button>
      </form>
    </section>`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const t = this.t;
    this.busy = true;
    this.message = '';
    try {
      this.session = await employeeApi(this.origin).signIn(String(data.get('nip') ?? '').trim(), String(data.get('pin') ?? ''));
      sessionStorage.setItem(STORE_KEY, JSON.stringify(this.session));
      await this.load();
      await this.updateComplete;
      this.pageTitle?.focus();
    } catch (error) {
      this.message = this.explain(error, t);
    } finally {
      this.busy = false;
    }
  }

  private explain(error: unknown, t: EmployeeStrings): string {
    const failure = error instanceof EmployeeApiError ? error : new EmployeeApiError(0, {});
    if (failure.status === 401) return t.wrongPin;
    if (failure.status === 403) return t.noPin;
    if (failure.status === 422) return t.invalid;
    if (failure.status === 429) return t.locked(Number(failure.problem.retryAfter ?? 60));
    return t.failed;
  }

  private async load(): Promise<void> {
    const client = this.client;
    try {
      [this.me, this.figures, this.comments] = await Promise.all([client.me(), client.figures(this.months), client.comments(PAGE_SIZE, 0)]);
      this.message = '';
    } catch (error) {
      this.failed(error);
    }
  }

  private async showMonths(months: number): Promise<void> {
    try {
      this.figures = await this.client.figures(months);
      this.months = months;
    } catch (error) {
      this.failed(error);
    }
  }

  private async turn(offset: number): Promise<void> {
    try {
      this.comments = await this.client.comments(PAGE_SIZE, offset);
    } catch (error) {
      this.failed(error);
    }
  }

  private async download(period: string): Promise<void> {
    const t = this.t;
    this.evidenceBusy = true;
    this.evidenceStatus = t.downloading;
    try {
      const { blob, fileName } = await this.client.evidence(`period=${encodeURIComponent(period)}&lang=${pickLang(this.lang)}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      this.evidenceStatus = t.downloaded;
    } catch (error) {
      this.evidenceStatus = '';
      this.failed(error);
    } finally {
      this.evidenceBusy = false;
    }
  }

  /** A 401 means the session ended (expired, PIN changed): back to the sign-in form. */
  private failed(error: unknown): void {
    if (error instanceof EmployeeApiError && error.status === 401) return void this.signOut(this.t.sessionEnded);
    this.message = this.explain(error, this.t);
  }

  /** Back to the sign-in form; `everywhere` also ends the session on the server (best effort: the token is forgotten anyway). */
  private async signOut(message: string, everywhere = false): Promise<void> {
    if (everywhere) await this.client.signOut().catch(() => undefined);
    sessionStorage.removeItem(STORE_KEY);
    this.session = null;
    this.me = this.figures = this.comments = undefined;
    this.message = message;
    await this.updateComplete;
    this.nipField?.focus();
  }
}

if (!customElements.get('pacak-employee')) customElements.define('pacak-employee', PacakEmployee);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-employee': PacakEmployee;
  }
}
