import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

/** One line of the trend: a value per month, null where the month had no ratings (the line breaks). */
export interface Series {
  name: string;
  values: (number | null)[];
}

export interface TrendScale {
  min: number;
  max: number;
  ticks: number[];
  /** Dashed reference lines with a label, e.g. the grade band edges on the 0-100 score. */
  marks?: { value: number; label: string }[];
  format: (value: number) => string;
}

const W = 360;
const H = 240;
const LEFT = 40;
const RIGHT = 24;
const TOP = 24;
const BOTTOM = 44;

// Each line differs by its dashes and the shape of its points, not by colour alone.
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4'];
const COLOURS = ['#00463d', '#1d4ed8', '#a16207', '#7c3aed', '#b42318'];

function marker(shape: number, x: number, y: number, colour: string): SVGTemplateResult {
  switch (shape) {
    case 1:
      return svg`<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="${colour}" />`;
    case 2:
      return svg`<path d="M${x} ${y - 5}L${x + 5} ${y + 4}H${x - 5}Z" fill="${colour}" />`;
    case 3:
      return svg`<path d="M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z" fill="#fff" stroke="${colour}" stroke-width="2" />`;
    case 4:
      return svg`<path d="M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x + 4} ${y - 4}L${x - 4} ${y + 4}" stroke="${colour}" stroke-width="2.5" />`;
    default:
      return svg`<circle cx="${x}" cy="${y}" r="4.5" fill="${colour}" />`;
  }
}

/**
 * A line chart over months. With one line, the points of the named months have their value written
 * beside them (every figure is in the table under the chart); with more,
 * a legend shows each line's dashes and point shape. The x axis names the months (YYYY-MM) of the
 * period, every other one or fewer on long periods, with the year under the first named month of each year.
 */
export function trendChart(months: string[], monthName: (month: string) => string, series: Series[], scale: TrendScale): TemplateResult {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  // Points keep clear of the axis labels at both ends.
  const x = (i: number) => LEFT + 18 + (months.length === 1 ? (plotW - 36) / 2 : (i / (months.length - 1)) * (plotW - 36));
  const y = (v: number) => TOP + plotH - ((Math.min(Math.max(v, scale.min), scale.max) - scale.min) / (scale.max - scale.min)) * plotH;
  const legendRows = series.length > 1 ? Math.ceil(series.length / 3) : 0;
  const height = H + (legendRows ? legendRows * 20 + 8 : 0);
  // Month labels thin out on long periods, so they never overlap.
  const every = Math.ceil(months.length / 7);

  const grid = scale.ticks.map(
    (tick) => svg`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(tick)}" y2="${y(tick)}" class="grid" />
      <text x="${LEFT - 6}" y="${y(tick) + 4}" text-anchor="end" class="small">${scale.format(tick)}</text>`,
  );
  const marks = (scale.marks ?? []).map(
    (mark) => svg`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(mark.value)}" y2="${y(mark.value)}" class="band" />
      <text x="${W - RIGHT - 2}" y="${y(mark.value) - 3}" text-anchor="end" class="small muted">${mark.label}</text>`,
  );
  // Counted from the last month, which is always named.
  const named = months.map((_, i) => (months.length - 1 - i) % every === 0);
  const axis = months.map((month, i) => {
    if (!named[i]) return svg``;
    const year = month.slice(0, 4);
    const firstOfYear = !months.some((other, j) => j < i && named[j] && other.startsWith(year));
    return svg`<text x="${x(i)}" y="${TOP + plotH + 18}" text-anchor="middle" class="small">${monthName(month)}</text>
      ${firstOfYear ? svg`<text x="${x(i)}" y="${TOP + plotH + 32}" text-anchor="middle" class="small muted">${year}</text>` : ''}`;
  });
  const lines = series.map((line, s) => {
    const colour = COLOURS[s % COLOURS.length] as string;
    // Consecutive months with values make one path; a month without ratings breaks the line.
    let d = '';
    line.values.forEach((value, i) => {
      if (value === null) return;
      d += `${i > 0 && line.values[i - 1] !== null ? 'L' : 'M'}${x(i)} ${y(value)}`;
    });
    const points = line.values.map((value, i) =>
      value === null
        ? svg``
        : svg`${marker(s, x(i), y(value), colour)}${
            // Values are written on the named months only: as far apart as the month names, they never overlap.
            series.length === 1 && named[i]
              ? svg`<text x="${x(i)}" y="${y(value) - 9}" text-anchor="middle" class="small strong">${scale.format(value)}</text>`
              : ''
          }`,
    );
    return svg`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2.2" stroke-dasharray="${DASHES[s % DASHES.length]}" />${points}`;
  });
  const legend =
    series.length > 1
      ? series.map((line, s) => {
          const lx = (s % 3) * 120;
          const ly = H + 6 + Math.floor(s / 3) * 20;
          const colour = COLOURS[s % COLOURS.length] as string;
          return svg`<line x1="${lx}" x2="${lx + 30}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2.2" stroke-dasharray="${DASHES[s % DASHES.length]}" />
          ${marker(s, lx + 15, ly, colour)}<text x="${lx + 36}" y="${ly + 4}" class="small">${line.name}</text>`;
        })
      : [];
  return html`<svg class="chart trend" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" aria-hidden="true" focusable="false">
    ${grid}${marks}${axis}${lines}${legend}
  </svg>`;
}
