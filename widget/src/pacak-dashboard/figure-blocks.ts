import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { barChart, chartFigure, starChart } from './charts.js';
import type { DashboardStrings } from './dashboard-strings.js';
import { average, count, score } from './format.js';
import { describeMonth, monthsOf, shortMonth } from './period.js';
import type { Period } from './period.js';
import { INDICATORS } from './indicators.js';
import { GRADE_BANDS } from '../../../contract/index.js';
import type { Figures, MonthRow } from '../../../contract/index.js';
import { dataTable } from './tables.js';
import { trendChart } from './trend-chart.js';
import type { Series, TrendScale } from './trend-chart.js';

/** What the trend shows: the overall score, all five indicators, or one indicator by its code. */
export type TrendMode = string;

/** The headline figures of a group of ratings; `extra` adds items (the change from the period before). */
export function figureList(t: DashboardStrings, figures: Figures, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<dl class="figures">
    <div><dt>${t.ratings}</dt><dd class="big" data-figure="count">${count(figures.count, t)}</dd>
      <dd class="muted">${t.verifiedCount(count(figures.verifiedCount, t))}</dd></div>
    <div><dt>${t.score}</dt><dd class="big" data-figure="score">${score(figures.score, t)}</dd><dd class="muted">${t.outOf}</dd></div>
    <div><dt>${t.grade}</dt><dd class="big" data-figure="grade">${figures.grade ?? t.none}</dd>
      <dd class="muted">${figures.grade ? t.grades[figures.grade] : ''}</dd></div>
    <div><dt>${t.average}</dt><dd class="big" data-figure="overall">${average(figures.overall, t)}</dd><dd class="muted">${t.outOf5}</dd></div>
    ${extra}
  </dl>`;
}

/** The five indicators side by side: their averages as bars, and how many of each star they got. */
export function indicatorFigures(t: DashboardStrings, figures: Figures, stars: Record<string, number[]>): TemplateResult {
  const bars = INDICATORS.map((indicator) => {
    const value = figures.averages[indicator.code] ?? null;
    return { label: indicator.name, value, max: 5, text: average(value, t) };
  });
  const averageTable = dataTable(
    t.dataOf(t.averages),
    [t.indicator, t.average],
    bars.map((bar) => [bar.label, bar.text]),
  );
  const starTable = dataTable(
    t.dataOf(t.stars),
    [t.indicator, ...[1, 2, 3, 4, 5].map((n) => t.star(n))],
    INDICATORS.map((indicator) => [indicator.name, ...(stars[indicator.code] ?? [0, 0, 0, 0, 0]).map((n) => count(n, t))]),
  );
  return html`<div class="pair">
    ${chartFigure(t.averages, barChart(bars), averageTable)}
    ${chartFigure(t.stars, starChart(stars, t), starTable)}
  </div>`;
}

// The edges between the grade bands, lowest first, drawn across the score trend.
const GRADE_EDGES = GRADE_BANDS.slice(0, -1)
  .map((band, i) => ({ value: band.from as number, label: `${GRADE_BANDS[i + 1].grade} | ${band.grade}` }))
  .reverse();

export interface TrendOptions {
  t: DashboardStrings;
  byMonth: MonthRow[];
  period: Period;
  mode: TrendMode;
  onMode: (mode: TrendMode) => void;
}

/** The figures month by month as lines, with a choice of line and the numbers as a table. */
export function trendBlock({ t, byMonth, period, mode, onMode }: TrendOptions): TemplateResult {
  const months = monthsOf(period);
  const labels = months.map((month) => describeMonth(month, t.locale));
  const byKey = new Map(byMonth.map((row) => [row.month, row]));
  const overall = mode === 'overall';
  const shown = overall ? [] : mode === 'all' ? INDICATORS : INDICATORS.filter((indicator) => indicator.code === mode);
  const series: Series[] = overall
    ? [{ name: t.score, values: months.map((month) => byKey.get(month)?.score ?? null) }]
    : shown.map((indicator) => ({
        name: indicator.name,
        values: months.map((month) => byKey.get(month)?.averages[indicator.code] ?? null),
      }));
  const lowest = Math.min(...series.flatMap((line) => line.values.filter((v): v is number => v !== null)), overall ? 60 : 1);
  const scale: TrendScale = overall
    ? { min: Math.floor(lowest / 10) * 10, max: 100, ticks: [], marks: GRADE_EDGES, format: (v) => score(v, t) }
    : { min: 1, max: 5, ticks: [1, 2, 3, 4, 5], format: (v) => average(v, t) };
  if (overall) for (let tick = scale.min; tick <= 100; tick += 10) scale.ticks.push(tick);
  const table = dataTable(
    t.dataOf(t.trend),
    [t.month, t.count, ...series.map((line) => line.name)],
    months.map((month, i) => [
      labels[i] as string,
      count(byKey.get(month)?.count ?? 0, t),
      ...series.map((line) => (overall ? score : average)(line.values[i] ?? null, t)),
    ]),
  );
  const choose = (e: Event) => onMode((e.target as HTMLSelectElement).value);
  const caption = overall ? t.trendOverall : mode === 'all' ? t.trendAll : `${shown[0]?.name ?? ''} (1–5)`;
  return html`<label class="inline">${t.trendShow}
      <select name="trend" @change=${choose}>
        <option value="overall" ?selected=${overall}>${t.trendOverall}</option>
        <option value="all" ?selected=${mode === 'all'}>${t.trendAll}</option>
        ${INDICATORS.map((indicator) => html`<option value=${indicator.code} ?selected=${mode === indicator.code}>${indicator.name} (1–5)</option>`)}
      </select>
    </label>
    ${months.length < 2 ? html`<p class="muted">${t.oneMonth}</p>` : nothing}
    ${chartFigure(
      `${t.trend}: ${caption}`,
      trendChart(months, (month) => shortMonth(month, t.locale), series, scale),
      table,
    )}`;
}
