import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import type { FeedbackItem, FeedbackStatus } from '../../../../contract/index.js';
import { INDICATORS } from '../../pacak-dashboard/indicators.js';
import { readQuery, turnPage, writeQuery } from '../admin/address-query.js';
import { AdminScreen } from '../admin/admin-screen.js';
import { pager } from '../admin/pager.js';
import { adminStyles } from '../admin/admin.styles.js';
import { workAreas, type WorkAreaRow } from '../admin/catalogue-lists.js';
import '../admin/reason-dialog.js';
import type { PacakReasonDialog } from '../admin/reason-dialog.js';

interface Assignee {
  id: number;
  username: string;
  role: string;
  workArea: string | null;
}

interface AlertRow {
  id: number;
  rating: number;
  receipt: string | null;
  channel: 'webhook' | 'mail';
  recipient: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

interface Alerts {
  counts: Record<'pending' | 'sent' | 'failed' | 'skipped', number>;
  alerts: AlertRow[];
}

interface Listed {
  items: FeedbackItem[];
  total: number;
  settings: { lowScore: number; targetDays: number };
}

// `rating` comes from an alert mail's link to one rating; any change of the filters leaves it.
const FILTERS = ['status', 'workArea', 'assigned', 'low', 'overdue', 'rating', 'offset'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE = 50;

/**
 * The feedback inbox: every comment and low score of the user's scope, newest first, with the stars
 * beside the words; each is taken on (being handled), assigned to an account and closed with a
 * follow-up note. Filters live in the address. Admins see their office, coordinators their work area.
 */
export class PacakConsoleFeedback extends AdminScreen {
  static override styles = [
    adminStyles,
    css`
      .stars {
        list-style: none;
        margin: 0;
        padding: 0;
        white-space: nowrap;
      }
      .stars .low {
        color: #8a1c12;
        font-weight: 600;
      }
      .star {
        color: #9a6700;
        letter-spacing: 0.05em;
      }
      .comment {
        min-width: 12em;
        max-width: 40em;
        overflow-wrap: anywhere;
      }
      .check {
        display: flex;
        gap: 0.4em;
        align-items: center;
      }
    `,
  ];
  static override properties = {
    ...AdminScreen.properties,
    rows: { state: true },
    total: { state: true },
    settings: { state: true },
    filters: { state: true },
    areas: { state: true },
    assignees: { state: true },
    pending: { state: true },
    alerts: { state: true },
  };

  protected readonly roles = ['admin', 'coordinator'] as const;
  declare rows: FeedbackItem[];
  declare total: number;
  declare settings: Listed['settings'] | null;
  declare filters: Filters;
  declare areas: WorkAreaRow[];
  declare assignees: Assignee[];
  /** What the reason dialog is open for: closing a case with its note, or reading a consenting customer's number. */
  declare pending: { kind: 'close' | 'reveal'; row: FeedbackItem } | null;
  /** How the office's low-score alerts were delivered (admins only): counts and the latest failures. */
  declare alerts: Alerts | null;

  constructor() {
    super();
    this.rows = [];
    this.total = 0;
    this.settings = null;
    this.filters = readQuery(FILTERS);
    this.areas = [];
    this.assignees = [];
    this.pending = null;
    this.alerts = null;
  }

  protected override readAddress(): void {
    this.filters = readQuery(FILTERS);
  }

  protected async load(): Promise<void> {
    const { api } = this.context;
    const admin = this.userRole === 'admin';
    const answer = await this.run(() =>
      Promise.all([
        api.get<Listed>('/admin/feedback', { ...this.filters, limit: PAGE }),
        this.assignees.length ? { assignees: this.assignees } : api.get<{ assignees: Assignee[] }>('/admin/feedback/assignees'),
        !admin || this.areas.length ? this.areas : workAreas(api),
        admin ? api.get<Alerts>('/admin/alerts', { status: 'failed', limit: 10 }) : null,
      ]),
    );
    if (answer)
      [{ items: this.rows, total: this.total, settings: this.settings }, { assignees: this.assignees }, this.areas, this.alerts] = answer;
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid">
      <section class="card" aria-labelledby="feedback-title">
        <h2 id="feedback-title">${this.t('Kotak masukan', 'Feedback inbox')}</h2>
        <p class="hint">${this.#intro()}</p>
        ${this.#renderFilters()} ${this.renderStatus()} ${this.#renderTable()}
      </section>
      ${this.alerts ? this.#renderAlerts(this.alerts) : ''}
      <pacak-reason-dialog
        heading=${`${this.#dialogAction()} ${this.pending?.row.receipt ?? ''}`}
        label=${
          this.pending?.kind === 'reveal'
            ? this.t('Alasan (dicatat di log audit)', 'Reason (kept in the audit log)')
            : this.t('Catatan tindak lanjut (nomor telepon disamarkan)', 'Follow-up note (phone numbers are masked)')
        }
        action=${this.#dialogAction()}
        close-label=${this.t('Tutup', 'Close')}
        @pacak-reason=${this.#act}
      ></pacak-reason-dialog>
    </div>`;
  }

  #renderAlerts(alerts: Alerts): TemplateResult {
    const { counts } = alerts;
    return html`<section class="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">${this.t('Pengiriman peringatan nilai rendah', 'Low-score alert delivery')}</h2>
      <p data-alert-counts>
        ${this.t('Menunggu', 'Pending')}: ${counts.pending} · ${this.t('Terkirim', 'Sent')}: ${counts.sent} ·
        ${this.t('Gagal', 'Failed')}: ${counts.failed} · ${this.t('Dilewati (tanpa webhook atau surel)', 'Skipped (no webhook or e-mail)')}: ${counts.skipped}
      </p>
      ${
        alerts.alerts.length
          ? html`<ul>
            ${alerts.alerts.map((alert) => html`<li data-alert-failure>${alert.receipt ?? alert.rating} — ${alert.channel === 'mail' ? `${this.t('surel ke', 'mail to')} ${alert.recipient ?? '?'}` : 'webhook'} — ${this.dateTime(alert.createdAt)}: ${alert.lastError ?? ''} (${alert.attempts}×)</li>`)}
          </ul>`
          : html`<p class="muted">${this.t('Tidak ada pengiriman yang gagal.', 'No failed deliveries.')}</p>`
      }
    </section>`;
  }

  #dialogAction(): string {
    return this.pending?.kind === 'reveal' ? this.t('Lihat nomor', 'Reveal number') : this.t('Tutup masukan', 'Close feedback');
  }

  #intro(): string {
    const s = this.settings;
    if (!s) return '';
    return this.t(
      `Setiap komentar dan nilai ${s.lowScore} ke bawah, terbaru dulu. Target tindak lanjut: ${s.targetDays} hari.`,
      `Every comment and score of ${s.lowScore} or below, newest first. Follow-up target: ${s.targetDays} days.`,
    );
  }

  #statusName(status: FeedbackStatus): string {
    if (status === 'baru') return this.t('Baru', 'New');
    if (status === 'ditangani') return this.t('Ditangani', 'Being handled');
    return this.t('Selesai', 'Closed');
  }

  #renderFilters(): TemplateResult {
    const f = this.filters;
    return html`<form class="filters" @change=${this.#filter} @submit=${(event: Event) => event.preventDefault()} aria-label=${this.t('Saring masukan', 'Filter feedback')}>
      <div class="field">
        <label for="f-status">${this.t('Status', 'Status')}</label>
        <select id="f-status" name="status">
          <option value="" ?selected=${!f.status}>${this.t('Semua', 'All')}</option>
          ${(['baru', 'ditangani', 'selesai'] as const).map((status) => html`<option value=${status} ?selected=${f.status === status}>${this.#statusName(status)}</option>`)}
        </select>
      </div>
      ${
        this.userRole === 'admin'
          ? html`<div class="field">
            <label for="f-area">${this.t('Wilayah kerja', 'Work area')}</label>
            <select id="f-area" name="workArea">
              <option value="">${this.t('Semua', 'All')}</option>
              ${this.areas.map((area) => html`<option value=${area.code} ?selected=${area.code === f.workArea}>${area.name}</option>`)}
            </select>
          </div>`
          : ''
      }
      <div class="field">
        <label for="f-assigned">${this.t('Ditugaskan ke', 'Assigned to')}</label>
        <select id="f-assigned" name="assigned">
          <option value="" ?selected=${!f.assigned}>${this.t('Siapa saja', 'Anyone')}</option>
          <option value="me" ?selected=${f.assigned === 'me'}>${this.t('Saya', 'Me')}</option>
          <option value="none" ?selected=${f.assigned === 'none'}>${this.t('Belum ditugaskan', 'Nobody yet')}</option>
          ${this.assignees.map((account) => html`<option value=${account.username} ?selected=${f.assigned === account.username}>${account.username}</option>`)}
        </select>
      </div>
      <div class="field">
        <label class="check"><input type="checkbox" name="low" value="true" .checked=${f.low === 'true'} />${this.t('Hanya nilai rendah', 'Low scores only')}</label>
        <label class="check"><input type="checkbox" name="overdue" value="true" .checked=${f.overdue === 'true'} />${this.t('Hanya yang terlambat', 'Overdue only')}</label>
      </div>
    </form>`;
  }

  #stars(item: FeedbackItem): TemplateResult {
    const low = this.settings?.lowScore ?? 2;
    return html`<ul class="stars">
      ${INDICATORS.map((indicator) => {
        const score = item.scores[indicator.code] ?? 0;
        return html`<li class=${score <= low ? 'low' : ''}>
          ${indicator.name}
          <span class="star" aria-hidden="true">${'★'.repeat(score)}${'☆'.repeat(5 - score)}</span>
          <span class="visually-hidden">${score} ${this.t('dari', 'of')} 5</span>
        </li>`;
      })}
    </ul>`;
  }

  #renderTable(): TemplateResult {
    if (!this.rows.length)
      return html`<p class="muted">${this.busy ? this.t('Memuat…', 'Loading…') : this.t('Tidak ada masukan yang cocok.', 'No feedback matches.')}</p>`;
    const offset = Number(this.filters.offset) || 0;
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Kotak masukan', 'Feedback inbox'))}>
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t('Waktu', 'Time')}</th>
              <th scope="col">${this.t('Pegawai', 'Employee')}</th>
              <th scope="col">${this.t('Nilai', 'Scores')}</th>
              <th scope="col">${this.t('Komentar', 'Comment')}</th>
              <th scope="col">${this.t('Status', 'Status')}</th>
              <th scope="col">${this.t('Ditugaskan ke', 'Assigned to')}</th>
              <th scope="col">${this.t('Tindakan', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map(
              (row) => html`<tr data-id=${row.id} data-status=${row.status}>
                <td>${this.dateTime(row.createdAt)}<br /><span class="muted">${row.receipt}</span></td>
                <td>${row.employee.name}<br /><span class="muted">${row.workArea.name} · ${row.serviceType.name}</span></td>
                <td>${this.#stars(row)}</td>
                <td class="comment">
                  ${row.comment ?? html`<span class="muted">${this.t('(tanpa komentar)', '(no comment)')}</span>`}
                  ${row.contactConsent ? html`<br /><span class="badge" data-consent>${this.t('Boleh dihubungi', 'May be contacted')}</span> ${row.phone ?? ''}` : ''}
                </td>
                <td>
                  <span class="badge">${this.#statusName(row.status)}</span>
                  ${row.overdue ? html`<span class="badge warn" data-overdue>${this.t('Terlambat', 'Overdue')}</span>` : ''}
                  ${row.note ? html`<br /><span class="muted" data-note>${row.note}</span>` : ''}
                  ${row.closedAt ? html`<br /><span class="muted">${this.dateTime(row.closedAt)}</span>` : ''}
                </td>
                <td>
                  ${
                    row.status === 'selesai'
                      ? (row.assignedTo?.username ?? '—')
                      : html`<label class="visually-hidden" for="assign-${row.id}">${this.t('Tugaskan', 'Assign')} ${row.receipt}</label>
                        <select id="assign-${row.id}" data-action="assign" @change=${(event: Event) => this.#assign(event, row)}>
                          <option value="" ?selected=${!row.assignedTo}>${this.t('Belum ditugaskan', 'Nobody yet')}</option>
                          ${this.assignees.map((account) => html`<option value=${account.id} ?selected=${row.assignedTo?.id === account.id}>${account.username}</option>`)}
                        </select>`
                  }
                </td>
                <td>
                  <div class="actions">
                    ${
                      row.status === 'baru'
                        ? html`<button type="button" class="secondary small" data-action="take" @click=${() => this.#take(row)}>
                          ${this.t('Tangani', 'Take on')}<span class="visually-hidden"> ${row.receipt}</span>
                        </button>`
                        : ''
                    }
                    ${
                      row.contactConsent && row.phone
                        ? html`<button type="button" class="secondary small" data-action="reveal" @click=${(event: Event) => this.#ask(event, 'reveal', row)}>
                          ${this.t('Lihat nomor', 'Reveal number')}<span class="visually-hidden"> ${row.receipt}</span>
                        </button>`
                        : ''
                    }
                    ${
                      row.status !== 'selesai'
                        ? html`<button type="button" class="small" data-action="close" @click=${(event: Event) => this.#ask(event, 'close', row)}>
                          ${this.t('Tutup', 'Close')}<span class="visually-hidden"> ${row.receipt}</span>
                        </button>`
                        : ''
                    }
                  </div>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pager(
        { offset, shown: this.rows.length, total: this.total },
        (step) => this.#page(step),
        (id, en) => this.t(id, en),
      )}`;
  }

  #dialog(): PacakReasonDialog {
    return this.renderRoot.querySelector('pacak-reason-dialog') as PacakReasonDialog;
  }

  async #take(row: FeedbackItem): Promise<void> {
    const done = await this.run(
      () => this.context.api.post<FeedbackItem>(`/admin/feedback/${row.id}/status`, { status: 'ditangani' }),
      this.t('Masukan sedang ditangani.', 'Feedback taken on.'),
    );
    await this.#refresh(done !== undefined);
  }

  async #assign(event: Event, row: FeedbackItem): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    const done = await this.run(
      () => this.context.api.post<FeedbackItem>(`/admin/feedback/${row.id}/assign`, { assignee: value ? Number(value) : null }),
      this.t('Penugasan disimpan.', 'Assignment saved.'),
    );
    await this.#refresh(done !== undefined);
  }

  async #ask(event: Event, kind: 'close' | 'reveal', row: FeedbackItem): Promise<void> {
    this.pending = { kind, row };
    await this.updateComplete;
    await this.#dialog().updateComplete;
    this.#dialog().open(event.currentTarget as HTMLElement);
  }

  async #act(event: CustomEvent<{ reason: string }>): Promise<void> {
    if (!this.pending) return;
    const { kind, row } = this.pending;
    const dialog = this.#dialog();
    if (kind === 'reveal') {
      const answer = await this.run(() =>
        this.context.api.post<{ national: string }>(`/admin/feedback/${row.id}/phone`, { reason: event.detail.reason }),
      );
      if (!answer) {
        dialog.error = this.failure?.fields.reason ?? this.failure?.message ?? '';
        return;
      }
      dialog.result = html`<p>${this.t('Nomor pelanggan:', "The customer's number:")}</p>
        <p class="secret" data-phone>${answer.national}</p>
        <p class="hint">${this.t('Pembacaan ini tercatat di log audit bersama alasannya.', 'This reading is recorded in the audit log with its reason.')}</p>`;
      this.status = this.t('Nomor ditampilkan; pembacaan tercatat.', 'Number shown; the reading is recorded.');
      return;
    }
    const done = await this.run(
      () => this.context.api.post<FeedbackItem>(`/admin/feedback/${row.id}/status`, { status: 'selesai', note: event.detail.reason }),
      this.t('Masukan ditutup.', 'Feedback closed.'),
    );
    if (!done) {
      dialog.error = this.failure?.fields.note ?? this.failure?.message ?? '';
      if (this.failure && !this.failure.fields.note) await this.#refresh(false);
      return;
    }
    dialog.close();
    await this.#refresh(true);
  }

  /** Reads the list again after an action, keeping the action's news or its failure on the status line. */
  async #refresh(succeeded: boolean): Promise<void> {
    const { status, failure } = this;
    await this.load();
    if (succeeded) this.status = status;
    else if (failure) this.failure = failure;
  }

  #filter(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const next = { ...this.filters, offset: '', low: '', overdue: '', rating: '' } as Filters;
    for (const key of FILTERS) if (data.has(key)) next[key] = String(data.get(key));
    this.#apply(next);
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

if (!customElements.get('pacak-console-feedback')) customElements.define('pacak-console-feedback', PacakConsoleFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-feedback': PacakConsoleFeedback;
  }
}
