import { html } from 'lit';
import type { Roster } from '../api.js';
import type { Strings } from '../i18n.js';

/** Kiosk mode's first view: the customer taps the employee who served them. */
export function renderPicker(t: Strings, roster: Roster, onPick: (nip: string) => void) {
  return html`<h2>${t.pick}</h2>
    <p class="muted">${roster.workArea.name}</p>
    <ul part="picker">
      ${roster.employees.map(
        (e) => html`<li>
          <button type="button" class="alt" part="pick" @click=${() => onPick(e.nip)}>
            ${e.name}<span class="muted">${e.position}</span>
          </button>
        </li>`,
      )}
    </ul>`;
}
