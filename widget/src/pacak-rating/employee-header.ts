import { html, nothing } from 'lit';
import type { Employee } from '../api.js';

/**
 * Whom the customer is rating: name with academic titles, position and work area, photo if any.
 * Only what the form needs is shown (DOMAIN.md: an employee list with birth dates is personal data).
 */
export function renderEmployeeHeader(employee: Employee, apiOrigin: string) {
  // A photo path from the server is relative to the server, not to the page the widget sits in.
  const photo = employee.photoUrl && new URL(employee.photoUrl, apiOrigin).href;
  return html`<header part="header">
    ${photo ? html`<img part="photo" src=${photo} alt="" />` : nothing}
    <div>
      <h2 part="name">${employee.name}</h2>
      <p class="muted">${employee.position} · ${employee.workArea.name}</p>
    </div>
  </header>`;
}
