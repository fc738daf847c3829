import { LitElement, html, nothing } from 'lit';
import type { ApiError } from '../../api.js';
import { chartStyles } from '../../pacak-dashboard/charts.styles.js';
import { ReportsApi } from '../../pacak-dashboard/dashboard-api.js';
import { dashboardStrings } from '../../pacak-dashboard/dashboard-strings.js';
import type { DashboardStrings } from '../../pacak-dashboard/dashboard-strings.js';
import { ExportController } from '../../pacak-dashboard/export-controller.js';
import type { TrendMode } from '../../pacak-dashboard/figure-blocks.js';
import { ReportsController } from '../../pacak-dashboard/reports-controller.js';
import { nextSort, renderReports } from '../../pacak-dashboard/reports-view.js';
import type { Sorts } from '../../pacak-dashboard/reports-view.js';
import type { ConsoleContext } from '../admin-api.js';
import { screenStyles } from '../pacak-console.styles.js';
import { filtersOf, reportsPath, sameFilters } from '../report-address.js';

const EMPLOYEE = /^employees\/(.+)$/;

/**
 * The dashboard's reports inside the console: the overview at `/admin/reports`, an employee's page at
 * `/admin/reports/employees/<nip>`, the period and filters in the query. The address leads: a link,
 * Back or Forward changes the context and the reports follow; a change made on screen is written
 * into the address (a new history entry), so Back undoes it.
 */
export class PacakConsoleReports extends LitElement {
  static override styles = [...screenStyles, chartStyles];

  static override properties = {
    context: { attribute: false },
    trend: { state: true },
    sorts: { state: true },
  };

  /** Given by the console: the session, the language, the subpath and a way to move. */
  context?: ConsoleContext;

  private trend: TrendMode = 'overall';
  private sorts: Sorts = { ranked: { key: 'rank', descending: false }, waiting: { key: 'count', descending: true } };
  private started = false;
  private reports = new ReportsController(this, {
    t: () => this.t,
    session: () => this.context?.session ?? null,
    api: () => this.api,
    explain: (failure) => this.explain(failure),
    changed: () => this.context?.navigate(reportsPath(this.reports.nip, this.reports.filters)),
  });
  private exports = new ExportController(this, {
    t: () => this.t,
    api: () => (this.context ? this.api : null),
    params: () => this.reports.params(),
    canShare: () => this.context?.session.role === 'admin',
    explain: (failure) => this.explain(failure),
  });

  private get t(): DashboardStrings {
    return dashboardStrings[this.context?.lang ?? 'id'];
  }

  private get api(): ReportsApi {
    const context = this.context as ConsoleContext;
    // A 401 here is told to the console through its own API, which ends the session with the notice.
    return new ReportsApi(context.api.origin, context.session.token, () => void context.api.get('/admin/me').catch(() => undefined));
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('context') && this.context) this.follow(this.context);
  }

  override render() {
    const context = this.context;
    if (!context) return nothing;
    const { filters } = this.reports;
    return html`${renderReports({
      t: this.t,
      lang: context.lang,
      reports: this.reports,
      coordinator: context.session.role === 'coordinator',
      workArea: context.session.workArea,
      trend: this.trend,
      sorts: this.sorts,
      exports: this.exports,
      origin: context.api.origin,
      onTrend: (mode) => (this.trend = mode),
      onSort: (table, key) => (this.sorts = nextSort(this.sorts, table, key)),
      onOpen: (nip) => context.navigate(reportsPath(nip, filters)),
      onBack: () => context.navigate(reportsPath('', filters)),
      onFilters: () => this.exports.reset(),
      hrefs: { employee: (nip) => reportsPath(nip, filters), overview: reportsPath('', filters) },
    })}${this.exports.render()}`;
  }

  /** Shows what the address names: its filters, and the employee in the subpath if any. */
  private follow(context: ConsoleContext): void {
    const nip = EMPLOYEE.exec(context.subpath)?.[1];
    const wanted = filtersOf(location.search, this.reports.timeZone, this.reports.filters);
    const reports = this.reports;
    if (!this.started || !sameFilters(wanted, reports.filters)) {
      this.started = true;
      this.exports.reset();
      Object.assign(reports, { filters: wanted, nip: nip ? decodeURIComponent(nip) : '', employee: undefined });
      void reports.reload();
    } else if ((nip ? decodeURIComponent(nip) : '') !== reports.nip) {
      this.exports.reset();
      if (nip) void reports.open(decodeURIComponent(nip));
      else reports.close();
    }
  }

  private explain(failure: ApiError): string {
    const t = this.t;
    if (failure.status === 0) return t.offline;
    if (failure.status === 403) return t.noReports;
    return [t.failed, failure.problem.detail].filter(Boolean).join(' ');
  }
}

if (!customElements.get('pacak-console-reports')) customElements.define('pacak-console-reports', PacakConsoleReports);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-reports': PacakConsoleReports;
  }
}
