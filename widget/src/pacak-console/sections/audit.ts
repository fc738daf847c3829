import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { readQuery, turnPage, writeQuery } from '../admin/address-query.js';
import { AdminScreen } from '../admin/admin-screen.js';
import { pager } from '../admin/pager.js';

interface AuditRow {
  id: number;
  at: string;
  office: string | null;
  actor: { id: number | null; username: string };
  action: string;
  target: { type: string; id: string | null };
  changes: Record<string, unknown> | null;
}

const FILTERS = ['from', 'to', 'action', 'office', 'offset'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE = 50;

/** Actions the log holds, for the filter's suggestions; the field takes any other as typed. */
const ACTIONS = [
  'employee.create',
  'employee.update',
  'employee.deactivate',
  'employee.reactivate',
  'employee.delete',
  'employee.import',
  'employee.replace-public-code',
  'kiosk-key.issue',
  'kiosk-key.rename',
  'kiosk-key.revoke',
  'office.create',
  'office.rename',
  'office.update',
  'rating.void',
  'rating.unvoid',
  'rating.read-phone',
  'rating.erase-phone',
  'service-type.create',
  'service-type.rename',
  'service-type.retire',
  'service-type.reactivate',
  'service-type.reorder',
  'share-link.create',
  'share-link.revoke',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.reset-password',
  'user.change-password',
  'work-area.create',
  'work-area.rename',
  'work-area.update',
  'work-area.deactivate',
  'work-area.reactivate',
];

/**
 * The audit log, newest first, with filters (days, action, and for a superadmin the office) kept in
 * the address, and paging. What changed is shown as the server recorded it, never a phone number or
 * a password (the server leaves those out). Admins read their office's, superadmins every office's.
 */
export class PacakConsoleAudit extends AdminScreen {
  static override properties = { ...AdminScreen.properties, entries: { state: true }, total: { state: true }, filters: { state: true } };

  protected readonly roles = ['admin', 'superadmin'] as const;
  declare entries: AuditRow[];
  declare total: number;
  declare filters: Filters;

  constructor() {
    super();
    this.entries = [];
    this.total = 0;
    this.filters = readQuery(FILTERS);
  }

  protected override readAddress(): void {
    this.filters = readQuery(FILTERS);
  }

  protected async load(): Promise<void> {
    const answer = await this.run(() =>
      this.context.api.get<{ entries: AuditRow[]; total: number }>('/admin/audit', { ...this.filters, limit: PAGE }),
    );
    if (answer) [this.entries, this.total] = [answer.entries, answer.total];
  }

  protected renderScreen(): TemplateResult {
    const f = this.filters;
    const superadmin = this.userRole === 'superadmin';
    return html`<section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">${this.t('Catatan perubahan', 'Entries')}</h2>
      <form class="filters" @change=${this.#filter} @submit=${this.#submit} aria-label=${this.t('Saring log audit', 'Filter the audit log')}>
        <div class="field"><label for="a-from">${this.t('Dari tanggal', 'From')}</label><input id="a-from" name="from" type="date" .value=${f.from} /></div>
        <div class="field"><label for="a-to">${this.t('Sampai tanggal', 'To')}</label><input id="a-to" name="to" type="date" .value=${f.to} /></div>
        <div class="field">
          <label for="a-action">${this.t('Tindakan', 'Action')}</label>
          <input id="a-action" name="action" list="a-actions" maxlength="64" autocomplete="off" .value=${f.action} />
          <datalist id="a-actions">${ACTIONS.map((action) => html`<option value=${action}></option>`)}</datalist>
        </div>
        ${
          superadmin
            ? html`<div class="field"><label for="a-office">${this.t('Kode kantor', 'Office code')}</label><input id="a-office" name="office" maxlength="64" autocomplete="off" .value=${f.office} /></div>`
            : ''
        }
      </form>
      ${this.renderStatus()} ${this.#renderTable(superadmin)}
    </section>`;
  }

  #renderTable(superadmin: boolean): TemplateResult {
    if (!this.entries.length)
      return html`<p class="muted">${this.busy ? this.t('Memuat…', 'Loading…') : this.t('Tidak ada catatan yang cocok.', 'No entries match.')}</p>`;
    const offset = Number(this.filters.offset) || 0;
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Catatan perubahan', 'Entries'))}>
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t('Waktu', 'Time')}</th>
              ${superadmin ? html`<th scope="col">${this.t('Kantor', 'Office')}</th>` : ''}
              <th scope="col">${this.t('Oleh', 'By')}</th>
              <th scope="col">${this.t('Tindakan', 'Action')}</th>
              <th scope="col">${this.t('Sasaran', 'Target')}</th>
              <th scope="col">${this.t('Perubahan', 'Changes')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map(
              (entry) => html`<tr data-action=${entry.action}>
              <td>${this.dateTime(entry.at)}</td>
              ${superadmin ? html`<td>${entry.office ?? ''}</td>` : ''}
              <td>${entry.actor.username}</td>
              <td><code>${entry.action}</code></td>
              <td>${entry.target.type}${entry.target.id ? ` ${entry.target.id}` : ''}</td>
              <td>${this.#changes(entry.changes)}</td>
            </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pager(
        { offset, shown: this.entries.length, total: this.total },
        (step) => this.#page(step),
        (id, en) => this.t(id, en),
      )}`;
  }

  /** `{ field: { from, to } }` reads as "field: a → b"; other values as they are. */
  #changes(changes: Record<string, unknown> | null): TemplateResult | string {
    if (!changes) return '';
    const text = (value: unknown) =>
      value === null || value === undefined ? '–' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return html`${Object.entries(changes).map(([key, value]) => {
      const change = value as { from?: unknown; to?: unknown } | null;
      const shown = change && typeof change === 'object' && 'to' in change ? `${text(change.from)} → ${text(change.to)}` : text(value);
      return html`<span class="change">${key}: ${shown}</span><br />`;
    })}`;
  }

  #filter(event: Event): void {
    const data = Object.fromEntries(new FormData(event.currentTarget as HTMLFormElement)) as Partial<Filters>;
    this.#apply({ ...this.filters, ...data, offset: '' });
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    this.#filter(event);
  }

  #page(step: number): void {
    this.#apply(turnPage(this.filters, step, PAGE));
  }

  #apply(filters: Filters): void {
    this.filters = filters;
    writeQuery(filters);
    void this.load();
  }
}

if (!customElements.get('pacak-console-audit')) customElements.define('pacak-console-audit', PacakConsoleAudit);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-audit': PacakConsoleAudit;
  }
}
