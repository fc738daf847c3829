import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../../api.js';
import type { ConsoleContext } from '../../admin-api.js';
import { screenStyles } from '../../pacak-console.styles.js';
import { employeeStrings } from './employee-strings.js';
import type { EmployeeStrings } from './employee-strings.js';
import type { AdminEmployee } from './employee-types.js';

type Outcome = { kind: 'ok' | 'notice'; text: string; area: 'status' | 'qr' | 'pin' };

/**
 * What an admin does to one employee besides editing: deactivate or reactivate, delete one never
 * rated, replace the QR code (its consequence written beside the button, and asked again), set or
 * remove the PIN of one-service codes, print the card. Each outcome is told beside its action.
 *
 * @fires pacak-employee-changed - detail `{ employee }` after a change, or `{ removed: true }`
 */
export class PacakEmployeeActions extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    employee: { attribute: false },
    busy: { state: true },
    outcome: { state: true },
  };

  context?: ConsoleContext;
  employee?: AdminEmployee;
  private busy = false;
  private outcome?: Outcome;

  private get t(): EmployeeStrings {
    return employeeStrings[this.context?.lang ?? 'id'];
  }

  private get path(): string {
    return `/admin/employees/${encodeURIComponent(this.employee?.nip ?? '')}`;
  }

  override render() {
    const { employee, context } = this;
    if (!employee || !context) return nothing;
    const t = this.t;
    const said = (area: Outcome['area']) =>
      this.outcome?.area === area
        ? html`<p class=${this.outcome.kind} role="status" data-outcome=${area}>${this.outcome.text}</p>`
        : nothing;
    const qr = `${context.api.origin}/qr/${encodeURIComponent(employee.nip)}.svg?v=${encodeURIComponent(employee.publicCode ?? '')}`;
    return html`<section class="card" aria-labelledby="actions-title">
        <h2 id="actions-title">${t.actions}</h2>
        <div class="stack">
          <p>${t.status}: <strong data-status>${employee.active ? t.active : t.inactive}</strong></p>
          <p class="muted">${t.deactivateHint}</p>
          <div class="row">
            ${
              employee.active
                ? html`<button type="button" class="secondary" data-deactivate ?disabled=${this.busy} @click=${() => this.setActive(false)}>${t.deactivate}</button>`
                : html`<button type="button" data-reactivate ?disabled=${this.busy} @click=${() => this.setActive(true)}>${t.reactivate}</button>`
            }
            <button type="button" class="danger" data-remove ?disabled=${this.busy} @click=${this.removeEmployee} aria-describedby="remove-hint">${t.remove}</button>
          </div>
          <p class="muted" id="remove-hint">${t.removeHint}</p>
          ${said('status')}
        </div>
      </section>
      <section class="card" aria-labelledby="qr-title">
        <h2 id="qr-title">${t.qr}</h2>
        <div class="stack">
          ${employee.ratingUrl ? html`<img src=${qr} alt=${t.qrAlt(employee.name)} width="160" height="160" /><p class="muted" data-rating-url>${employee.ratingUrl}</p>` : nothing}
          <div class="row">
            <a class="button secondary" href=${`${context.api.origin}/card/${encodeURIComponent(employee.nip)}`} target="_blank" rel="noopener" data-card>${t.printCard}</a>
            <button type="button" class="secondary" data-replace-qr ?disabled=${this.busy} @click=${this.replaceQr} aria-describedby="replace-hint">${t.replaceQr}</button>
          </div>
          <p class="muted" id="replace-hint">${t.replaceQrHint}</p>
          ${said('qr')}
        </div>
      </section>
      <section class="card" aria-labelledby="pin-title">
        <h2 id="pin-title">${t.pin}</h2>
        <form class="form" novalidate @submit=${this.setPin}>
          <p data-has-pin=${employee.hasPin ? 'true' : 'false'}>${employee.hasPin ? t.hasPin : t.noPin}</p>
          <p class="muted" id="pin-hint">${t.pinHint}</p>
          <label>${t.newPin}<input name="pin" inputmode="numeric" autocomplete="off" pattern="[0-9]*" maxlength="12" aria-describedby="pin-hint" /></label>
          <div class="row">
            <button type="submit" name="chosen" ?disabled=${this.busy}>${t.setPin}</button>
            <button type="button" class="secondary" data-random-pin ?disabled=${this.busy} @click=${() => this.pin(undefined)}>${t.randomPin}</button>
            ${employee.hasPin ? html`<button type="button" class="secondary" data-clear-pin ?disabled=${this.busy} @click=${this.clearPin}>${t.clearPin}</button>` : nothing}
          </div>
          ${said('pin')}
        </form>
      </section>`;
  }

  private async act(area: Outcome['area'], work: () => Promise<string>): Promise<void> {
    this.busy = true;
    this.outcome = undefined;
    try {
      this.outcome = { kind: 'ok', area, text: await work() };
    } catch (error) {
      const failure = asApiError(error);
      const detail = failure.problem.errors?.[0]?.message ?? failure.problem.detail;
      this.outcome = {
        kind: 'notice',
        area,
        text: failure.status === 0 ? this.t.offline : [this.t.failed, detail].filter(Boolean).join(' '),
      };
    } finally {
      this.busy = false;
    }
  }

  private changed(detail: { employee?: AdminEmployee; removed?: boolean }): void {
    this.dispatchEvent(new CustomEvent('pacak-employee-changed', { detail, bubbles: true, composed: true }));
  }

  private setActive(active: boolean): void {
    void this.act('status', async () => {
      const employee = await (this.context as ConsoleContext).api.post<AdminEmployee>(
        `${this.path}/${active ? 'reactivate' : 'deactivate'}`,
      );
      this.changed({ employee });
      return this.t.saved;
    });
  }

  private removeEmployee = (): void => {
    const employee = this.employee as AdminEmployee;
    if (!confirm(this.t.removeConfirm(employee.name))) return;
    void this.act('status', async () => {
      await (this.context as ConsoleContext).api.delete(this.path);
      this.changed({ removed: true });
      return this.t.removed(employee.name);
    });
  };

  private replaceQr = (): void => {
    if (!confirm(this.t.replaceQrConfirm)) return;
    void this.act('qr', async () => {
      const api = (this.context as ConsoleContext).api;
      const issued = await api.post<{ ratingUrl: string }>(`${this.path}/public-code`);
      this.changed({ employee: await api.get<AdminEmployee>(this.path) });
      return this.t.replacedQr(issued.ratingUrl);
    });
  };

  private setPin = (event: SubmitEvent): void => {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('pin') as HTMLInputElement;
    this.pin(field.value.trim() || undefined, field);
  };

  private pin(chosen: string | undefined, field?: HTMLInputElement): void {
    void this.act('pin', async () => {
      const api = (this.context as ConsoleContext).api;
      const answer = await api.post<{ pin?: string }>(`${this.path}/pin`, chosen ? { pin: chosen } : {});
      if (field) field.value = '';
      this.changed({ employee: { ...(this.employee as AdminEmployee), hasPin: true } });
      return answer.pin ? this.t.pinShown(answer.pin) : this.t.pinSet;
    });
  }

  private clearPin = (): void => {
    void this.act('pin', async () => {
      await (this.context as ConsoleContext).api.delete(`${this.path}/pin`);
      this.changed({ employee: { ...(this.employee as AdminEmployee), hasPin: false } });
      return this.t.pinCleared;
    });
  };
}

if (!customElements.get('pacak-employee-actions')) customElements.define('pacak-employee-actions', PacakEmployeeActions);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-employee-actions': PacakEmployeeActions;
  }
}
