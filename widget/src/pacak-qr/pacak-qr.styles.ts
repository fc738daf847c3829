import { css } from 'lit';

// As in <pacak-rating>: `all: initial` keeps the page's inherited styles out, custom properties come in.
export const styles = css`
  :host {
    all: initial;
    display: inline-block;
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
    padding: 1rem;
    font: 15px/1.4 var(--pacak-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--pacak-text, #1f2933);
    text-align: center;
    background: var(--pacak-bg, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: var(--pacak-radius, 12px);
  }
  img {
    display: block;
    max-width: 100%;
    height: auto;
    background: #fff;
  }
  .name {
    font-weight: 700;
  }
  .link {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: 0.85em;
    word-break: break-all;
    user-select: all;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem;
  }
  a,
  button {
    font: inherit;
    font-weight: 600;
    padding: 0.45rem 0.8rem;
    border-radius: 8px;
    border: 1px solid var(--pacak-primary, #00695c);
    background: var(--pacak-bg, #fff);
    color: var(--pacak-primary, #00695c);
    text-decoration: none;
    cursor: pointer;
  }
  button.share {
    background: var(--pacak-primary, #00695c);
    color: var(--pacak-on-primary, #fff);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--pacak-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .status {
    min-height: 1.4em;
    margin: 0;
    color: var(--pacak-muted, #52606d);
    font-size: 0.9em;
  }
`;
