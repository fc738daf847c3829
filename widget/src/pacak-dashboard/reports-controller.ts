import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asApiError } from '../api.js';
import type { ApiError } from '../api.js';
import type { ReportParams, ReportsApi } from './dashboard-api.js';
import type { DashboardStrings } from './dashboard-strings.js';
import type { FilterState } from './filters.js';
import type { Overview } from './overview.js';
import { isDay, presetPeriod, previousPeriod, today } from './period.js';
import type { EmployeeReport, GroupReport, RankingReport, SummaryReport } from '../../../contract/index.js';
import type { Session } from './session.js';

const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

export type Load = 'idle' | 'loading' | 'ready' | 'failed';

/** What the loader needs from the element that shows the reports. */
export interface ReportsContext {
  t(): DashboardStrings;
  session(): Session | null;
  /** The report API with the session's token. */
  api(): ReportsApi;
  explain(failure: ApiError): string;
  /** The filters or the open employee changed (the console writes them into the address). */
  changed?(): void;
}

/**
 * Loads the reports for a period and filters: the overview (summary, the period before, work areas,
 * service types, ranking) and, when one is open, an employee's page. A new load replaces one still
 * on its way, whose answers would belong to other filters. `<pacak-dashboard>` and the console's
 * reports screen both show what it holds.
 */
export class ReportsController implements ReactiveController {
  filters: FilterState = {
    preset: 'this-month',
    ...presetPeriod('this-month', today(DEFAULT_TIME_ZONE)),
    workArea: '',
    serviceType: '',
    verified: false,
    orderBy: 'bayesian',
  };
  periodError = '';
  load: Load = 'idle';
  error = '';
  overview?: Overview;
  /** The employee whose page is open; empty on the overview. */
  nip = '';
  employee?: EmployeeReport;
  timeZone = DEFAULT_TIME_ZONE;
  // Filter choices gathered from the reports (the admin lists are admin-only), kept as first seen.
  readonly areas = new Map<string, string>();
  readonly types = new Map<string, string>();
  private loads?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: ReportsContext,
  ) {
    host.addController(this);
  }

  // Moved in the page while loading: the load was dropped on the way out, so it starts again.
  hostConnected(): void {
    if (this.context.session() && this.load === 'loading') void this.reload();
  }

  hostDisconnected(): void {
    this.loads?.abort();
  }

  params(): ReportParams {
    const { from, to, workArea, serviceType, verified, orderBy } = this.filters;
    return { from, to, serviceType, verified, orderBy, workArea: this.context.session()?.role === 'coordinator' ? undefined : workArea };
  }

  /** New filters; a preset other than `custom` sets its dates in the office's time zone. */
  changeFilters(change: Partial<FilterState>, load = true): void {
    const next = { ...this.filters, ...change };
    if (change.preset && change.preset !== 'custom') Object.assign(next, presetPeriod(change.preset, today(this.timeZone)));
    this.filters = next;
    this.host.requestUpdate();
    this.context.changed?.();
    if (load) void this.reload();
  }

  /** Loads the overview for the period and filters, and the open employee's page with it. */
  async reload(): Promise<void> {
    const t = this.context.t();
    const session = this.context.session();
    const { from, to } = this.filters;
    this.periodError = isDay(from) && isDay(to) && from <= to ? '' : t.badPeriod;
    this.host.requestUpdate();
    if (!session || this.periodError) return;
    if (session.role === 'superadmin') return this.fail(t.noReports);
    const signal = this.restart();
    const params = this.params();
    const api = this.context.api();
    this.set({ load: 'loading' });
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
      this.set({ overview: { summary, previous, workAreas, serviceTypes, ranking }, employee, load: 'ready' });
      this.followOfficeClock(summary.office.timeZone);
    } catch (error) {
      if (!signal.aborted && this.context.session()) this.fail(this.context.explain(asApiError(error)));
    }
  }

  /** Opens an employee's page for the same period and filters; true once it is there. */
  async open(nip: string): Promise<boolean> {
    this.set({ nip, employee: undefined });
    this.context.changed?.();
    const signal = this.restart();
    this.set({ load: 'loading' });
    try {
      this.set({ employee: await this.context.api().employee<EmployeeReport>(nip, this.params(), signal), load: 'ready' });
      return true;
    } catch (error) {
      if (!signal.aborted && this.context.session()) this.fail(this.context.explain(asApiError(error)));
      return false;
    }
  }

  /** Back to the overview; loads it when it is not there yet (the employee's page was opened by a link). */
  close(): void {
    this.set({ nip: '', employee: undefined });
    this.context.changed?.();
    if (this.load !== 'ready' || !this.overview) void this.reload();
  }

  /** Signed out: everything read with the token goes. */
  forget(): void {
    this.loads?.abort();
    this.set({ overview: undefined, employee: undefined, nip: '', load: 'idle' });
    this.areas.clear();
    this.types.clear();
  }

  private set(values: Partial<Pick<ReportsController, 'load' | 'overview' | 'nip' | 'employee'>>): void {
    Object.assign(this, values);
    this.host.requestUpdate();
  }

  private restart(): AbortSignal {
    this.loads?.abort();
    this.loads = new AbortController();
    return this.loads.signal;
  }

  private fail(message: string): void {
    this.load = 'failed';
    this.error = message;
    this.host.requestUpdate();
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
}
