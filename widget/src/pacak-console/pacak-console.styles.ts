import { css } from 'lit';
import { styles as base } from '../pacak-dashboard/pacak-dashboard.styles.js';

/**
 * The console's look on top of the dashboard's (cards, forms, buttons, tables): the bar, the menu,
 * the screen heading. Screens take `screenStyles` for the same base, so they look like one product.
 */
const shell = css`
  .skip {
    position: absolute;
    inset-inline-start: -999em;
  }
  .skip:focus {
    position: static;
    display: inline-block;
    margin-bottom: 0.5em;
  }
  a {
    color: var(--pacak-primary, #00695c);
  }
  .title {
    color: inherit;
    text-decoration: none;
    font-size: 1.1em;
  }
  .bar {
    padding-bottom: 0.5em;
    border-bottom: 1px solid #d5dbd9;
  }
  .who a,
  .who span {
    overflow-wrap: anywhere;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    margin: 0 0 0.75em;
    padding: 0;
    list-style: none;
  }
  nav a {
    display: inline-block;
    min-height: 44px;
    padding: 0.55em 0.9em;
    border-radius: 6px;
    text-decoration: none;
    font-weight: 600;
    background: #fff;
    border: 1px solid #d5dbd9;
  }
  /* On a phone the menu of an admin (ten screens) is one row that scrolls sideways, so the first screen
     still shows the view itself rather than the menu alone. */
  @media (max-width: 40em) {
    nav ul {
      flex-wrap: nowrap;
      overflow-x: auto;
    }
    nav li {
      flex: none;
    }
    nav a {
      white-space: nowrap;
    }
  }
  nav a[aria-current='page'] {
    color: var(--pacak-on-primary, #fff);
    background: var(--pacak-primary, #00695c);
    border-color: var(--pacak-primary, #00695c);
  }
  h1 {
    margin: 0 0 0.5em;
    font-size: 1.4em;
    line-height: 1.25;
  }
  main:focus,
  h1:focus {
    outline: none;
  }
  .notice {
    margin: 0 0 0.75em;
  }
  @media print {
    nav,
    .bar,
    .skip {
      display: none !important;
    }
  }
`;

export const styles = [base, shell];

/** For screens: the same base, links in the console's colour, and a form layout. */
export const screenStyles = [
  base,
  css`
    :host {
      background: none;
    }
    a {
      color: var(--pacak-primary, #00695c);
    }
    .stack {
      display: grid;
      gap: 0.75em;
    }
    .form {
      display: grid;
      gap: 0.75em;
      max-width: 36em;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: center;
    }
    .field {
      display: grid;
      gap: 0.25em;
    }
    .field-error {
      color: #b42318;
      font-weight: 400;
    }
    .ok {
      padding: 0.6em 0.8em;
      background: #edf7f1;
      border-left: 4px solid #1a7f4b;
    }
    a.button {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0.4em 1em;
      color: var(--pacak-on-primary, #fff);
      background: var(--pacak-primary, #00695c);
      border: 1px solid var(--pacak-primary, #00695c);
      border-radius: 6px;
      font-weight: 600;
      text-decoration: none;
    }
    a.button.secondary {
      color: var(--pacak-primary, #00695c);
      background: #fff;
    }
    tr.refused {
      background: #fdf2f1;
    }
    .problems {
      margin: 0;
      padding-inline-start: 1.1em;
    }
    button.danger {
      background: #b42318;
      border-color: #b42318;
    }
  `,
];
