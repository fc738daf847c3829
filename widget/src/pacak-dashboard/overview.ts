import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { barChart, chartFigure } from './charts.js';
import type { DashboardStrings } from './dashboard-strings.js';
import type { ExportTarget } from './export-bar.js';
import type { RankingOrder } from './filters.js';
import { figureList, indicatorFigures, trendBlock } from './figure-blocks.js';
import type { TrendMode } from './figure-blocks.js';
import { count, delta, score } from './format.js';
import { describePeriod } from './period.js';
import type { Period } from './period.js';
import type { GroupReport, GroupRow, Named, RankingReport, SummaryReport } from '../../../contract/index.js';
import { groupTable, staffTable } from './tables.js';
import type { Sort, SortKey } from './tables.js';

/** Every report the overview shows, loaded together for one period and set of filters. */
export interface Overview {
  summary: SummaryReport;
  /** The same summary for the period just before, for the change. */
  previous: SummaryReport;
  workAreas: GroupReport;
  serviceTypes: GroupReport;
  ranking: RankingReport;
}

export interface OverviewOptions {
  t: DashboardStrings;
  lang: 'id' | 'en';
  data: Overview;
  /** A coordinator sees one work area: comparing work areas means nothing to them. */
  compareAreas: boolean;
  trend: TrendMode;
  sorts: { ranked: Sort; waiting: Sort };
  exports: (target: ExportTarget, pdf?: boolean) => TemplateResult;
  /** The one work area in view (a coordinator's, or the filter's): its QR board can be printed. */
  board: Named | null;
  onBoard: (code: string) => void;
  onTrend: (mode: TrendMode) => void;
  onSort: (table: 'ranked' | 'waiting', key: SortKey) => void;
  /** The ranking's order as asked for, and a change of it. */
  orderBy: RankingOrder;
  onOrder: (orderBy: RankingOrder) => void;
  onOpen: (nip: string) => void;
  /** An employee's own address, when the page has one: names are then links. */
  hrefOf?: (nip: string) => string;
}

const section = (id: string, title: string, body: TemplateResult, wide = false) =>
  html`<section class="card${wide ? ' wide' : ''}" aria-labelledby="${id}" data-section="${id}">
    <h2 id="${id}">${title}</h2>
    ${body}
  </section>`;

/** The change from the period before: the score in points and the number of ratings. */
function change(t: DashboardStrings, data: Overview): TemplateResult {
  const now = data.summary.totals;
  const before = data.previous.totals;
  const period = describePeriod(data.previous.period as Period, t.locale);
  const points = now.score !== null && before.score !== null ? t.points(delta(now.score - before.score, t)) : t.none;
  return html`<div class="change">
    <dt>${t.change}</dt>
    <dd class="big" data-figure="change">${points}</dd>
    <dd data-figure="change-count">${t.ratingsDelta(delta(now.count - before.count, t, 0))}</dd>
    <dd class="muted">${before.count ? t.comparedWith(period) : `${t.noPrevious} (${period})`}</dd>
  </div>`;
}

function groupBars(t: DashboardStrings, rows: GroupRow[]) {
  return barChart(
    rows
      .filter((row) => row.count > 0)
      .map((row) => ({
        label: row.name,
        value: row.score,
        max: 100,
        text: `${score(row.score, t)} · ${row.grade ?? t.none} · ${count(row.count, t)}`,
      })),
  );
}

function groupSection(
  t: DashboardStrings,
  id: string,
  title: string,
  report: GroupReport,
  target: ExportTarget,
  exports: OverviewOptions['exports'],
  wide = false,
) {
  const rated = report.rows.filter((row) => row.count > 0);
  return section(
    id,
    title,
    html`${
      rated.length
        ? html`${chartFigure(`${title}: ${t.score} · ${t.grade} · ${t.count}`, groupBars(t, rated))}${groupTable(t, title, rated)}`
        : html`<p class="muted">${t.noRatings}</p>`
    }
      ${exports(target)}`,
    wide,
  );
}

/** The overview of one period: headline, indicators, trend, ranking, work areas and service types. */
export function renderOverview(o: OverviewOptions): TemplateResult {
  const { t, data } = o;
  const { summary, ranking } = data;
  const empty = summary.totals.count === 0;
  const method = o.lang === 'en' ? summary.method.en : summary.method.id;
  const minRatings = ranking.rankingMethod.minRatings;
  const combined = ranking.rankingMethod.orderBy === 'combined';
  const waiting = combined ? t.notYetRankedCombined(minRatings) : t.notYetRanked(minRatings);
  return html`<div class="grid">
    ${section(
      'headline',
      t.headline,
      html`<p class="muted" data-period="${summary.period.from}/${summary.period.to}">${summary.office.name} · ${describePeriod(summary.period, t.locale)}</p>
        ${figureList(t, summary.totals, change(t, data))}
        ${empty ? html`<p class="notice">${t.noRatings}</p>` : nothing}
        <details><summary>${t.method}</summary><p>${method}</p></details>
        ${o.exports({ report: 'summary', title: t.headline })}
        ${o.board ? html`<p><button type="button" class="secondary" data-board @click=${() => o.onBoard((o.board as Named).code)}>${t.printBoard(o.board.name)}</button></p>` : nothing}`,
      true,
    )}
    ${section('indicators', t.indicators, indicatorFigures(t, summary.totals, summary.stars), true)}
    ${section('trend', t.trend, trendBlock({ t, byMonth: summary.byMonth, period: summary.period, mode: o.trend, onMode: o.onTrend }), true)}
    ${o.compareAreas ? groupSection(t, 'work-areas', t.workAreas, data.workAreas, { report: 'work-areas', title: t.workAreas }, o.exports, true) : nothing}
    ${section(
      'ranking',
      t.ranking,
      html`<label class="inline">${t.orderBy}
          <select name="orderBy" @change=${(e: Event) => o.onOrder((e.target as HTMLSelectElement).value as RankingOrder)}>
            ${(['bayesian', 'combined'] as const).map((order) => html`<option value=${order} ?selected=${order === o.orderBy}>${t.orders[order]}</option>`)}
          </select>
        </label>
        <p class="muted" data-ranking-note>${combined ? t.combinedNote(minRatings) : t.rankingNote(minRatings, ranking.rankingMethod.weight)}</p>
        ${
          ranking.ranked.length
            ? staffTable({
                t,
                caption: t.ranking,
                rows: ranking.ranked,
                ranked: true,
                combined,
                sort: o.sorts.ranked,
                onSort: (key) => o.onSort('ranked', key),
                onOpen: o.onOpen,
                hrefOf: o.hrefOf,
              })
            : html`<p class="notice">${t.nobodyRanked}</p>`
        }
        <h3>${waiting}</h3>
        ${
          ranking.notYetRanked.length
            ? staffTable({
                t,
                caption: waiting,
                rows: ranking.notYetRanked,
                ranked: false,
                sort: o.sorts.waiting,
                onSort: (key) => o.onSort('waiting', key),
                onOpen: o.onOpen,
                hrefOf: o.hrefOf,
              })
            : html`<p class="muted">${t.nobodyWaiting}</p>`
        }
        ${o.exports({ report: 'ranking', title: t.ranking })}`,
      true,
    )}
    ${groupSection(t, 'service-types', t.serviceTypes, data.serviceTypes, { report: 'service-types', title: t.serviceTypes }, o.exports, true)}
  </div>`;
}
