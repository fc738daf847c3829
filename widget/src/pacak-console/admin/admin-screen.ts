import { LitElement, html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { ApiError } from '../../api.js';
import type { ConsoleContext } from '../admin-api.js';
import type { Session } from '../../pacak-dashboard/session.js';
import { adminStyles } from './admin.styles.js';

/** What went wrong with the last request of a screen: one line, and messages beside the fields they concern. */
export interface Failure {
  message: string;
  fields: Record<string, string>;
}

/**
 * What every management screen shares: the `context` the console hands it, words in the console's
 * language (Indonesian first, English second), a status line that screen readers hear, and the
 * server's problem details turned into a message and field errors. A role that may not use a screen
 * sees a short notice instead (the server refuses its requests anyway).
 */
export abstract class AdminScreen extends LitElement {
  static override styles: CSSResultGroup = adminStyles;
  static override properties = {
    context: { attribute: false },
    status: { state: true },
    failure: { state: true },
    busy: { state: true },
  };

  /** The API, the signed-in session, the language and navigation, from the console. */
  declare context: ConsoleContext;
  protected status = '';
  protected failure: Failure | null = null;
  protected busy = false;

  /** Roles that may open this screen. */
  protected abstract readonly roles: readonly Session['role'][];

  /** Indonesian or English, as the console's language says. */
  protected t(id: string, en: string): string {
    return this.context?.lang === 'en' ? en : id;
  }

  protected get locale(): string {
    return this.context?.lang === 'en' ? 'en-GB' : 'id-ID';
  }

  protected get userRole(): Session['role'] {
    return this.context.session.role;
  }

  protected get allowed(): boolean {
    return !!this.context && this.roles.includes(this.userRole);
  }

  /**
   * The console keeps one element per screen and hands it a new context when the token, language or
   * address changed: the screen then reads its filters from the address and loads again. Coming back
   * to a screen already shown loads again too, since another screen may have changed what it lists.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.allowed) {
      this.readAddress();
      void this.load();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.allowed) void this.load();
  }

  /** Screens with filters in the address read them here. */
  protected readAddress(): void {}

  /** Reads what the screen shows; called once when it is placed, and after each change. */
  protected abstract load(): Promise<void>;

  protected abstract renderScreen(): TemplateResult;

  override render(): TemplateResult {
    if (!this.context) return html``;
    if (!this.allowed) {
      return html`<section class="card" role="note"><p>${this.t('Halaman ini tidak tersedia untuk peran Anda.', 'This page is not available to your role.')}</p></section>`;
    }
    return this.renderScreen();
  }

  /** Runs one request, keeping the status line and errors in step; answers undefined when it failed. */
  protected async run<T>(work: () => Promise<T>, done?: string): Promise<T | undefined> {
    this.busy = true;
    this.failure = null;
    this.status = '';
    try {
      const result = await work();
      if (done) this.status = done;
      return result;
    } catch (error) {
      this.failure = this.explain(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  protected explain(error: unknown): Failure {
    if (!(error instanceof ApiError))
      return { message: this.t('Terjadi kesalahan tak terduga.', 'Something unexpected went wrong.'), fields: {} };
    const { status, problem } = error;
    const fields: Record<string, string> = {};
    for (const { path, message } of problem.errors ?? []) fields[path || '_'] = message;
    const lead =
      status === 0
        ? this.t('Tidak ada sambungan ke server. Coba lagi.', 'No connection to the server. Try again.')
        : status === 422 || status === 400
          ? this.t('Periksa isian yang ditandai.', 'Check the marked fields.')
          : status === 403
            ? this.t('Peran Anda tidak boleh melakukan ini.', 'Your role may not do this.')
            : status === 404
              ? this.t('Tidak ditemukan (mungkin sudah dihapus).', 'Not found (it may have been removed).')
              : status === 409 || status === 410
                ? this.t('Tidak dapat dilakukan.', 'This cannot be done.')
                : this.t('Permintaan gagal.', 'The request failed.');
    const detail = problem.detail ?? (Object.keys(fields).length ? '' : (problem.title ?? ''));
    return { message: detail ? `${lead} ${detail}` : lead, fields };
  }

  /** The field's error under it, tied to the control by `aria-describedby` (`<id>-error`). */
  protected fieldError(path: string, id: string): TemplateResult | typeof nothing {
    const message = this.failure?.fields[path];
    return message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing;
  }

  protected describedBy(path: string, id: string): string | typeof nothing {
    return this.failure?.fields[path] ? `${id}-error` : nothing;
  }

  /** The status line and the last failure; polite for news, assertive for errors. */
  protected renderStatus(): TemplateResult {
    return html`<p class="status" role="status" aria-live="polite">${this.status}</p>
      <p class="error" role="alert">${this.failure?.message ?? ''}</p>`;
  }

  /** The name of a table's scroll region, apart from its section's, so the two landmarks differ. */
  protected tableLabel(title: string): string {
    return `${this.t('Tabel', 'Table')}: ${title}`;
  }

  protected dateTime(iso: string | null): string {
    if (!iso) return '';
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }
}
