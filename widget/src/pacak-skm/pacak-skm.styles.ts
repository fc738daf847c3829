import { css } from 'lit';

// The same walls as the rating widget's: `all: initial` on the host and on the card; custom
// properties (--pacak-…) are the theming door left open.
export const styles = css`
  :host {
    all: initial;
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    all: initial;
    display: block;
    box-sizing: border-box;
    max-width: 40rem;
    padding: 1rem;
    font: 16px/1.5 var(--pacak-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--pacak-text, #1f2933);
    background: var(--pacak-bg, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: var(--pacak-radius, 12px);
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  h3 {
    margin: 1.25rem 0 0;
    font-size: 1.05rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted {
    color: var(--pacak-muted, #52606d);
    font-size: 0.9rem;
  }
  fieldset,
  .field {
    margin: 1rem 0 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend,
  label.top {
    display: block;
    padding: 0;
    font-weight: 600;
  }
  .options {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.25rem 0.5rem;
    margin-top: 0.25rem;
  }
  .options label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 44px;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: calc(var(--pacak-radius, 12px) / 2);
    cursor: pointer;
  }
  .options input {
    width: 20px;
    height: 20px;
    margin: 0;
    flex: none;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
    max-width: 100%;
  }
  select,
  textarea,
  input[type='tel'] {
    width: 100%;
    min-height: 44px;
    margin-top: 0.25rem;
    padding: 0.5rem 0.75rem;
    background: var(--pacak-bg, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: calc(var(--pacak-radius, 12px) / 2);
  }
  [aria-invalid='true'] {
    border-color: var(--pacak-error, #b42318);
    border-width: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--pacak-focus, #1d4ed8);
    outline-offset: 2px;
  }
  .error {
    color: var(--pacak-error, #b42318);
    font-size: 0.9rem;
    font-weight: 600;
  }
  .hp {
    position: absolute;
    left: -9999px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  button {
    min-height: 44px;
    margin-top: 1rem;
    padding: 0.5rem 1.5rem;
    font-weight: 700;
    color: var(--pacak-button-text, #fff);
    background: var(--pacak-accent, #0b6b3a);
    border: 0;
    border-radius: calc(var(--pacak-radius, 12px) / 2);
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
`;
