import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color: #1b1f1d;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  .card {
    background: #fff;
    border-radius: 12px;
    padding: 1rem;
    min-width: 0;
  }
  .sign-in {
    max-width: 26rem;
    margin: 1rem auto;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }
  form.range {
    flex-flow: row wrap;
    align-items: flex-end;
  }
  form.range label {
    flex: 1 1 12rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    padding: 0.5rem;
    border: 1px solid #52606d;
    border-radius: 8px;
    min-height: 44px;
    width: 100%;
  }
  button,
  a {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: 8px;
    border: 1px solid var(--pacak-primary, #00695c);
    background: var(--pacak-primary, #00695c);
    color: #fff;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  button.secondary,
  a {
    background: #fff;
    color: var(--pacak-primary, #00695c);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--pacak-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .muted {
    color: #3e4c59;
    margin: 0 0 0.5rem;
  }
  .small {
    font-size: 0.875rem;
  }
  .notice {
    background: #fff4e5;
    border-left: 4px solid #a16207;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }
  .grid {
    display: grid;
    gap: 1rem;
    margin-top: 1rem;
  }
  .side {
    display: grid;
    gap: 1rem;
    align-content: start;
  }
  @media (min-width: 48rem) {
    .grid {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
    .wide {
      grid-column: 1 / -1;
    }
  }
  .totals {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: 0.5rem;
    margin: 0 0 0.5rem;
  }
  .totals div {
    background: #f3f6f4;
    border-radius: 8px;
    padding: 0.5rem;
  }
  dt {
    font-size: 0.875rem;
    color: #3e4c59;
  }
  dd {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 700;
  }
  figure {
    margin: 0 0 0.75rem;
  }
  figure svg {
    display: block;
    max-width: 36rem;
  }
  figcaption {
    font-size: 0.875rem;
    color: #3e4c59;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9rem;
  }
  th,
  td {
    padding: 0.35rem 0.5rem;
    text-align: end;
    border-bottom: 1px solid #d9e2ec;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  abbr {
    text-decoration: none;
  }
  .comments {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75rem;
  }
  .comments li {
    border-left: 4px solid var(--pacak-primary, #00695c);
    padding: 0.25rem 0.75rem;
  }
  .comments p {
    margin: 0;
  }
  .meta,
  .stars {
    font-size: 0.875rem;
    color: #3e4c59;
  }
  .words {
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .pager,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75rem;
  }
  img {
    display: block;
    max-width: 100%;
    height: auto;
    margin: 0 auto;
  }
  .link {
    text-align: center;
    overflow-wrap: anywhere;
    font-family: ui-monospace, monospace;
  }
`;
