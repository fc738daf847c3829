import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import '../imports/file-import.js';
import { ATTENDANCE_IMPORT, SKP_IMPORT } from '../imports/import-kinds.js';

/** One imported month or period, as `GET /api/v1/admin/appraisal-imports` lists it. */
interface ImportedGroup {
  code: string;
  name: { id: string; en: string };
  employees: number;
  updatedAt: string | null;
}

interface Imported {
  attendance: ImportedGroup[];
  skp: ImportedGroup[];
}

/**
 * Attendance and SKP results for the combined score (**Kehadiran & SKP**): the two imports, each
 * checked whole before anything is saved, and what the office has imported so far per month and per
 * period. The lists follow every import saved on the screen. Admins only.
 */
export class PacakConsoleAppraisalData extends AdminScreen {
  static override properties = { ...AdminScreen.properties, imported: { state: true } };

  protected readonly roles = ['admin'] as const;
  declare imported: Imported | null;

  constructor() {
    super();
    this.imported = null;
  }

  protected async load(): Promise<void> {
    const imported = await this.run(() => this.context.api.get<Imported>('/admin/appraisal-imports'));
    if (imported) this.imported = imported;
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid" @pacak-imported=${() => void this.load()}>
      <p class="hint">
        ${this.t(
          'Kehadiran dan hasil kerja SKP masuk ke nilai gabungan pegawai menurut bobot di halaman ',
          "Attendance and the SKP work result count in the employee's combined score by the weights on the ",
        )}<a href="/admin/appraisal">${this.t('Penilaian kinerja', 'Appraisal')}</a>.
      </p>
      <pacak-file-import .context=${this.context} .kind=${ATTENDANCE_IMPORT}></pacak-file-import>
      <pacak-file-import .context=${this.context} .kind=${SKP_IMPORT}></pacak-file-import>
      <section class="card" aria-labelledby="imported-title">
        <h2 id="imported-title">${this.t('Data yang sudah diimpor', 'Imported so far')}</h2>
        ${this.renderStatus()}
        ${this.#table('attendance', this.t('Kehadiran per bulan', 'Attendance by month'), this.t('Bulan', 'Month'), this.imported?.attendance)}
        ${this.#table('skp', this.t('Hasil SKP per periode', 'SKP results by period'), this.t('Periode', 'Period'), this.imported?.skp)}
      </section>
    </div>`;
  }

  #table(name: string, title: string, what: string, groups: ImportedGroup[] | undefined): TemplateResult {
    const lang = this.context.lang;
    return html`<h3 id="imported-${name}">${title}</h3>
      ${
        groups?.length
          ? html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(title)}>
              <table data-imported=${name}>
                <thead>
                  <tr>
                    <th scope="col">${what}</th>
                    <th scope="col" class="num">${this.t('Pegawai', 'Employees')}</th>
                    <th scope="col">${this.t('Terakhir diubah', 'Last changed')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${groups.map(
                    (group) => html`<tr data-code=${group.code}>
                      <th scope="row">${group.name[lang]}</th>
                      <td class="num">${group.employees}</td>
                      <td>${this.dateTime(group.updatedAt)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p data-imported-none=${name}>${this.t('Belum ada.', 'None yet.')}</p>`
      }`;
  }
}

if (!customElements.get('pacak-console-appraisal-data')) customElements.define('pacak-console-appraisal-data', PacakConsoleAppraisalData);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-appraisal-data': PacakConsoleAppraisalData;
  }
}
