import { css } from 'lit';

// The management screens' look, beside the dashboard's: the same colours, sizes in em so a wall screen
// scales them, controls at least 2.75em tall for fingers, and tables that scroll inside their card.
export const adminStyles = css`
  :host {
    display: block;
    font: 16px/1.5 var(--pacak-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--pacak-text, #1f2933);
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  .grid {
    display: grid;
    gap: 1em;
    grid-template-columns: minmax(0, 1fr);
  }
  @media (min-width: 64em) {
    .grid.two {
      grid-template-columns: minmax(0, 1fr) minmax(0, 2fr);
    }
  }
  .card {
    min-width: 0;
    padding: 1em;
    background: var(--pacak-card, #fff);
    border-radius: 0.75em;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
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
  .muted,
  .hint {
    color: var(--pacak-muted, #52606d);
  }
  form.fields,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1em;
    align-items: flex-end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
    flex: 1 1 12em;
  }
  .filters .field {
    max-width: 20em;
  }
  .field.wide {
    flex-basis: 100%;
    max-width: none;
  }
  label {
    font-weight: 600;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    min-height: 2.75em;
  }
  input,
  select,
  textarea {
    width: 100%;
    padding: 0.4em 0.6em;
    border: 1px solid #7b8794;
    border-radius: 0.5em;
    background: #fff;
    color: inherit;
  }
  input[type='checkbox'] {
    width: auto;
    min-height: 0;
  }
  button {
    padding: 0.4em 1em;
    border: 1px solid var(--pacak-brand, #00695c);
    border-radius: 0.5em;
    background: var(--pacak-brand, #00695c);
    color: #fff;
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: var(--pacak-brand, #00695c);
  }
  button.danger {
    border-color: #b42318;
    background: #fff;
    color: #b42318;
  }
  button.small {
    min-height: 2.25em;
    padding: 0.2em 0.6em;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid #1d4ed8;
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  /* Positioned, so the visually hidden words of its buttons stay inside it rather than widen the page. */
  .scroll {
    position: relative;
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.45em 0.6em;
    border-bottom: 1px solid #d9e2dc;
    text-align: left;
    vertical-align: top;
  }
  th {
    font-weight: 600;
    white-space: nowrap;
  }
  td.num,
  th.num {
    text-align: right;
  }
  tr.off td {
    color: var(--pacak-muted, #52606d);
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 1em;
    background: #e4e7eb;
    font-size: 0.875em;
    white-space: nowrap;
  }
  .badge.warn {
    background: #fde8e7;
    color: #8a1c12;
  }
  .status {
    min-height: 1.5em;
    color: #0b5a4f;
    font-weight: 600;
  }
  .error,
  .field-error {
    color: #b42318;
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  .secret {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    word-break: break-all;
    background: #f3f6f4;
    padding: 0.5em;
    border-radius: 0.4em;
  }
  dialog {
    max-width: min(36em, calc(100vw - 2em));
    border: 0;
    border-radius: 0.75em;
    padding: 1.25em;
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (min-width: 100em) {
    :host {
      font-size: 18px;
    }
  }
`;
