import { css } from 'lit';

// The SVG charts: sizes are in the SVG's own units, so text keeps its size relative to the bars when
// the chart scales to its box. No colour carries meaning alone (see charts.ts).
export const chartStyles = css`
  svg.chart {
    display: block;
    color: var(--pacak-text, #1f2933);
    width: 100%;
    height: auto;
  }
  svg.bars {
    max-width: 26em;
  }
  svg.trend {
    max-width: 32em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }
  .legend li {
    display: flex;
    gap: 0.35em;
    align-items: center;
  }
  .legend svg {
    color: var(--pacak-text, #1f2933);
  }
  .chart text {
    fill: var(--pacak-text, #1f2933);
    font-size: 14px;
  }
  .chart .small {
    font-size: 12px;
  }
  .chart .value {
    font-size: 13px;
    font-weight: 700;
  }
  .chart .strong {
    font-weight: 700;
  }
  .chart .muted {
    fill: var(--pacak-muted, #52606d);
  }
  .chart .track {
    fill: #eef2f1;
    stroke: var(--pacak-border, #7b8794);
  }
  .chart .bar {
    fill: var(--pacak-primary, #00695c);
  }
  .chart .tag {
    fill: #fff;
  }
  .chart .grid {
    stroke: #d5dbd9;
  }
  .chart .band {
    stroke: var(--pacak-muted, #52606d);
    stroke-dasharray: 4 3;
  }
`;
