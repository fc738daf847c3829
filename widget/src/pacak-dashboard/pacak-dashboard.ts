import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../api.js';
import type { ApiError } from '../api.js';
import { pickLang } from '../i18n.js';
import { ReportsApi } from './dashboard-api.js';
import type { ReportParams } from './dashboard-api.js';
import { dashboardStrings } from './dashboard-strings.js';
import type { DashboardStrings } from './dashboard-strings.js';
import { renderEmployee } from './employee-view.js';
import { ExportController } from './export-controller.js';
import type { TrendMode } from './figure-blocks.js';
import { renderFilters } from './filters.js';
import type { FilterState } from './filters.js';
import { renderOverview } from './overview.js';
import type { Overview } from './overview.js';
import { chartStyles } from './charts.styles.js';
import { styles } from './pacak-dashboard.styles.js';
import { isDay, presetPeriod, previousPeriod, today } from './period.js';
import type { EmployeeReport, GroupReport, RankingReport, SummaryReport } from '../../../contract/index.js';
import { SessionController } from './session-controller.js';
import type { Session } from './session.js';
import { renderSignIn } from './sign-in.js';
import type { Sort, SortKey } from './tables.js';

const scriptOrigin = new URL(import.meta.url).origin;
const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

type Load = 'idle' | 'loading' | 'ready' | 'failed';

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
    filters: { state: true },
    periodError: { state: true },
    load: { state: true },
    error: { state: true },
    overview: { state: true },
    nip: { state: true },
    employee: { state: true },
    trend: { state: true },
    sorts: { state: true },
  };

  /** Origin of the PACAK server; defaults to the origin this script was loaded from. */
  api = scriptOrigin;
  /** `id` or `en`; without it an English page gets English, any other Indonesian. */
  override lang = '';

  private filters: FilterState = { preset: 'this-month', ...presetPeriod('this-month', today(DEFAULT_TIME_ZONE)), workArea: '', serviceType: '', verified: false };
  private periodError = '';
  private load: Load = 'idle';
  private error = '';
  private overview?: Overview;
  /** The employee whose page is open; empty on the overview. */
  private nip = '';
  private employee?: EmployeeReport;
  private trend: TrendMode = 'overall';
  private sorts: { ranked: Sort; waiting: Sort } = { ranked: { key: 'rank', descending: false }, waiting: { key: 'count', descending: true } };
  private auth = new SessionController(this, {
    origin: () => this.origin,
    t: () => this.t,
    explain: (failure) => this.explain(failure),
    started: () => void this.reload(),
    ended: () => this.forget(),
  });
  private exports = new ExportController(this, {
    t: () => this.t,
    api: () => (this.session ? this.reports : null),
    params: () => this.params(),
    canShare: () => this.session?.role === 'admin',
    explain: (failure) => this.explain(failure),
  });

  private timeZone = DEFAULT_TIME_ZONE;
  // Filter choices gathered from the reports (the admin lists are admin-only), kept as first seen.
  private areas = new Map<string, string>();
  private types = new Map<string, string>();
  private loads?: AbortController;

  private get t(): DashboardStrings {
    return dashboardStrings[pickLang(this.lang)];
  }

  private get origin(): string {
    return (this.api || scriptOrigin).replace(/\/+$/, '');
  }

  private get session(): Session | null {
    return this.auth.session;
  }

  private get reports(): ReportsApi {
    return new ReportsApi(this.origin, this.session?.token ?? '', () => this.auth.end(this.t.expired));
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('api')) this.auth.restore();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while loading: the load was dropped on the way out, so it starts again.
    if (this.session && this.load === 'loading') void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loads?.abort();
  }

  override render() {
    const t = this.t;
    const lang = pickLang(this.lang);
    return html`<div class="shell" part="shell" lang=${lang}>
      ${this.session ? this.renderBar(t) : nothing}
      ${this.session
        ? this.renderBody(t)
        : renderSignIn({ t, busy: this.auth.busy, message: this.auth.message, onSubmit: (u, p) => void this.signIn(u, p) })}
      ${this.exports.render()}
    </div>`;
  }

  private renderBar(t: DashboardStrings) {
    const session = this.session as Session;
    const office = this.overview?.summary.office.name ?? '';
    const area = session.workArea ? (this.areas.get(session.workArea) ?? session.workArea) : '';
    return html`<header class="bar" part="header">
      <div><strong>${t.title}</strong>${office ? html`<span class="muted"> · ${office}</span>` : nothing}</div>
      <div class="who">
        <span data-role=${session.role}>${session.username} · ${t.roles[session.role]}${area ? ` · ${area}` : ''}</span>
        <button type="button" class="secondary" @click=${() => this.auth.end(t.signedOut)}>${t.signOut}</button>
      </div>
    </header>`;
  }

  private renderBody(t: DashboardStrings) {
    const coordinator = this.session?.role === 'coordinator';
    const named = (map: Map<string, string>) => [...map].map(([code, name]) => ({ code, name }));
    const filters = renderFilters({
      t,
      state: this.filters,
      workAreas: coordinator ? null : named(this.areas),
      serviceTypes: named(this.types),
      error: this.periodError,
      onChange: (change) => this.changeFilters(change),
    });
    const busy = this.load === 'loading';
    let body: unknown = nothing;
    if (this.load === 'failed') {
      body = html`<div class="notice" role="alert"><p>${this.error}</p>
        <button type="button" @click=${() => void this.reload()}>${t.retry}</button></div>`;
    } else if (this.nip && this.employee) {
      body = renderEmployee({ t, report: this.employee, trend: this.trend, exports: this.exports.bar, onTrend: this.setTrend, onBack: this.back });
    } else if (!this.nip && this.overview) {
      body = renderOverview({
        t,
        lang: pickLang(this.lang),
        data: this.overview,
        compareAreas: !coordinator,
        trend: this.trend,
        sorts: this.sorts,
        exports: this.exports.bar,
        board: this.boardInView(),
        onBoard: (code) => void this.exports.board(code, this.origin),
        onTrend: this.setTrend,
        onSort: (table, key) => this.sort(table, key),
        onOpen: (nip) => void this.open(nip),
      });
    }
    return html`${filters}
      ${busy ? html`<p class="loading" role="status">${t.loading}</p>` : nothing}
      <div class="body" aria-busy=${busy ? 'true' : 'false'}>${body}</div>`;
  }

  private boardInView() {
    const code = this.session?.workArea ?? this.filters.workArea;
    return code ? { code, name: this.areas.get(code) ?? code } : null;
  }

  private setTrend = (mode: TrendMode) => (this.trend = mode);

  private async signIn(username: string, password: string): Promise<void> {
    if (await this.auth.signIn(username, password)) return;
    const field = this.renderRoot.querySelector<HTMLInputElement>('input[name=password]');
    if (field) field.value = '';
  }

  /** Signed out: everything read with the token goes, and the sign-in form takes the focus. */
  private forget(): void {
    this.loads?.abort();
    Object.assign(this, { overview: undefined, employee: undefined, nip: '', load: 'idle' });
    this.exports.reset();
    this.areas.clear();
    this.types.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=username]')?.focus());
  }

  private explain(failure: ApiError): string {
    const t = this.t;
    if (failure.status === 0) return t.offline;
    if (failure.status === 403) return t.noReports;
    return [t.failed, failure.problem.detail].filter(Boolean).join(' ');
  }

  // --- loading ---------------------------------------------------------------------------------

  private params(): ReportParams {
    const { from, to, workArea, serviceType, verified } = this.filters;
    return { from, to, serviceType, verified, workArea: this.session?.role === 'coordinator' ? undefined : workArea };
  }

  private changeFilters(change: Partial<FilterState>): void {
    const next = { ...this.filters, ...change };
    if (change.preset && change.preset !== 'custom') Object.assign(next, presetPeriod(change.preset, today(this.timeZone)));
    this.filters = next;
    this.exports.reset();
    void this.reload();
  }

  /** Loads the overview for the period and filters, and the open employee's page with it. */
  private async reload(): Promise<void> {
    const t = this.t;
    const { from, to } = this.filters;
    this.periodError = isDay(from) && isDay(to) && from <= to ? '' : t.badPeriod;
    if (!this.session || this.periodError) return;
    if (this.session.role === 'superadmin') {
      this.fail(t.noReports);
      return;
    }
    const signal = this.restart();
    const params = this.params();
    const api = this.reports;
    this.load = 'loading';
    try {
      const [summary, previous, workAreas, serviceTypes, ranking, employee] = await Promise.all([
        api.report<SummaryReport>('summary', params, signal),
        api.report<SummaryReport>('summary', { ...params, ...previousPeriod(params) }, signal),
        api.report<GroupReport>('work-areas', params, signal),
        api.report<GroupReport>('service-types', params, signal),
        api.report<RankingReport>('ranking', params, signal),
        this.nip ? api.employee<EmployeeReport>(this.nip, params, signal) : undefined,
      ]);
      for (const row of workAreas.rows) if (!this.areas.has(row.code)) this.areas.set(row.code, row.name);
      for (const row of serviceTypes.rows) if (!this.types.has(row.code)) this.types.set(row.code, row.name);
      this.overview = { summary, previous, workAreas, serviceTypes, ranking };
      this.employee = employee;
      this.load = 'ready';
      this.followOfficeClock(summary.office.timeZone);
    } catch (error) {
      if (!signal.aborted && this.session) this.fail(this.explain(asApiError(error)));
    }
  }

  /** A new load replaces any still on its way: its answers would belong to other filters. */
  private restart(): AbortSignal {
    this.loads?.abort();
    this.loads = new AbortController();
    return this.loads.signal;
  }

  private fail(message: string): void {
    this.load = 'failed';
    this.error = message;
  }

  /** Presets count days in the office's time zone; once the first report names it, follow it. */
  private followOfficeClock(timeZone: string): void {
    if (timeZone === this.timeZone) return;
    this.timeZone = timeZone;
    const { preset } = this.filters;
    if (preset === 'custom') return;
    const period = presetPeriod(preset, today(timeZone));
    if (period.from !== this.filters.from || period.to !== this.filters.to) this.changeFilters({ preset });
  }

  /** Opens an employee's page for the same period and filters. */
  private async open(nip: string): Promise<void> {
    this.nip = nip;
    this.employee = undefined;
    this.exports.reset();
    const signal = this.restart();
    this.load = 'loading';
    try {
      this.employee = await this.reports.employee<EmployeeReport>(nip, this.params(), signal);
      this.load = 'ready';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#employee-name')?.focus();
    } catch (error) {
      if (!signal.aborted && this.session) this.fail(this.explain(asApiError(error)));
    }
  }

  private back = async (): Promise<void> => {
    const nip = this.nip;
    this.nip = '';
    this.employee = undefined;
    this.exports.reset();
    if (this.load !== 'ready') void this.reload();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-nip="${CSS.escape(nip)}"]`)?.focus();
  };

  private sort(table: 'ranked' | 'waiting', key: SortKey): void {
    const current = this.sorts[table];
    // A second click on the same column turns the order round; a new column starts from its natural end.
    const descending = current.key === key ? !current.descending : key === 'count' || key === 'score';
    this.sorts = { ...this.sorts, [table]: { key, descending } };
  }
}

if (!customElements.get('pacak-dashboard')) customElements.define('pacak-dashboard', PacakDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-dashboard': PacakDashboard;
  }
}
