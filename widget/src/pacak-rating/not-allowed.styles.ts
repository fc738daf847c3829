import { adoptStyles, css } from 'lit';
import type { LitElement } from 'lit';

/** The not-allowed notice's own rules, added to the element's when its chunk comes (not-allowed.ts). */
export const styles = css`
  .not-allowed {
    margin-top: 1rem;
    padding: 0.75rem;
    border-left: 4px solid var(--pacak-primary, #00695c);
  }
  .not-allowed p {
    margin: 0 0 0.5rem;
  }
  .not-allowed a {
    color: inherit;
  }
`;

const styled = new WeakSet<LitElement>();

/**
 * Adds these rules to the element's, the first time the view is drawn: they come with the chunk, not in
 * every page's first load (a constructed sheet beside the element's, or a <style> where there are none).
 */
export function addStyles(host: LitElement): void {
  if (styled.has(host)) return;
  styled.add(host);
  const root = host.renderRoot as ShadowRoot;
  adoptStyles(root, [...(root.adoptedStyleSheets ?? []), styles]);
}
