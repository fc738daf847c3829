import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import { adminStyles } from '../admin/admin.styles.js';
import { serviceTypes, type ServiceTypeRow } from '../admin/catalogue-lists.js';

/**
 * The office's service types (Jenis Pelayanan) in the order the rating form lists them: add, rename,
 * retire (it leaves the form; ratings keep it), reactivate, and reorder by dragging a row or, on its
 * handle, with the arrow keys. Each move is saved at once. Admins only.
 */
export class PacakConsoleServiceTypes extends AdminScreen {
  static override styles = [
    adminStyles,
    css`
      .handle {
        min-width: 2.75em;
        cursor: grab;
        font-size: 1.1em;
        line-height: 1;
      }
      tr.dragging {
        opacity: 0.5;
      }
      tr.over td {
        box-shadow: inset 0 3px 0 #1d4ed8;
      }
    `,
  ];
  static override properties = {
    ...AdminScreen.properties,
    types: { state: true },
    editing: { state: true },
    dragged: { state: true },
    over: { state: true },
  };

  protected readonly roles = ['admin'] as const;
  declare types: ServiceTypeRow[];
  declare editing: string | null;
  declare dragged: string | null;
  declare over: string | null;

  constructor() {
    super();
    this.types = [];
    this.editing = null;
    this.dragged = null;
    this.over = null;
  }

  protected async load(): Promise<void> {
    const types = await this.run(() => serviceTypes(this.context.api));
    if (types) this.types = types;
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid">
      <section class="card" aria-labelledby="add-type-title">
        <h2 id="add-type-title">${this.t('Tambah jenis pelayanan', 'Add a service type')}</h2>
        <form class="fields" @submit=${this.#add}>
          <div class="field">
            <label for="type-name">${this.t('Nama', 'Name')}</label>
            <input id="type-name" name="name" required maxlength="200" aria-describedby=${this.describedBy('name', 'type-name')} />
            ${this.fieldError('name', 'type-name')}
          </div>
          <div class="field">
            <label for="type-code">${this.t('Kode (huruf kecil dan tanda minus, tetap)', 'Code (lowercase and dashes, permanent)')}</label>
            <input id="type-code" name="code" required maxlength="64" autocomplete="off" aria-describedby=${this.describedBy('code', 'type-code')} />
            ${this.fieldError('code', 'type-code')}
          </div>
          <button type="submit" ?disabled=${this.busy}>${this.t('Tambah di akhir daftar', 'Add at the end')}</button>
        </form>
        ${this.renderStatus()}
      </section>
      <section class="card" aria-labelledby="types-title">
        <h2 id="types-title">${this.t('Urutan di formulir penilaian', 'Order in the rating form')}</h2>
        <p class="hint" id="move-hint">
          ${this.t('Seret baris, atau fokus pada tombol panah di kolom Urutan lalu tekan panah atas/bawah. Setiap pindahan langsung disimpan.', 'Drag a row, or focus its arrow button in the Order column and press the up or down arrow. Each move is saved at once.')}
        </p>
        <div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Urutan di formulir penilaian', 'Order in the rating form'))}>
          <table>
            <thead>
              <tr>
                <th scope="col">${this.t('Urutan', 'Order')}</th>
                <th scope="col">${this.t('Nama', 'Name')}</th>
                <th scope="col">${this.t('Kode', 'Code')}</th>
                <th scope="col">${this.t('Status', 'Status')}</th>
                <th scope="col">${this.t('Tindakan', 'Actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.types.map((type, index) => this.#renderRow(type, index))}
            </tbody>
          </table>
        </div>
      </section>
    </div>`;
  }

  #renderRow(type: ServiceTypeRow, index: number): TemplateResult {
    const classes = [type.active ? '' : 'off', this.dragged === type.code ? 'dragging' : '', this.over === type.code ? 'over' : '']
      .join(' ')
      .trim();
    return html`<tr
      data-code=${type.code}
      class=${classes}
      draggable="true"
      @dragstart=${(event: DragEvent) => this.#dragStart(event, type)}
      @dragover=${(event: DragEvent) => this.#dragOver(event, type)}
      @drop=${(event: DragEvent) => this.#drop(event, type)}
      @dragend=${() => ([this.dragged, this.over] = [null, null])}
    >
      <td>
        <button type="button" class="secondary small handle" data-action="move" aria-describedby="move-hint" @keydown=${(event: KeyboardEvent) => this.#key(event, type)}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path d="M8 1 4 5h8zM8 15l4-4H4z" fill="currentColor"></path></svg><span class="visually-hidden">${this.t(`Pindahkan ${type.name}, posisi ${index + 1} dari ${this.types.length}`, `Move ${type.name}, position ${index + 1} of ${this.types.length}`)}</span>
        </button>
        ${index + 1}
      </td>
      <td>
        ${
          this.editing === type.code
            ? html`<form class="actions" @submit=${(event: SubmitEvent) => this.#rename(event, type)}>
              <label class="visually-hidden" for="rename-type">${this.t('Nama baru', 'New name')}</label>
              <input id="rename-type" name="name" required maxlength="200" .value=${type.name} />
              <button type="submit" class="small">${this.t('Simpan', 'Save')}</button>
              <button type="button" class="secondary small" @click=${() => this.#stopEditing(type)}>${this.t('Batal', 'Cancel')}</button>
            </form>`
            : type.name
        }
      </td>
      <td>${type.code}</td>
      <td>${type.active ? html`<span class="badge">${this.t('Aktif', 'Active')}</span>` : html`<span class="badge warn">${this.t('Dihentikan', 'Retired')}</span>`}</td>
      <td>
        <div class="actions">
          <button type="button" class="secondary small" data-action="rename" @click=${() => this.#startEditing(type)}>${this.t('Ganti nama', 'Rename')}<span class="visually-hidden"> ${type.name}</span></button>
          ${
            type.active
              ? html`<button type="button" class="danger small" data-action="retire" @click=${() => this.#setActive(type, false)}>${this.t('Hentikan', 'Retire')}<span class="visually-hidden"> ${type.name}</span></button>`
              : html`<button type="button" class="secondary small" data-action="reactivate" @click=${() => this.#setActive(type, true)}>${this.t('Aktifkan', 'Reactivate')}<span class="visually-hidden"> ${type.name}</span></button>`
          }
        </div>
      </td>
    </tr>`;
  }

  #key(event: KeyboardEvent, type: ServiceTypeRow): void {
    const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    if (!step) return;
    event.preventDefault();
    const from = this.types.findIndex((row) => row.code === type.code);
    void this.#move(from, from + step);
  }

  #dragStart(event: DragEvent, type: ServiceTypeRow): void {
    this.dragged = type.code;
    event.dataTransfer?.setData('text/plain', type.code);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #dragOver(event: DragEvent, type: ServiceTypeRow): void {
    if (!this.dragged) return;
    event.preventDefault();
    this.over = type.code;
  }

  #drop(event: DragEvent, type: ServiceTypeRow): void {
    event.preventDefault();
    const from = this.types.findIndex((row) => row.code === this.dragged);
    const to = this.types.findIndex((row) => row.code === type.code);
    [this.dragged, this.over] = [null, null];
    if (from >= 0) void this.#move(from, to);
  }

  /** Moves one type and saves the whole order; on a refusal the list is read again as the server has it. */
  async #move(from: number, to: number): Promise<void> {
    if (to < 0 || to >= this.types.length || from === to) return;
    const types = [...this.types];
    const [moved] = types.splice(from, 1) as [ServiceTypeRow];
    types.splice(to, 0, moved);
    this.types = types;
    const saved = await this.run(
      () =>
        this.context.api.put<{ serviceTypes: ServiceTypeRow[] }>('/admin/service-types/order', { codes: types.map((type) => type.code) }),
      this.t(
        `${moved.name} kini di posisi ${to + 1} dari ${types.length}.`,
        `${moved.name} is now at position ${to + 1} of ${types.length}.`,
      ),
    );
    if (saved) this.types = saved.serviceTypes;
    else await this.load();
    await this.#focus(moved.code, 'move');
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const created = await this.run(
      () => this.context.api.post<ServiceTypeRow>('/admin/service-types', Object.fromEntries(new FormData(form))),
      this.t('Jenis pelayanan ditambahkan.', 'Service type added.'),
    );
    if (!created) return;
    form.reset();
    this.types = [...this.types, created];
  }

  async #startEditing(type: ServiceTypeRow): Promise<void> {
    this.editing = type.code;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#rename-type')?.focus();
  }

  async #stopEditing(type: ServiceTypeRow): Promise<void> {
    this.editing = null;
    await this.#focus(type.code, 'rename');
  }

  async #rename(event: SubmitEvent, type: ServiceTypeRow): Promise<void> {
    event.preventDefault();
    const name = new FormData(event.target as HTMLFormElement).get('name');
    const saved = await this.run(
      () => this.context.api.patch<ServiceTypeRow>(`/admin/service-types/${type.code}`, { name }),
      this.t('Nama disimpan.', 'Name saved.'),
    );
    if (!saved) return;
    this.types = this.types.map((row) => (row.code === type.code ? saved : row));
    await this.#stopEditing(type);
  }

  async #setActive(type: ServiceTypeRow, active: boolean): Promise<void> {
    const path = `/admin/service-types/${type.code}/${active ? 'reactivate' : 'retire'}`;
    const done = active
      ? this.t(`${type.name} aktif kembali.`, `${type.name} is active again.`)
      : this.t(`${type.name} dihentikan.`, `${type.name} is retired.`);
    const saved = await this.run(() => this.context.api.post<ServiceTypeRow>(path), done);
    if (!saved) return;
    this.types = this.types.map((row) => (row.code === type.code ? saved : row));
    await this.#focus(type.code, active ? 'retire' : 'reactivate');
  }

  async #focus(code: string, action: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-code="${code}"] [data-action=${action}]`)?.focus();
  }
}

if (!customElements.get('pacak-console-service-types')) customElements.define('pacak-console-service-types', PacakConsoleServiceTypes);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-service-types': PacakConsoleServiceTypes;
  }
}
