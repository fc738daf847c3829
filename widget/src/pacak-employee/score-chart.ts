import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';
import type { MonthRow } from '../../../contract/index.js';

const W = 480;
const H = 160;
const TOP = 10;
const BOTTOM = 24;
const LEFT = 30;

/**
 * The score (0-100) of each month as a bar, months without ratings left empty. A picture of the table
 * beside it, which carries the same figures for screen readers; the SVG itself is hidden from them.
 */
export function scoreChart(rows: MonthRow[]): SVGTemplateResult {
  const plot = H - TOP - BOTTOM;
  const step = (W - LEFT) / Math.max(rows.length, 1);
  const y = (score: number) => TOP + plot - (score / 100) * plot;
  return svg`<svg viewBox="0 0 ${W} ${H}" width="100%" aria-hidden="true" focusable="false" part="chart">
    ${[0, 50, 100].map(
      (tick) => svg`<line x1="${LEFT}" x2="${W}" y1="${y(tick)}" y2="${y(tick)}" stroke="#c5ccd3" stroke-width="1" />
        <text x="${LEFT - 4}" y="${y(tick) + 4}" text-anchor="end" font-size="11" fill="#3e4c59">${tick}</text>`,
    )}
    ${rows.map((row, i) => {
      const x = LEFT + i * step + step * 0.15;
      const label = svg`<text x="${x + step * 0.35}" y="${H - 8}" text-anchor="middle" font-size="10" fill="#3e4c59">${row.month.slice(5)}</text>`;
      if (row.score === null) return label;
      return svg`<rect x="${x}" y="${y(row.score)}" width="${step * 0.7}" height="${TOP + plot - y(row.score)}" fill="#00695c" />${label}`;
    })}
  </svg>`;
}
