import { adoptStyles, css } from 'lit';
import type { LitElement } from 'lit';

/** The picker's look: a list of people on a phone, a grid of large photos on a counter tablet (`big`). */
export const styles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted {
    color: var(--pacak-muted, #52606d);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 0.75rem;
  }
  label {
    display: block;
    flex: 1 1 12rem;
    font-weight: 600;
  }
  input,
  select,
  button {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
  }
  input,
  select {
    display: block;
    width: 100%;
    min-height: 44px;
    margin-top: 0.25rem;
    padding: 0.5rem 0.75rem;
    font-weight: 400;
    background: var(--pacak-bg, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: calc(var(--pacak-radius, 12px) / 2);
  }
  :focus-visible {
    outline: 3px solid var(--pacak-focus, #1d4ed8);
    outline-offset: 2px;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: 0.5rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }
  button {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    width: 100%;
    height: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    text-align: start;
    background: var(--pacak-bg, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: calc(var(--pacak-radius, 12px) / 2);
    cursor: pointer;
  }
  button > span {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  b,
  button .muted {
    display: block;
  }
  .face {
    flex: none;
    display: grid;
    place-items: center;
    width: 48px;
    height: 48px;
    border-radius: 50%;
    object-fit: cover;
    font-weight: 700;
    color: var(--pacak-on-primary, #fff);
    background: var(--pacak-primary, #00695c);
  }
  :host([big]) {
    font-size: 1.25rem;
  }
  :host([big]) h2 {
    font-size: 2rem;
  }
  :host([big]) :is(input, select) {
    min-height: 56px;
  }
  :host([big]) ul {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    gap: 1rem;
  }
  :host([big]) button {
    flex-direction: column;
    justify-content: flex-start;
    min-height: 14rem;
    padding: 1rem;
    text-align: center;
  }
  :host([big]) .face {
    width: 112px;
    height: 112px;
    font-size: 2.5rem;
  }
`;

/**
 * The way back to the list, a button of the rating element drawn by this chunk (employee-picker.ts): its
 * rules join the element's the first time it is drawn, as after-send.styles.ts does.
 */
export const backStyles = css`
  .alt {
    width: 100%;
    margin: 0;
    text-align: start;
    letter-spacing: 0;
    color: inherit;
    background: var(--pacak-bg, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
  }
  [part='back'] {
    width: auto;
    margin-bottom: 0.75rem;
  }
`;

const styled = new WeakSet<LitElement>();

export function addBackStyles(host: LitElement): void {
  if (styled.has(host)) return;
  styled.add(host);
  const root = host.renderRoot as ShadowRoot;
  adoptStyles(root, [...(root.adoptedStyleSheets ?? []), backStyles]);
}
