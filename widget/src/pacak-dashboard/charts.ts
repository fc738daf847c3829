import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { DashboardStrings } from './dashboard-strings.js';
import { percent } from './format.js';
import { INDICATORS } from './indicators.js';

/**
 * Charts in plain SVG that read without colour: every bar carries its figure as text, and the five
 * star levels differ by pattern as well as by colour, so a black-and-white print tells them apart.
 * The SVG itself is hidden from screen readers; each chart's figure holds the same data as a table.
 */

export interface Bar {
  label: string;
  /** Where the bar ends, 0 to `max`; null draws an empty track. */
  value: number | null;
  max: number;
  /** What is written at the bar's end: the figure as the reader should read it. */
  text: string;
}

// A narrow drawing (it scales to its box): on a phone it is drawn near its own size, so its text stays readable.
const WIDTH = 320;
const ROW = 46;
/** The bar's track ends here; its figure is written after it, so a long label never meets it. */
const TRACK = 212;

/** SVG text does not wrap: a long name is cut to fit its line (the table beside the chart has it whole). */
const fit = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Horizontal bars, each with its label above and its figure after it, for any number of rows. */
export function barChart(bars: Bar[]): TemplateResult {
  const height = bars.length * ROW;
  return html`<svg class="chart bars" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-hidden="true" focusable="false">
    ${bars.map((bar, i) => {
      const y = i * ROW;
      const width = bar.value === null ? 0 : Math.max(0, Math.min(1, bar.value / bar.max)) * TRACK;
      return svg`<g>
        <text x="0" y="${y + 15}" class="label">${fit(bar.label, 40)}</text>
        <rect x="0.5" y="${y + 21.5}" width="${TRACK - 1}" height="16" class="track" />
        <rect x="0.5" y="${y + 21.5}" width="${Math.max(0, width - 1)}" height="16" class="bar" />
        <text x="${TRACK + 8}" y="${y + 35}" class="value">${bar.text}</text>
      </g>`;
    })}
  </svg>`;
}

/** The fill of each star level, 1 to 5: a colour and, over it, a pattern of its own. */
function starPatterns(prefix: string): SVGTemplateResult {
  const tile = (n: number, colour: string, marks: SVGTemplateResult | string, rotate = 0) =>
    svg`<pattern id="${prefix}-${n}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(${rotate})">
      <rect width="8" height="8" fill="${colour}" />${marks}</pattern>`;
  return svg`<defs>
    ${tile(1, '#b42318', svg`<path d="M0 0L8 8M8 0L0 8" stroke="#fff" stroke-width="1.6" />`)}
    ${tile(2, '#c2571a', svg`<path d="M0 2H8M0 6H8" stroke="#fff" stroke-width="1.6" />`)}
    ${tile(3, '#a16207', svg`<circle cx="4" cy="4" r="1.8" fill="#fff" />`)}
    ${tile(4, '#2f7d6f', svg`<path d="M2 0V8M6 0V8" stroke="#fff" stroke-width="1.3" />`, 45)}
    ${tile(5, '#00463d', '')}
  </defs>`;
}

let charts = 0;

/**
 * For each indicator a bar of its ratings split by stars given (1 on the left, 5 on the right), each
 * part with its share written on it when there is room, and a legend of the five patterns above.
 */
export function starChart(stars: Record<string, number[]>, t: DashboardStrings): TemplateResult {
  const prefix = `pacak-stars-${++charts}`;
  const height = INDICATORS.length * ROW;
  // The legend is HTML, so it wraps on a phone; its swatches use the patterns of the chart below.
  const legend = html`<ul class="legend">
    ${[1, 2, 3, 4, 5].map(
      (n) => html`<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="0.5" y="0.5" width="15" height="15" fill="url(#${prefix}-${n})" stroke="currentColor" /></svg>${t.star(n)}</li>`,
    )}
  </ul>`;
  const rows = INDICATORS.map((indicator, i) => {
    const counts = stars[indicator.code] ?? [0, 0, 0, 0, 0];
    const total = counts.reduce((sum, n) => sum + n, 0);
    const y = i * ROW;
    let x = 0;
    const parts = counts.map((n, star) => {
      const width = total ? (n / total) * WIDTH : 0;
      const left = x;
      x += width;
      if (!width) return svg``;
      const label =
        width >= 34
          ? svg`<rect x="${left + width / 2 - 15}" y="${y + 22}" width="30" height="14" rx="3" class="tag" />
          <text x="${left + width / 2}" y="${y + 33}" text-anchor="middle" class="small">${percent(n, total)}</text>`
          : '';
      return svg`<rect x="${left}" y="${y + 20}" width="${width}" height="18" fill="url(#${prefix}-${star + 1})" />${label}`;
    });
    return svg`<g><text x="0" y="${y + 14}" class="label">${indicator.name}</text>
      ${parts}<rect x="0.5" y="${y + 20.5}" width="${WIDTH - 1}" height="17" fill="none" stroke="currentColor" /></g>`;
  });
  return html`<svg class="chart bars" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-hidden="true" focusable="false">
      ${starPatterns(prefix)}${rows}
    </svg>${legend}`;
}

/**
 * A chart in a figure with its caption and, for screen readers (and anyone who wants the numbers),
 * the same data as a table that is not shown on screen. Without `table`, a visible table follows the
 * figure and is its text alternative.
 */
export function chartFigure(title: string, chart: TemplateResult, table?: TemplateResult): TemplateResult {
  return html`<figure>
    <figcaption>${title}</figcaption>
    ${chart}
    ${table ? html`<div class="visually-hidden">${table}</div>` : ''}
  </figure>`;
}
