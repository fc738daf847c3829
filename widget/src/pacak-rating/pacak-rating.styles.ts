import { css } from 'lit';

// Two walls against the page's styles: `all: initial` on the host, and again on an inner card that
// carries the look, because a theme's `* { … }` reaches the host element itself (a page rule beats
// :host) and the host would pass its letter-spacing, text-transform, cursor… down by inheritance.
// Custom properties still pass both walls: they are the theming door we leave open.
export const styles = css`
  :host {
    all: initial;
    display: block;
    /* The host matches :focus whenever a control inside has focus, so a theme's focus outline
       would circle the whole host, wider than the card. An !important rule of the shadow root wins
       over the page's normal ones; the focus ring stays on the controls. */
    outline: none !important;
  }
  .card {
    all: initial;
    display: block;
    box-sizing: border-box;
    max-width: 36rem;
    padding: 1rem;
    font: 16px/1.5 var(--pacak-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--pacak-text, #1f2933);
    text-align: start;
    background: var(--pacak-bg, #fff);
    border: 1px solid var(--pacak-border, #7b8794);
    border-radius: var(--pacak-radius, 12px);
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  ::before,
  ::after {
    box-sizing: inherit;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  p {
    margin: 0.25rem 0;
  }
  header {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    margin-bottom: 0.5rem;
  }
  img {
    width: 64px;
    height: 64px;
    border-radius: 50%;
    object-fit: cover;
  }
  .muted,
  details {
    color: var(--pacak-muted, #52606d);
  }
  /* The privacy notice: one line until opened; the summary is a real control, so it keeps a target size. */
  details {
    margin-top: 0.25rem;
    font-size: 0.9rem;
  }
  summary {
    min-height: 24px;
    cursor: pointer;
  }
  details p {
    margin: 0.25rem 0 0;
  }
  .field,
  fieldset {
    margin: 1rem 0 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  label,
  legend {
    display: block;
    padding: 0;
    font-weight: 600;
  }
  legend span {
    display: block;
    font-weight: 400;
    font-size: 0.9rem;
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
  :focus-visible,
  input:focus-visible + label {
    outline: 3px solid var(--pacak-focus, #1d4ed8);
    outline-offset: 2px;
  }
  /* As wide as its stars: hovering the empty space beside them must not preview five stars. Each star
     column shrinks to 44 px on a narrow screen, its word wrapping under it. */
  .stars {
    display: grid;
    grid-template-columns: repeat(5, minmax(44px, 4.5rem));
    width: max-content;
    max-width: 100%;
  }
  /* Clipped, not display:none: the radios stay real, focusable and operable with the arrow keys. */
  .stars input,
  .hp {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .hp {
    left: -9999px;
  }
  .stars label {
    display: flex;
    flex-direction: column;
    align-items: center;
    min-height: 44px;
    padding-bottom: 0.25rem;
    cursor: pointer;
    border-radius: 8px;
    font-size: 0.75rem;
    font-weight: 400;
    line-height: 1.2;
    text-align: center;
    color: var(--pacak-muted, #52606d);
  }
  .stars svg {
    width: 34px;
    height: 34px;
    margin: 5px;
    fill: var(--pacak-bg, #fff);
    stroke: currentColor;
    stroke-width: 1.5;
    color: var(--pacak-star-empty, #6b7280);
  }
  .stars label.on svg {
    color: var(--pacak-star-color, #d97706);
    fill: currentColor;
  }
  /* With a mouse, hovering previews the score: stars light up to the one under the pointer. */
  @media (hover: hover) {
    .stars:hover svg {
      color: var(--pacak-star-color, #d97706);
      fill: currentColor;
    }
    .stars label:hover ~ label svg {
      color: var(--pacak-star-empty, #6b7280);
      fill: var(--pacak-bg, #fff);
    }
  }
  a {
    color: var(--pacak-primary, #00695c);
    font-weight: 600;
  }
  [part='complaint'] {
    margin: 0.5rem 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--pacak-primary, #00695c);
  }
  button {
    min-height: 44px;
    padding: 0.5rem 1.5rem;
    margin-top: 1.25rem;
    font-weight: 700;
    letter-spacing: 0.05em;
    color: var(--pacak-on-primary, #fff);
    background: var(--pacak-primary, #00695c);
    border: 0;
    border-radius: calc(var(--pacak-radius, 12px) / 2);
    cursor: pointer;
  }
  .status:not(:empty) {
    margin-top: 1rem;
    padding: 0.75rem;
    border-left: 4px solid var(--pacak-error, #b42318);
    background: var(--pacak-notice-bg, #fdf2f1);
  }
  .status.info {
    border-color: var(--pacak-primary, #00695c);
    background: transparent;
  }
  [part='submit'] {
    width: 100%;
  }
  @media (min-width: 30rem) {
    .card {
      padding: 1.5rem;
    }
  }
`;
