import { adoptStyles, css } from 'lit';
import type { LitElement } from 'lit';

/**
 * The rules of what only the after-send chunk draws (after-send.ts): a field to fix and the busy send button
 * (only its checks and its sending mark them), the receipt and its summary, the survey's button (`.alt`,
 * with the picker's way back after it, as in the picker's own rules, so whichever chunk comes last keeps
 * their order). Added to the element's when the chunk first draws or sends.
 */
export const styles = css`
  :is(select, textarea, input)[aria-invalid='true'] {
    border-color: var(--pacak-error, #b42318);
    border-width: 2px;
  }
  .error {
    color: var(--pacak-error, #b42318);
    font-size: 0.9rem;
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
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
  ul {
    display: grid;
    gap: 0.5rem;
    margin: 1rem 0 0;
    padding: 0;
    list-style: none;
  }
  [part='receipt'] > p > strong {
    display: block;
    font-size: 1.5rem;
    letter-spacing: 0.1em;
    white-space: nowrap;
  }
  [part='summary'] ul {
    gap: 0;
    margin: 0.5rem 0;
  }
`;

const styled = new WeakSet<LitElement>();

/**
 * Adds these rules to the element's, the first time the view is drawn: they come with the chunk, not in
 * every page's first load (a constructed sheet beside the element's, or a <style> where there are none).
 */
// Each chunk carries its own copy of this helper: one module shared by two chunks would become a third file.
export function addStyles(host: LitElement): void {
  if (styled.has(host)) return;
  styled.add(host);
  const root = host.renderRoot as ShadowRoot;
  adoptStyles(root, [...(root.adoptedStyleSheets ?? []), styles]);
}
