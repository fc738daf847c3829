import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import { adminStyles } from '../admin/admin.styles.js';
import { workAreas, type WorkAreaRow } from '../admin/catalogue-lists.js';
import { copyText } from '../admin/copy-text.js';
import { qrFigure, type QrPath } from '../admin/qr-figure.js';

interface KioskKeyRow {
  id: number;
  label: string;
  workArea: string | null;
  createdAt: string;
  revokedAt: string | null;
}

interface Issued extends KioskKeyRow {
  key: string;
  tabletUrl: string;
  qr: QrPath;
}

/**
 * Kiosk keys for counter tablets: issue one per tablet (the key, the snippet with it filled in and a
 * QR code that opens the tablet's page are shown this once), name it, revoke a lost one. Admins only.
 */
export class PacakConsoleKioskKeys extends AdminScreen {
  static override styles = [
    adminStyles,
    css`
      .issued {
        display: grid;
        gap: 1em;
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 48em) {
        .issued {
          grid-template-columns: minmax(0, 2fr) minmax(12em, 1fr);
        }
      }
      .qr {
        display: block;
        width: 100%;
        max-width: 18em;
        height: auto;
      }
      textarea.snippet {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 0.875em;
      }
    `,
  ];
  static override properties = {
    ...AdminScreen.properties,
    keys: { state: true },
    areas: { state: true },
    issued: { state: true },
    editing: { state: true },
    confirming: { state: true },
  };

  protected readonly roles = ['admin'] as const;
  declare keys: KioskKeyRow[];
  declare areas: WorkAreaRow[];
  declare issued: Issued | null;
  declare editing: number | null;
  declare confirming: number | null;

  constructor() {
    super();
    this.keys = [];
    this.areas = [];
    this.issued = null;
    this.editing = null;
    this.confirming = null;
  }

  protected async load(): Promise<void> {
    const answer = await this.run(async () => {
      const [keys, areas] = await Promise.all([
        this.context.api.get<{ keys: KioskKeyRow[] }>('/admin/kiosk-keys'),
        workAreas(this.context.api),
      ]);
      return { keys: keys.keys, areas };
    });
    if (answer) [this.keys, this.areas] = [answer.keys, answer.areas];
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid">
      <section class="card" aria-labelledby="issue-title">
        <h2 id="issue-title">${this.t('Terbitkan kunci kios', 'Issue a kiosk key')}</h2>
        <p class="hint">${this.t('Satu kunci untuk satu tablet di loket. Tablet menampilkan pegawai aktif wilayah kerja itu.', "One key per counter tablet. The tablet lists the work area's active employees.")}</p>
        <form class="fields" @submit=${this.#issue}>
          <div class="field">
            <label for="key-area">${this.t('Wilayah kerja', 'Work area')}</label>
            <select id="key-area" name="workArea" required aria-describedby=${this.describedBy('workArea', 'key-area')}>
              ${this.areas.filter((area) => area.active).map((area) => html`<option value=${area.code}>${area.name}</option>`)}
            </select>
            ${this.fieldError('workArea', 'key-area')}
          </div>
          <div class="field">
            <label for="key-label">${this.t('Nama tablet (mis. Loket 1)', 'Tablet name (e.g. Counter 1)')}</label>
            <input id="key-label" name="label" required maxlength="100" aria-describedby=${this.describedBy('label', 'key-label')} />
            ${this.fieldError('label', 'key-label')}
          </div>
          <button type="submit" ?disabled=${this.busy}>${this.t('Terbitkan kunci', 'Issue key')}</button>
        </form>
        ${this.renderStatus()} ${this.issued ? this.#renderIssued(this.issued) : ''}
      </section>
      <section class="card" aria-labelledby="keys-title">
        <h2 id="keys-title" tabindex="-1">${this.t('Kunci kios kantor', "The office's kiosk keys")}</h2>
        ${this.#renderList()}
      </section>
    </div>`;
  }

  #snippet(issued: Issued): string {
    const origin = this.context.api.origin;
    return `<script type="module" src="${origin}/widget/pacak-rating.js"></script>\n<pacak-rating kiosk work-area="${issued.workArea}" kiosk-key="${issued.key}"></pacak-rating>`;
  }

  #renderIssued(issued: Issued): TemplateResult {
    return html`<div class="issued" data-issued>
      <div>
        <h3 id="issued-title" tabindex="-1">${this.t('Kunci untuk', 'Key for')} ${issued.label}</h3>
        <p class="error">${this.t('Kunci hanya ditampilkan sekali ini. Salin sekarang atau pindai kode QR dengan tablet.', 'The key is shown this once only. Copy it now or scan the QR code with the tablet.')}</p>
        <label for="snippet">${this.t('Kode untuk halaman tablet, kunci sudah terisi', "Code for the tablet's page, key filled in")}</label>
        <textarea id="snippet" class="snippet" rows="4" readonly .value=${this.#snippet(issued)}></textarea>
        <div class="actions">
          <button type="button" @click=${this.#copySnippet}>${this.t('Salin kode', 'Copy code')}</button>
          <a href=${issued.tabletUrl} target="_blank" rel="noopener noreferrer">${this.t('Buka halaman tablet', "Open the tablet's page")}</a>
        </div>
      </div>
      <figure>
        ${qrFigure(issued.qr, this.t(`Kode QR halaman tablet ${issued.label}`, `QR code of the tablet page for ${issued.label}`))}
        <figcaption class="hint">${this.t('Pindai dengan kamera tablet untuk membuka formulir kios.', "Scan with the tablet's camera to open the kiosk form.")}</figcaption>
      </figure>
    </div>`;
  }

  #renderList(): TemplateResult {
    if (!this.keys.length) return html`<p class="muted">${this.t('Belum ada kunci kios.', 'No kiosk keys yet.')}</p>`;
    const areaName = (code: string | null) => this.areas.find((area) => area.code === code)?.name ?? code ?? '';
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Kunci kios kantor', "The office's kiosk keys"))}>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t('Nama tablet', 'Tablet name')}</th>
            <th scope="col">${this.t('Wilayah kerja', 'Work area')}</th>
            <th scope="col">${this.t('Diterbitkan', 'Issued')}</th>
            <th scope="col">${this.t('Status', 'Status')}</th>
            <th scope="col">${this.t('Tindakan', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.keys.map(
            (key) => html`<tr data-id=${key.id} class=${key.revokedAt ? 'off' : ''}>
            <td>
              ${
                this.editing === key.id
                  ? html`<form class="actions" @submit=${(event: SubmitEvent) => this.#rename(event, key)}>
                    <label class="visually-hidden" for="rename-${key.id}">${this.t('Nama baru', 'New name')}</label>
                    <input id="rename-${key.id}" name="label" required maxlength="100" .value=${key.label} />
                    <button type="submit" class="small">${this.t('Simpan', 'Save')}</button>
                    <button type="button" class="secondary small" @click=${() => (this.editing = null)}>${this.t('Batal', 'Cancel')}</button>
                  </form>`
                  : key.label
              }
            </td>
            <td>${areaName(key.workArea)}</td>
            <td>${this.dateTime(key.createdAt)}</td>
            <td>${key.revokedAt ? html`<span class="badge warn">${this.t('Dicabut', 'Revoked')} ${this.dateTime(key.revokedAt)}</span>` : html`<span class="badge">${this.t('Aktif', 'Active')}</span>`}</td>
            <td>${key.revokedAt ? '' : this.#renderActions(key)}</td>
          </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderActions(key: KioskKeyRow): TemplateResult {
    if (this.confirming === key.id) {
      return html`<div class="actions" role="group" aria-label=${this.t(`Cabut kunci ${key.label}?`, `Revoke the key of ${key.label}?`)}>
        <span>${this.t('Tablet ini berhenti bekerja. Cabut?', 'This tablet stops working. Revoke?')}</span>
        <button type="button" class="danger small" data-action="confirm-revoke" @click=${() => this.#revoke(key)}>${this.t('Ya, cabut', 'Yes, revoke')}</button>
        <button type="button" class="secondary small" @click=${() => (this.confirming = null)}>${this.t('Batal', 'Cancel')}</button>
      </div>`;
    }
    return html`<div class="actions">
      <button type="button" class="secondary small" data-action="rename" @click=${() => this.#startRename(key)}>
        ${this.t('Ganti nama', 'Rename')}<span class="visually-hidden"> ${key.label}</span>
      </button>
      <button type="button" class="danger small" data-action="revoke" @click=${() => this.#askRevoke(key)}>
        ${this.t('Cabut', 'Revoke')}<span class="visually-hidden"> ${key.label}</span>
      </button>
    </div>`;
  }

  async #issue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = Object.fromEntries(new FormData(form));
    const issued = await this.run(
      () => this.context.api.post<Issued>('/admin/kiosk-keys', data),
      this.t('Kunci diterbitkan.', 'Key issued.'),
    );
    if (!issued) return;
    form.reset();
    this.issued = issued;
    this.keys = [issued, ...this.keys];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#issued-title')?.focus();
  }

  async #copySnippet(): Promise<void> {
    if (!this.issued) return;
    const copied = await copyText(this.#snippet(this.issued), this.renderRoot.querySelector('textarea'));
    this.status = copied
      ? this.t('Kode disalin.', 'Code copied.')
      : this.t('Kode dipilih: tekan Ctrl+C untuk menyalin.', 'Code selected: press Ctrl+C to copy.');
  }

  async #startRename(key: KioskKeyRow): Promise<void> {
    this.editing = key.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#rename-${key.id}`)?.focus();
  }

  async #rename(event: SubmitEvent, key: KioskKeyRow): Promise<void> {
    event.preventDefault();
    const label = new FormData(event.target as HTMLFormElement).get('label');
    const renamed = await this.run(
      () => this.context.api.patch<KioskKeyRow>(`/admin/kiosk-keys/${key.id}`, { label }),
      this.t('Nama disimpan.', 'Name saved.'),
    );
    if (!renamed) return;
    this.keys = this.keys.map((row) => (row.id === key.id ? renamed : row));
    this.editing = null;
    await this.#focusRow(key.id, '[data-action=rename]');
  }

  async #askRevoke(key: KioskKeyRow): Promise<void> {
    this.confirming = key.id;
    await this.#focusRow(key.id, '[data-action=confirm-revoke]');
  }

  async #revoke(key: KioskKeyRow): Promise<void> {
    await this.run(
      () => this.context.api.post(`/admin/kiosk-keys/${key.id}/revoke`),
      this.t(`Kunci ${key.label} dicabut.`, `The key of ${key.label} is revoked.`),
    );
    this.confirming = null;
    if (this.failure) return;
    if (this.issued?.id === key.id) this.issued = null;
    await this.load();
    this.status = this.t(`Kunci ${key.label} dicabut.`, `The key of ${key.label} is revoked.`);
    this.renderRoot.querySelector<HTMLElement>('#keys-title')?.focus();
  }

  async #focusRow(id: number, selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"] ${selector}`)?.focus();
  }
}

if (!customElements.get('pacak-console-kiosk-keys')) customElements.define('pacak-console-kiosk-keys', PacakConsoleKioskKeys);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-kiosk-keys': PacakConsoleKioskKeys;
  }
}
