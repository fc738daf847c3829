import { html } from 'lit';
import type { Employee, SendingVerdict } from '../../../contract/index.js';
import type { Strings } from '../i18n.js';

/**
 * What a visitor sees on a page whose site the office has not allowed: a plain message and the
 * employee's hosted rating page on the PACAK server, which always works. No form, so nothing typed
 * waits for a send that could never happen.
 */
export function renderNotAllowed(t: Strings, employee: Employee) {
  return html`<div class="not-allowed" part="not-allowed">
    <p><strong>${t.notAllowed}</strong></p>
    <p>${t.notAllowedHint} <a href=${employee.ratingUrl}>${t.hostedLink}</a></p>
  </div>`;
}

/** For the webmaster, in the console: which site was refused, and what the office's administrator adds. */
export function warnNotAllowed(verdict: SendingVerdict, employee: Employee, server: string): void {
  const site = verdict.origin ?? location.origin;
  console.warn(
    `PACAK rating: ${site} may not send ratings to ${employee.office.name}. Its administrator adds ${site} ` +
      `to the allowed sites at ${server}/embed?site=${encodeURIComponent(site)} (or POST /api/v1/admin/allowed-origins).`,
  );
}
