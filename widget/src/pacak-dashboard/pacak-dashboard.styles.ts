import { css } from 'lit';

// As in <pacak-rating>: `all: initial` keeps the page's styles out, custom properties come in.
// Sizes are in em of the element's own font (16px, 18px on wall screens; never the host page's rem), so
// a wall screen scales it all and a page with html { font-size: 62.5% } changes nothing.
export const styles = css`
  :host {
    all: initial;
    display: block;
    font: 16px/1.5 var(--pacak-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--pacak-text, #1f2933);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  .shell {
    max-width: 120em;
    margin: 0 auto;
    padding: 0.75em;
    background: var(--pacak-bg, #f3f6f4);
    font-size: 1em;
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.25em;
    line-height: 1.3;
  }
  h3 {
    margin: 1em 0 0.5em;
    font-size: 1.05em;
  }
  p {
    margin: 0.25em 0;
  }
  .muted {
    color: var(--pacak-muted, #52606d);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 0.75em;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .card {
    min-width: 0;
    padding: 1em;
    background: var(--pacak-card, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: 12px;
  }
  .sign-in {
    max-width: 28em;
    margin: 2em auto;
  }
  .sign-in form {
    display: grid;
    gap: 0.75em;
    margin-top: 0.75em;
  }
  label {
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  label.inline {
    display: inline-grid;
    margin-bottom: 0.5em;
  }
  label.check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    align-self: end;
    min-height: 44px;
  }
  input,
  select,
  button {
    font: inherit;
    min-height: 44px;
  }
  input:not([type='checkbox']),
  select {
    width: 100%;
    padding: 0.4em 0.6em;
    color: inherit;
    background: #fff;
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: 6px;
  }
  input[type='checkbox'] {
    width: 1.4em;
    height: 1.4em;
    min-height: 0;
    accent-color: var(--pacak-primary, #00695c);
  }
  button {
    padding: 0.4em 1em;
    color: var(--pacak-on-primary, #fff);
    background: var(--pacak-primary, #00695c);
    border: 1px solid var(--pacak-primary, #00695c);
    border-radius: 6px;
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    color: var(--pacak-primary, #00695c);
    background: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  button.link,
  button.sort {
    min-height: 0;
    padding: 0;
    color: inherit;
    background: none;
    border: 0;
    font-weight: inherit;
    text-align: start;
  }
  button.link {
    color: var(--pacak-primary, #00695c);
    text-decoration: underline;
  }
  button.sort {
    font-weight: 700;
    white-space: nowrap;
  }
  .arrow {
    margin-inline-start: 0.25em;
  }
  :focus-visible {
    outline: 3px solid var(--pacak-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: 0.75em;
    margin-bottom: 0.75em;
    padding: 1em;
    background: var(--pacak-card, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: 12px;
  }
  .filters .error {
    grid-column: 1 / -1;
    margin: 0;
    color: #b42318;
  }
  .filters .error:empty {
    display: none;
  }
  /* Two columns at most: a wall screen gets bigger cards (and type), not a third half-empty column. */
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, max(32em, 40%)), 1fr));
    gap: 0.75em;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22em), 1fr));
    gap: 1em 2em;
  }
  .body[aria-busy='true'] {
    opacity: 0.55;
  }
  .notice {
    padding: 0.6em 0.8em;
    background: #fdf2f1;
    border-left: 4px solid #b42318;
  }
  .loading {
    color: var(--pacak-muted, #52606d);
  }
  dl {
    margin: 0.5em 0;
  }
  dd {
    margin: 0;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
    gap: 0.75em;
  }
  .figures > div {
    padding: 0.6em 0.75em;
    border: 1px solid #d5dbd9;
    border-radius: 8px;
  }
  .figures dt {
    font-weight: 600;
  }
  .big {
    font-size: 2em;
    font-weight: 700;
    line-height: 1.2;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    gap: 0.25em 1em;
  }
  .facts dt {
    color: var(--pacak-muted, #52606d);
    font-size: 0.9em;
  }
  .back {
    margin-bottom: 0.75em;
  }
  details {
    margin: 0.5em 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  figure {
    margin: 0.5em 0;
  }
  figcaption {
    margin-bottom: 0.25em;
    font-weight: 600;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95em;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.25em 0;
  }
  th,
  td {
    padding: 0.4em 0.5em;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid #d5dbd9;
  }
  thead th {
    border-bottom: 2px solid var(--pacak-text, #1f2933);
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .exports,
  .share .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-top: 0.75em;
  }
  .share {
    display: grid;
    gap: 0.5em;
    margin-top: 0.5em;
    padding: 0.75em;
    border: 1px dashed var(--pacak-border, #7b8794);
    border-radius: 8px;
  }
  .share input {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: 0.85em;
  }
  .status:empty {
    display: none;
  }
  .status,
  .progress {
    position: sticky;
    bottom: 0;
    display: flex;
    gap: 0.75em;
    align-items: center;
    margin-top: 0.75em;
    padding: 0.6em 0.8em;
    background: #fff;
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: 8px;
  }
  progress {
    width: 10em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  [hidden] {
    display: none !important;
  }
  /* A phone's first screen shows the period and the headline, not only filters: two controls a row. */
  @media (max-width: 40em) {
    .shell {
      padding: 0.5em;
    }
    .filters {
      /* minmax(0, …): a long service type name in a select must not widen the column past the phone. */
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 0.5em;
      padding: 0.6em;
    }
    .filters select,
    .filters input {
      min-width: 0;
      max-width: 100%;
    }
    .filters > label:first-child,
    .filters .check,
    .filters .error {
      grid-column: 1 / -1;
    }
    .filters label.check {
      min-height: 36px;
    }
    .card {
      padding: 0.75em;
    }
    .big {
      font-size: 1.6em;
    }
    table {
      font-size: 0.9em;
    }
    th,
    td {
      padding: 0.35em 0.4em;
    }
  }
  /* Wall screens are read from across the room: the same layout, bigger. */
  @media (min-width: 100em) {
    .shell {
      font-size: 1.25em;
    }
  }
  @media (min-width: 150em) {
    .shell {
      font-size: 1.5em;
    }
  }
  @media print {
    .shell {
      padding: 0;
      background: #fff;
    }
    .filters,
    .exports,
    .share,
    .status,
    .progress,
    .bar button,
    .back,
    label.inline,
    details {
      display: none !important;
    }
    .card {
      break-inside: avoid;
      border-color: #000;
    }
    .grid {
      display: block;
    }
    .card + .card {
      margin-top: 0.5em;
    }
    button.link {
      color: #000;
      text-decoration: none;
    }
    .scroll {
      overflow: visible;
    }
    table {
      font-size: 0.75em;
    }
    th,
    td {
      padding: 0.2em 0.3em;
    }
  }
`;
