import { LitElement, html, nothing } from 'lit';
import type { ApiError } from '../api.js';
import { pickLang } from '../i18n.js';
import { chartStyles } from './charts.styles.js';
import { ReportsApi } from './dashboard-api.js';
import { dashboardStrings } from './dashboard-strings.js';
import type { DashboardStrings } from './dashboard-strings.js';
import { ExportController } from './export-controller.js';
import type { TrendMode } from './figure-blocks.js';
import { styles } from './pacak-dashboard.styles.js';
import { ReportsController } from './reports-controller.js';
import { nextSort, renderReports } from './reports-view.js';
import { SessionController } from './session-controller.js';
import type { Session } from './session.js';
import { renderSignIn } from './sign-in.js';
import type { Sort } from './tables.js';

const scriptOrigin = new URL(import.meta.url).origin;

/**
 * The leaders' dashboard over the PACAK report API: sign-in, a period and filters, the headline
 * figures with the change from the period before, the five indicators, the trend, the ranking, work
 * areas and service types compared, each employee's page, and the exports. What it offers follows
 * the role in the token (a coordinator has no work-area choice, only an admin makes share links);
 * the server enforces the same on every request. The token is kept in sessionStorage, never longer.
 *
 * @csspart shell - the box around everything
 * @csspart header - the bar with the signed-in user and the sign-out button
 * @csspart sign-in - the sign-in form's card
 * @csspart filters - the period and filter form
 * @csspart exports - each row of download and share buttons
 * @csspart share - the share-link panel
 * @csspart status - the live region for downloads and failures
 *
 * @cssprop --pacak-primary - buttons and bars (default #00695c)
 * @cssprop --pacak-on-primary - text on buttons (#fff)
 * @cssprop --pacak-font - font family (system-ui)
 * @cssprop --pacak-bg - page background (#f3f6f4)
 * @cssprop --pacak-card - card background (#fff)
 * @cssprop --pacak-text - text (#1f2933)
 * @cssprop --pacak-muted - secondary text (#52606d)
 * @cssprop --pacak-border - borders (#7b8794)
 * @cssprop --pacak-focus - focus ring (#1d4ed8)
 */
export class PacakDashboard extends LitElement {
  static override styles = [styles, chartStyles];

  static override properties = {
    api: {},
    lang: {},
    trend: { state: true },
    sorts: { state: true },
  };

  /** Origin of the PACAK server; defaults to the origin this script was loaded from. */
  api = scriptOrigin;
  /** `id` or `en`; without it an English page gets English, any other Indonesian. */
  override lang = '';

  private trend: TrendMode = 'overall';
  private sorts: { ranked: Sort; waiting: Sort } = {
    ranked: { key: 'rank', descending: false },
    waiting: { key: 'count', descending: true },
  };
  private auth = new SessionController(this, {
    origin: () => this.origin,
    t: () => this.t,
    explain: (failure) => this.explain(failure),
    started: () => void this.reports.reload(),
    ended: () => this.forget(),
  });
  private reports = new ReportsController(this, {
    t: () => this.t,
    session: () => this.session,
    api: () => this.reportsApi,
    explain: (failure) => this.explain(failure),
  });
  private exports = new ExportController(this, {
    t: () => this.t,
    api: () => (this.session ? this.reportsApi : null),
    params: () => this.reports.params(),
    canShare: () => this.session?.role === 'admin',
    explain: (failure) => this.explain(failure),
  });

  private get t(): DashboardStrings {
    return dashboardStrings[pickLang(this.lang)];
  }

  private get origin(): string {
    return (this.api || scriptOrigin).replace(/\/+$/, '');
  }

  private get session(): Session | null {
    return this.auth.session;
  }

  private get reportsApi(): ReportsApi {
    return new ReportsApi(this.origin, this.session?.token ?? '', () => this.auth.end(this.t.expired));
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('api')) this.auth.restore();
  }

  override render() {
    const t = this.t;
    const lang = pickLang(this.lang);
    return html`<div class="shell" part="shell" lang=${lang}>
      ${this.session ? this.renderBar(t) : nothing}
      ${
        this.session
          ? this.renderBody(t)
          : renderSignIn({ t, busy: this.auth.busy, message: this.auth.message, onSubmit: (u, p) => void this.signIn(u, p) })
      }
      ${this.exports.render()}
    </div>`;
  }

  private renderBar(t: DashboardStrings) {
    const session = this.session as Session;
    const office = this.reports.overview?.summary.office.name ?? '';
    const area = session.workArea ? (this.reports.areas.get(session.workArea) ?? session.workArea) : '';
    return html`<header class="bar" part="header">
      <div><strong>${t.title}</strong>${office ? html`<span class="muted"> · ${office}</span>` : nothing}</div>
      <div class="who">
        <span data-role=${session.role}>${session.username} · ${t.roles[session.role]}${area ? ` · ${area}` : ''}</span>
        <button type="button" class="secondary" @click=${() => this.auth.end(t.signedOut)}>${t.signOut}</button>
      </div>
    </header>`;
  }

  private renderBody(t: DashboardStrings) {
    return renderReports({
      t,
      lang: pickLang(this.lang),
      reports: this.reports,
      coordinator: this.session?.role === 'coordinator',
      workArea: this.session?.workArea ?? null,
      trend: this.trend,
      sorts: this.sorts,
      exports: this.exports,
      origin: this.origin,
      onTrend: this.setTrend,
      onSort: (table, key) => (this.sorts = nextSort(this.sorts, table, key)),
      onOpen: (nip) => void this.open(nip),
      onBack: () => void this.back(),
      onFilters: () => this.exports.reset(),
    });
  }

  private setTrend = (mode: TrendMode) => (this.trend = mode);

  private async signIn(username: string, password: string): Promise<void> {
    if (await this.auth.signIn(username, password)) return;
    const field = this.renderRoot.querySelector<HTMLInputElement>('input[name=password]');
    if (field) field.value = '';
  }

  /** Signed out: everything read with the token goes, and the sign-in form takes the focus. */
  private forget(): void {
    this.reports.forget();
    this.exports.reset();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=username]')?.focus());
  }

  private explain(failure: ApiError): string {
    const t = this.t;
    if (failure.status === 0) return t.offline;
    if (failure.status === 403) return t.noReports;
    return [t.failed, failure.problem.detail].filter(Boolean).join(' ');
  }

  /** Opens an employee's page for the same period and filters. */
  private async open(nip: string): Promise<void> {
    this.exports.reset();
    if (!(await this.reports.open(nip))) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#employee-name')?.focus();
  }

  private async back(): Promise<void> {
    const nip = this.reports.nip;
    this.exports.reset();
    this.reports.close();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-nip="${CSS.escape(nip)}"] .link`)?.focus();
  }
}

if (!customElements.get('pacak-dashboard')) customElements.define('pacak-dashboard', PacakDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-dashboard': PacakDashboard;
  }
}
