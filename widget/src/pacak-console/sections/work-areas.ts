import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import { workAreas, type WorkAreaRow } from '../admin/catalogue-lists.js';
import { hoursFrom, hoursInputs } from '../admin/service-hours.js';

/**
 * The office's work areas (Kantor Induk, Wilker, Pos) with their service hours: add, rename, set the
 * hours (the anomaly report flags ratings outside them), deactivate once nobody works there, and
 * reactivate. Admins only.
 */
export class PacakConsoleWorkAreas extends AdminScreen {
  static override properties = { ...AdminScreen.properties, areas: { state: true }, editing: { state: true } };

  protected readonly roles = ['admin'] as const;
  declare areas: WorkAreaRow[];
  declare editing: string | null;

  constructor() {
    super();
    this.areas = [];
    this.editing = null;
  }

  protected async load(): Promise<void> {
    const areas = await this.run(() => workAreas(this.context.api));
    if (areas) this.areas = areas;
  }

  #words() {
    return { open: this.t('Jam buka', 'Opens at'), close: this.t('Jam tutup', 'Closes at') };
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid">
      <section class="card" aria-labelledby="add-area-title">
        <h2 id="add-area-title">${this.t('Tambah wilayah kerja', 'Add a work area')}</h2>
        <form class="fields" @submit=${this.#add}>
          <div class="field">
            <label for="area-name">${this.t('Nama', 'Name')}</label>
            <input id="area-name" name="name" required maxlength="200" aria-describedby=${this.describedBy('name', 'area-name')} />
            ${this.fieldError('name', 'area-name')}
          </div>
          <div class="field">
            <label for="area-code">${this.t('Kode (huruf kecil dan tanda minus, tetap)', 'Code (lowercase and dashes, permanent)')}</label>
            <input id="area-code" name="code" required maxlength="64" autocomplete="off" aria-describedby=${this.describedBy('code', 'area-code')} />
            ${this.fieldError('code', 'area-code')}
          </div>
          ${hoursInputs('area', null, this.#words(), this.describedBy('serviceHours', 'area-hours'))}
          <button type="submit" ?disabled=${this.busy}>${this.t('Tambah', 'Add')}</button>
          ${this.fieldError('serviceHours', 'area-hours')}
        </form>
        ${this.renderStatus()}
      </section>
      <section class="card" aria-labelledby="areas-title">
        <h2 id="areas-title">${this.t('Wilayah kerja kantor', "The office's work areas")}</h2>
        <p class="hint">${this.t('Jam layanan menurut waktu kantor; jam tutup sebelum jam buka berarti melewati tengah malam.', "Service hours in the office's time; a closing time before the opening time spans midnight.")}</p>
        <div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Wilayah kerja kantor', "The office's work areas"))}>
          <table>
            <thead>
              <tr>
                <th scope="col">${this.t('Nama', 'Name')}</th>
                <th scope="col">${this.t('Kode', 'Code')}</th>
                <th scope="col">${this.t('Jam layanan', 'Service hours')}</th>
                <th scope="col" class="num">${this.t('Pegawai aktif', 'Active staff')}</th>
                <th scope="col">${this.t('Status', 'Status')}</th>
                <th scope="col">${this.t('Tindakan', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.areas.map((area) => (this.editing === area.code ? this.#renderEdit(area) : this.#renderRow(area)))}
            </tbody>
          </table>
        </div>
      </section>
    </div>`;
  }

  #renderRow(area: WorkAreaRow): TemplateResult {
    return html`<tr data-code=${area.code} class=${area.active ? '' : 'off'}>
      <td>${area.name}</td>
      <td>${area.code}</td>
      <td>${area.serviceHours ?? this.t('belum diatur', 'not set')}</td>
      <td class="num">${area.employees}</td>
      <td>${area.active ? html`<span class="badge">${this.t('Aktif', 'Active')}</span>` : html`<span class="badge warn">${this.t('Nonaktif', 'Inactive')}</span>`}</td>
      <td>
        <div class="actions">
          <button type="button" class="secondary small" data-action="edit" @click=${() => this.#edit(area)}>${this.t('Ubah', 'Edit')}<span class="visually-hidden"> ${area.name}</span></button>
          ${
            area.active
              ? html`<button type="button" class="danger small" data-action="deactivate" @click=${() => this.#setActive(area, false)}>${this.t('Nonaktifkan', 'Deactivate')}<span class="visually-hidden"> ${area.name}</span></button>`
              : html`<button type="button" class="secondary small" data-action="reactivate" @click=${() => this.#setActive(area, true)}>${this.t('Aktifkan', 'Reactivate')}<span class="visually-hidden"> ${area.name}</span></button>`
          }
        </div>
      </td>
    </tr>`;
  }

  #renderEdit(area: WorkAreaRow): TemplateResult {
    return html`<tr data-code=${area.code}>
      <td colspan="6">
        <form class="fields" @submit=${(event: SubmitEvent) => this.#save(event, area)} aria-label=${this.t(`Ubah ${area.name}`, `Edit ${area.name}`)}>
          <div class="field">
            <label for="edit-name">${this.t('Nama', 'Name')}</label>
            <input id="edit-name" name="name" required maxlength="200" .value=${area.name} aria-describedby=${this.describedBy('name', 'edit-name')} />
            ${this.fieldError('name', 'edit-name')}
          </div>
          ${hoursInputs('edit', area.serviceHours, this.#words(), this.describedBy('serviceHours', 'edit-hours'))}
          <div class="actions">
            <button type="submit" class="small">${this.t('Simpan', 'Save')}</button>
            <button type="button" class="secondary small" @click=${() => this.#cancel(area)}>${this.t('Batal', 'Cancel')}</button>
          </div>
          ${this.fieldError('serviceHours', 'edit-hours')}
        </form>
      </td>
    </tr>`;
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { code: data.get('code'), name: data.get('name'), serviceHours: hoursFrom(data) };
    const created = await this.run(
      () => this.context.api.post<WorkAreaRow>('/admin/work-areas', body),
      this.t('Wilayah kerja ditambahkan.', 'Work area added.'),
    );
    if (!created) return;
    form.reset();
    this.areas = [...this.areas, created];
  }

  async #edit(area: WorkAreaRow): Promise<void> {
    this.editing = area.code;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#edit-name')?.focus();
  }

  async #cancel(area: WorkAreaRow): Promise<void> {
    this.editing = null;
    this.failure = null;
    await this.#focus(area.code, 'edit');
  }

  async #save(event: SubmitEvent, area: WorkAreaRow): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { name: data.get('name'), serviceHours: hoursFrom(data) };
    const saved = await this.run(
      () => this.context.api.patch<WorkAreaRow>(`/admin/work-areas/${area.code}`, body),
      this.t('Perubahan disimpan.', 'Changes saved.'),
    );
    if (!saved) return;
    this.areas = this.areas.map((row) => (row.code === area.code ? saved : row));
    this.editing = null;
    await this.#focus(area.code, 'edit');
  }

  async #setActive(area: WorkAreaRow, active: boolean): Promise<void> {
    const path = `/admin/work-areas/${area.code}/${active ? 'reactivate' : 'deactivate'}`;
    const done = active
      ? this.t(`${area.name} aktif kembali.`, `${area.name} is active again.`)
      : this.t(`${area.name} dinonaktifkan.`, `${area.name} is deactivated.`);
    const saved = await this.run(() => this.context.api.post<WorkAreaRow>(path), done);
    if (!saved) return;
    this.areas = this.areas.map((row) => (row.code === area.code ? saved : row));
    await this.#focus(area.code, active ? 'deactivate' : 'reactivate');
  }

  async #focus(code: string, action: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-code="${code}"] [data-action=${action}]`)?.focus();
  }
}

if (!customElements.get('pacak-console-work-areas')) customElements.define('pacak-console-work-areas', PacakConsoleWorkAreas);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-work-areas': PacakConsoleWorkAreas;
  }
}
