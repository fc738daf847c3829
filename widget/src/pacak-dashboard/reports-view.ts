import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DashboardStrings } from './dashboard-strings.js';
import { renderEmployee } from './employee-view.js';
import type { ExportController } from './export-controller.js';
import type { TrendMode } from './figure-blocks.js';
import { renderFilters } from './filters.js';
import type { FilterState } from './filters.js';
import { renderOverview } from './overview.js';
import type { ReportsController } from './reports-controller.js';
import type { Sort, SortKey } from './tables.js';

export type Sorts = { ranked: Sort; waiting: Sort };

export interface ReportsViewOptions {
  t: DashboardStrings;
  lang: 'id' | 'en';
  reports: ReportsController;
  /** A coordinator has no work-area choice and no work-area comparison. */
  coordinator: boolean;
  /** The session's own work area (a coordinator's), or null. */
  workArea: string | null;
  trend: TrendMode;
  sorts: Sorts;
  exports: ExportController;
  origin: string;
  onTrend: (mode: TrendMode) => void;
  onSort: (table: 'ranked' | 'waiting', key: SortKey) => void;
  onOpen: (nip: string) => void;
  onBack: () => void;
  /** The filters changed (after the controller took them). */
  onFilters: () => void;
  /** Where an employee's page and the overview live, when they have addresses of their own (the console). */
  hrefs?: { employee: (nip: string) => string; overview: string };
}

/** The period and filters, and below them the overview or the open employee's page. */
export function renderReports(o: ReportsViewOptions): TemplateResult {
  const { t, reports } = o;
  const named = (map: Map<string, string>) => [...map].map(([code, name]) => ({ code, name }));
  const filters = renderFilters({
    t,
    state: reports.filters,
    workAreas: o.coordinator ? null : named(reports.areas),
    serviceTypes: named(reports.types),
    error: reports.periodError,
    onChange: (change: Partial<FilterState>) => {
      o.onFilters();
      reports.changeFilters(change);
    },
  });
  const busy = reports.load === 'loading';
  let body: unknown = nothing;
  if (reports.load === 'failed') {
    body = html`<div class="notice" role="alert"><p>${reports.error}</p>
      <button type="button" @click=${() => void reports.reload()}>${t.retry}</button></div>`;
  } else if (reports.nip && reports.employee) {
    body = renderEmployee({
      t,
      report: reports.employee,
      trend: o.trend,
      exports: o.exports.bar,
      onTrend: o.onTrend,
      onBack: o.onBack,
      backHref: o.hrefs?.overview,
    });
  } else if (!reports.nip && reports.overview) {
    // The one work area in view (a coordinator's own, or the filter's) has a printable QR board.
    const code = o.workArea ?? reports.filters.workArea;
    body = renderOverview({
      t,
      lang: o.lang,
      data: reports.overview,
      compareAreas: !o.coordinator,
      trend: o.trend,
      sorts: o.sorts,
      exports: o.exports.bar,
      board: code ? { code, name: reports.areas.get(code) ?? code } : null,
      onBoard: (c) => void o.exports.board(c, o.origin),
      onTrend: o.onTrend,
      onSort: o.onSort,
      orderBy: reports.filters.orderBy,
      onOrder: (orderBy) => {
        o.onFilters();
        reports.changeFilters({ orderBy });
      },
      onOpen: o.onOpen,
      hrefOf: o.hrefs?.employee,
    });
  }
  return html`${filters}
    ${busy ? html`<p class="loading" role="status">${t.loading}</p>` : nothing}
    <div class="body" aria-busy=${busy ? 'true' : 'false'}>${body}</div>`;
}

/** A second click on the same column turns the order round; a new column starts from its natural end. */
export function nextSort(sorts: Sorts, table: 'ranked' | 'waiting', key: SortKey): Sorts {
  const current = sorts[table];
  const descending = current.key === key ? !current.descending : key === 'count' || key === 'score';
  return { ...sorts, [table]: { key, descending } };
}
