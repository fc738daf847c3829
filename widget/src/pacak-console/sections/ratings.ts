import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { readQuery, turnPage, writeQuery } from '../admin/address-query.js';
import { AdminScreen } from '../admin/admin-screen.js';
import { pager } from '../admin/pager.js';
import { serviceTypes, workAreas, type ServiceTypeRow, type WorkAreaRow } from '../admin/catalogue-lists.js';
import '../admin/erase-request.js';
import '../admin/reason-dialog.js';
import type { PacakReasonDialog } from '../admin/reason-dialog.js';

interface RatingRow {
  id: number;
  receipt: string;
  createdAt: string;
  employee: { nip: string; name: string };
  workArea: string;
  serviceType: { code: string; name: string };
  scores: Record<string, number>;
  comment: string | null;
  channel: string;
  phone: string;
  voided: { at: string; reason: string | null; by: string | null } | null;
}

const FILTERS = ['from', 'to', 'nip', 'workArea', 'serviceType', 'voided', 'ids', 'offset'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE = 50;

type Pending = { kind: 'void' | 'unvoid' | 'reveal'; rating: RatingRow };

/**
 * Moderation: the office's ratings with filters (kept in the address), void and unvoid with a reason,
 * reveal a customer's full number with a reason (audited on the server), and (in its own element) a
 * customer's request to erase their number. Admins only.
 */
export class PacakConsoleRatings extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    rows: { state: true },
    total: { state: true },
    filters: { state: true },
    areas: { state: true },
    types: { state: true },
    pending: { state: true },
  };

  protected readonly roles = ['admin'] as const;
  declare rows: RatingRow[];
  declare total: number;
  declare filters: Filters;
  declare areas: WorkAreaRow[];
  declare types: ServiceTypeRow[];
  declare pending: Pending | null;

  constructor() {
    super();
    this.rows = [];
    this.total = 0;
    this.filters = readQuery(FILTERS);
    this.areas = [];
    this.types = [];
    this.pending = null;
  }

  protected override readAddress(): void {
    this.filters = readQuery(FILTERS);
  }

  protected async load(): Promise<void> {
    const { api } = this.context;
    const answer = await this.run(() =>
      Promise.all([
        api.get<{ ratings: RatingRow[]; total: number }>('/admin/ratings', { ...this.filters, limit: PAGE }),
        this.areas.length ? this.areas : workAreas(api),
        this.types.length ? this.types : serviceTypes(api),
      ]),
    );
    if (answer) [{ ratings: this.rows, total: this.total }, this.areas, this.types] = answer;
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid">
      <section class="card" aria-labelledby="ratings-title">
        <h2 id="ratings-title">${this.t('Daftar penilaian', 'Ratings list')}</h2>
        ${this.#renderFilters()} ${this.renderStatus()} ${this.#renderTable()}
      </section>
      <pacak-erase-request .context=${this.context} @pacak-erased=${() => this.load()}></pacak-erase-request>
      <pacak-reason-dialog
        heading=${this.#dialogHeading()}
        label=${this.t('Alasan (dicatat di log audit)', 'Reason (kept in the audit log)')}
        action=${this.#dialogAction()}
        close-label=${this.t('Tutup', 'Close')}
        ?optional=${this.pending?.kind === 'unvoid'}
        @pacak-reason=${this.#act}
      ></pacak-reason-dialog>
    </div>`;
  }

  #renderFilters(): TemplateResult {
    const f = this.filters;
    return html`<form class="filters" @change=${this.#filter} @submit=${(event: Event) => event.preventDefault()} aria-label=${this.t('Saring penilaian', 'Filter ratings')}>
      <div class="field"><label for="f-from">${this.t('Dari tanggal', 'From')}</label><input id="f-from" name="from" type="date" .value=${f.from} /></div>
      <div class="field"><label for="f-to">${this.t('Sampai tanggal', 'To')}</label><input id="f-to" name="to" type="date" .value=${f.to} /></div>
      <div class="field"><label for="f-nip">${this.t('NIP / kode pegawai', 'NIP / staff code')}</label><input id="f-nip" name="nip" .value=${f.nip} autocomplete="off" /></div>
      <div class="field">
        <label for="f-area">${this.t('Wilayah kerja', 'Work area')}</label>
        <select id="f-area" name="workArea">
          <option value="">${this.t('Semua', 'All')}</option>
          ${this.areas.map((area) => html`<option value=${area.code} ?selected=${area.code === f.workArea}>${area.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-type">${this.t('Jenis pelayanan', 'Service type')}</label>
        <select id="f-type" name="serviceType">
          <option value="">${this.t('Semua', 'All')}</option>
          ${this.types.map((type) => html`<option value=${type.code} ?selected=${type.code === f.serviceType}>${type.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-voided">${this.t('Status', 'Status')}</label>
        <select id="f-voided" name="voided">
          <option value="" ?selected=${!f.voided}>${this.t('Semua', 'All')}</option>
          <option value="false" ?selected=${f.voided === 'false'}>${this.t('Dihitung', 'Counted')}</option>
          <option value="true" ?selected=${f.voided === 'true'}>${this.t('Dibatalkan', 'Voided')}</option>
        </select>
      </div>
      ${
        f.ids
          ? html`<p class="field wide">${this.t('Hanya penilaian di balik satu tanda anomali.', 'Only the ratings behind one anomaly flag.')}
            <button type="button" class="secondary small" @click=${() => this.#apply({ ...this.filters, ids: '', offset: '' })}>${this.t('Tampilkan semua', 'Show all')}</button></p>`
          : ''
      }
    </form>`;
  }

  #renderTable(): TemplateResult {
    if (!this.rows.length)
      return html`<p class="muted">${this.busy ? this.t('Memuat…', 'Loading…') : this.t('Tidak ada penilaian yang cocok.', 'No ratings match.')}</p>`;
    const offset = Number(this.filters.offset) || 0;
    const average = (scores: Record<string, number>) => {
      const values = Object.values(scores);
      return new Intl.NumberFormat(this.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        values.reduce((a, b) => a + b, 0) / values.length,
      );
    };
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Daftar penilaian', 'Ratings list'))}>
        <table>
          <thead>
            <tr>
              <th scope="col">${this.t('Waktu', 'Time')}</th>
              <th scope="col">${this.t('Tanda terima', 'Receipt')}</th>
              <th scope="col">${this.t('Pegawai', 'Employee')}</th>
              <th scope="col">${this.t('Jenis pelayanan', 'Service type')}</th>
              <th scope="col" class="num">${this.t('Rata-rata', 'Average')}</th>
              <th scope="col">${this.t('Nomor HP', 'Phone')}</th>
              <th scope="col">${this.t('Komentar', 'Comment')}</th>
              <th scope="col">${this.t('Status', 'Status')}</th>
              <th scope="col">${this.t('Tindakan', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map(
              (row) => html`<tr data-id=${row.id} class=${row.voided ? 'off' : ''}>
                <td>${this.dateTime(row.createdAt)}</td>
                <td>${row.receipt}</td>
                <td>${row.employee.name}<br /><span class="muted">${row.employee.nip}</span></td>
                <td>${row.serviceType.name}</td>
                <td class="num">${average(row.scores)}</td>
                <td>${row.phone}</td>
                <td>${row.comment ?? ''}</td>
                <td>
                  ${
                    row.voided
                      ? html`<span class="badge warn">${this.t('Dibatalkan', 'Voided')}</span><br /><span class="muted">${row.voided.reason ?? ''}${row.voided.by ? ` (${row.voided.by})` : ''}</span>`
                      : html`<span class="badge">${this.t('Dihitung', 'Counted')}</span>`
                  }
                </td>
                <td>
                  <div class="actions">
                    ${
                      row.voided
                        ? html`<button type="button" class="secondary small" data-action="unvoid" @click=${(event: Event) => this.#ask(event, 'unvoid', row)}>
                          ${this.t('Pulihkan', 'Unvoid')}<span class="visually-hidden"> ${row.receipt}</span>
                        </button>`
                        : html`<button type="button" class="danger small" data-action="void" @click=${(event: Event) => this.#ask(event, 'void', row)}>
                          ${this.t('Batalkan', 'Void')}<span class="visually-hidden"> ${row.receipt}</span>
                        </button>`
                    }
                    ${
                      row.phone === '****'
                        ? ''
                        : html`<button type="button" class="secondary small" data-action="reveal" @click=${(event: Event) => this.#ask(event, 'reveal', row)}>
                          ${this.t('Lihat nomor', 'Reveal number')}<span class="visually-hidden"> ${row.receipt}</span>
                        </button>`
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

  #dialogHeading(): string {
    const kind = this.pending?.kind;
    const receipt = this.pending?.rating.receipt ?? '';
    if (kind === 'void') return `${this.t('Batalkan penilaian', 'Void rating')} ${receipt}`;
    if (kind === 'unvoid') return `${this.t('Pulihkan penilaian', 'Unvoid rating')} ${receipt}`;
    return `${this.t('Lihat nomor pelanggan', "Reveal the customer's number")} ${receipt}`;
  }

  #dialogAction(): string {
    const kind = this.pending?.kind;
    if (kind === 'void') return this.t('Batalkan penilaian', 'Void rating');
    if (kind === 'unvoid') return this.t('Pulihkan penilaian', 'Unvoid rating');
    return this.t('Lihat nomor', 'Reveal number');
  }

  #dialog(): PacakReasonDialog {
    return this.renderRoot.querySelector('pacak-reason-dialog') as PacakReasonDialog;
  }

  async #ask(event: Event, kind: Pending['kind'], rating: RatingRow): Promise<void> {
    this.pending = { kind, rating };
    await this.updateComplete;
    await this.#dialog().updateComplete;
    this.#dialog().open(event.currentTarget as HTMLElement);
  }

  async #act(event: CustomEvent<{ reason: string }>): Promise<void> {
    if (!this.pending) return;
    const { kind, rating } = this.pending;
    const { reason } = event.detail;
    const dialog = this.#dialog();
    const path = `/admin/ratings/${rating.id}/${kind === 'reveal' ? 'phone' : kind}`;
    const body = kind === 'unvoid' && !reason ? {} : { reason };
    const answer = await this.run(() => this.context.api.post<{ national?: string }>(path, body));
    if (!answer) {
      dialog.error = this.failure?.fields.reason ?? this.failure?.message ?? '';
      return;
    }
    if (kind === 'reveal') {
      dialog.result = html`<p>${this.t('Nomor pelanggan:', "The customer's number:")}</p>
        <p class="secret" data-phone>${answer.national}</p>
        <p class="hint">${this.t('Pembacaan ini tercatat di log audit bersama alasannya.', 'This reading is recorded in the audit log with its reason.')}</p>`;
      this.status = this.t('Nomor ditampilkan; pembacaan tercatat.', 'Number shown; the reading is recorded.');
      return;
    }
    dialog.close();
    this.status = kind === 'void' ? this.t('Penilaian dibatalkan.', 'Rating voided.') : this.t('Penilaian dipulihkan.', 'Rating unvoided.');
    const status = this.status;
    await this.load();
    this.status = status;
  }

  #filter(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    const data = Object.fromEntries(new FormData(form)) as Partial<Filters>;
    this.#apply({ ...this.filters, ...data, offset: '' });
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

if (!customElements.get('pacak-console-ratings')) customElements.define('pacak-console-ratings', PacakConsoleRatings);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-ratings': PacakConsoleRatings;
  }
}
