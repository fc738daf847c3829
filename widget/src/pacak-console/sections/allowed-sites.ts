import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ApiError } from '../../api.js';
import { AdminScreen, type Failure } from '../admin/admin-screen.js';

interface AllowedSite {
  id: number;
  origin: string;
  note: string | null;
  createdAt: string;
}

interface SiteCheck {
  origin: string;
  allowed: boolean;
  installWide: boolean;
}

/**
 * The sites whose pages may send ratings to the office (the form embedded on the office's website, a
 * partner's portal), on the office settings screen: list, add (each problem beside its field), remove,
 * and check any site as the widget would be told. Sites the installation allows for every office
 * (CORS_ORIGINS) are set by whoever runs the server; the check says so. Admins only.
 */
export class PacakAllowedSites extends AdminScreen {
  static override properties = { ...AdminScreen.properties, sites: { state: true }, check: { state: true }, form: { state: true } };

  protected readonly roles = ['admin'] as const;
  declare sites: AllowedSite[];
  declare check: SiteCheck | null;
  /** The form the last failure belongs to, so its field errors show there only. */
  declare form: 'add' | 'check' | '';

  constructor() {
    super();
    this.sites = [];
    this.check = null;
    this.form = '';
  }

  protected async load(): Promise<void> {
    const answer = await this.run(() => this.context.api.get<{ origins: AllowedSite[] }>('/admin/allowed-origins'));
    if (answer) this.sites = answer.origins;
  }

  protected renderScreen(): TemplateResult {
    const title = this.t('Situs yang diizinkan', 'Allowed sites');
    const error = (form: 'add' | 'check', id: string) => (this.form === form ? this.fieldError('origin', id) : '');
    const described = (form: 'add' | 'check', id: string, hint: string) =>
      [hint, this.form === form && this.failure?.fields.origin ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<section class="card" aria-labelledby="sites-title" data-allowed-sites>
      <h2 id="sites-title">${title}</h2>
      <p class="hint">
        ${this.t(
          'Halaman situs-situs ini boleh memuat formulir penilaian dan mengirim penilaian ke pegawai kantor Anda. Halaman penilaian di server ini sendiri selalu boleh.',
          "Pages of these sites may embed the rating form and send ratings to your office's employees. This server's own rating pages always may.",
        )}
      </p>
      ${
        this.sites.length
          ? html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(title)}>
            <table data-sites>
              <thead>
                <tr>
                  <th scope="col">${this.t('Situs', 'Site')}</th>
                  <th scope="col">${this.t('Catatan', 'Note')}</th>
                  <th scope="col">${this.t('Ditambahkan', 'Added')}</th>
                  <th scope="col">${this.t('Tindakan', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.sites.map(
                  (site) => html`<tr data-origin=${site.origin}>
                    <td class="site">${site.origin}</td>
                    <td>${site.note ?? ''}</td>
                    <td>${this.dateTime(site.createdAt)}</td>
                    <td>
                      <button type="button" class="danger small" data-action="remove" @click=${() => this.#remove(site)}>
                        ${this.t('Hapus', 'Remove')}<span class="visually-hidden"> ${site.origin}</span>
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p data-sites-none>${this.t('Belum ada situs lain yang diizinkan.', 'No other site is allowed yet.')}</p>`
      }
      <h3>${this.t('Tambah situs', 'Add a site')}</h3>
      <form class="fields" novalidate @submit=${this.#add} data-site-add>
        <div class="field">
          <label for="site-origin">${this.t('Alamat situs', "The site's address")}</label>
          <input id="site-origin" name="origin" type="url" maxlength="300" autocomplete="url" placeholder="https://bkkpalembang.go.id"
            aria-invalid=${this.form === 'add' && this.failure?.fields.origin ? 'true' : 'false'} aria-describedby=${described('add', 'site-origin', 'site-origin-hint')} />
          <p class="hint" id="site-origin-hint">${this.t('Skema dan nama situs saja, tanpa jalur halaman.', "The scheme and the site's name only, no page path.")}</p>
          ${error('add', 'site-origin')}
        </div>
        <div class="field">
          <label for="site-note">${this.t('Catatan (opsional)', 'Note (optional)')}</label>
          <input id="site-note" name="note" maxlength="200" />
        </div>
        <button type="submit" ?disabled=${this.busy}>${this.t('Tambah situs', 'Add site')}</button>
      </form>
      <h3>${this.t('Periksa situs', 'Check a site')}</h3>
      <form class="fields" novalidate @submit=${this.#check} data-site-check>
        <div class="field">
          <label for="site-check">${this.t('Alamat situs yang diperiksa', 'The site to check')}</label>
          <input id="site-check" name="origin" type="url" maxlength="300" autocomplete="url" placeholder="https://bkkpalembang.go.id"
            aria-invalid=${this.form === 'check' && this.failure?.fields.origin ? 'true' : 'false'} aria-describedby=${described('check', 'site-check', '')} />
          ${error('check', 'site-check')}
        </div>
        <button type="submit" class="secondary" ?disabled=${this.busy}>${this.t('Periksa', 'Check')}</button>
      </form>
      <p role="status" data-site-verdict>${this.check ? this.#verdict(this.check) : ''}</p>
      ${this.renderStatus()}
    </section>`;
  }

  #verdict(check: SiteCheck): string {
    if (check.installWide) {
      return this.t(
        `${check.origin} boleh mengirim penilaian ke semua kantor (diatur oleh pengelola server).`,
        `${check.origin} may send ratings to every office (set by whoever runs the server).`,
      );
    }
    return check.allowed
      ? this.t(`${check.origin} boleh mengirim penilaian ke kantor ini.`, `${check.origin} may send ratings to this office.`)
      : this.t(
          `${check.origin} belum boleh mengirim penilaian ke kantor ini. Tambahkan situsnya bila perlu.`,
          `${check.origin} may not send ratings to this office yet. Add the site if it should.`,
        );
  }

  /** Runs a request for one form; a site already listed is told beside the field. */
  async #for<T>(form: 'add' | 'check', work: () => Promise<T>, done?: string): Promise<T | undefined> {
    this.form = form;
    const result = await this.run(work, done);
    if (this.failure?.fields.origin) await this.#focus(form === 'add' ? '#site-origin' : '#site-check');
    return result;
  }

  /** A site already on the list is a problem of the address field. */
  protected override explain(error: unknown): Failure {
    const failure = super.explain(error);
    if (this.form === 'add' && error instanceof ApiError && error.status === 409)
      failure.fields.origin = this.t('sudah ada di daftar', 'is already on the list');
    return failure;
  }

  async #add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const origin = String(data.get('origin') ?? '').trim();
    const note = String(data.get('note') ?? '').trim();
    if (!origin) {
      this.form = 'add';
      this.status = '';
      this.failure = {
        message: this.t('Periksa isian yang ditandai.', 'Check the marked fields.'),
        fields: { origin: this.t('wajib diisi', 'is required') },
      };
      await this.#focus('#site-origin');
      return;
    }
    const added = await this.#for('add', () =>
      this.context.api.post<AllowedSite>('/admin/allowed-origins', { origin, ...(note ? { note } : {}) }),
    );
    if (!added) return;
    form.reset();
    this.sites = [...this.sites.filter((site) => site.id !== added.id), added].sort((a, b) => a.origin.localeCompare(b.origin));
    this.status = this.t(`${added.origin} ditambahkan.`, `${added.origin} added.`);
    await this.#runCheck(added.origin, false);
  }

  async #check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const origin = String(new FormData(event.target as HTMLFormElement).get('origin') ?? '').trim();
    await this.#runCheck(origin, true);
  }

  async #runCheck(origin: string, own: boolean): Promise<void> {
    const status = this.status;
    const check = own
      ? await this.#for('check', () => this.context.api.get<SiteCheck>('/admin/allowed-origins/check', { origin }))
      : await this.context.api.get<SiteCheck>('/admin/allowed-origins/check', { origin }).catch(() => undefined);
    this.check = check ?? null;
    if (!own) this.status = status;
  }

  async #remove(site: AllowedSite): Promise<void> {
    this.form = '';
    const done = this.t(`${site.origin} dihapus dari daftar.`, `${site.origin} removed from the list.`);
    const removed = await this.run(() => this.context.api.delete(`/admin/allowed-origins/${site.id}`).then(() => true), done);
    if (!removed) return;
    this.sites = this.sites.filter((row) => row.id !== site.id);
    if (this.check?.origin === site.origin) this.check = null;
    await this.#focus(this.sites.length ? 'tr [data-action=remove]' : '#site-origin');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

if (!customElements.get('pacak-allowed-sites')) customElements.define('pacak-allowed-sites', PacakAllowedSites);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-allowed-sites': PacakAllowedSites;
  }
}
