import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../../api.js';
import type { ApiError } from '../../../api.js';
import type { ConsoleContext } from '../../admin-api.js';
import { screenStyles } from '../../pacak-console.styles.js';
import { employeeStrings } from './employee-strings.js';
import type { EmployeeStrings } from './employee-strings.js';
import type { ImportLine, ImportReport } from './employee-types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Imports employees from a CSV or Excel file in two steps: the file is checked (a dry run, nothing
 * written) and every line shown with what would happen to it, each problem on its own line; only a
 * file without problems can then be saved, all of it in one transaction or nothing.
 */
export class PacakEmployeeImport extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    report: { state: true },
    headerProblems: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  context?: ConsoleContext;
  private report?: ImportReport;
  private headerProblems: string[] = [];
  private message = '';
  private busy = false;
  /** The file the report is about: saving sends exactly what was checked. */
  private checked?: Blob;

  private get t(): EmployeeStrings {
    return employeeStrings[this.context?.lang ?? 'id'];
  }

  override render() {
    const t = this.t;
    const report = this.report;
    const refused = report?.summary.refuse ?? 0;
    const ready = report && !refused && !report.applied;
    return html`<div class="stack">
      <p><a href="/admin/employees">← ${t.backToList}</a></p>
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">${t.importTitle}</h2>
        <p class="muted" id="import-hint">${t.importHint}</p>
        <form class="form" @submit=${this.check}>
          <label>${t.file}<input name="file" type="file" required accept=".csv,.xlsx,text/csv,${XLSX}" aria-describedby="import-hint" @change=${this.fileChanged} /></label>
          <div class="row">
            <button type="submit" data-check ?disabled=${this.busy}>${this.busy && !ready ? t.checking : t.check}</button>
            ${ready ? html`<button type="button" data-apply ?disabled=${this.busy} @click=${this.apply}>${this.busy ? t.applying : t.applyImport(report.lines.length)}</button>` : nothing}
          </div>
        </form>
        <div role="status" data-import-status>
          ${this.message ? html`<p class=${report?.applied || ready ? 'ok' : 'notice'}>${this.message}</p>` : nothing}
          ${this.headerProblems.length ? html`<p class="notice">${t.headerProblem}</p><ul>${this.headerProblems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
        </div>
        ${report?.ignoredColumns.length ? html`<p class="muted">${t.ignored(report.ignoredColumns.join(', '))}</p>` : nothing}
      </section>
      ${report ? this.renderLines(t, report.lines) : nothing}
    </div>`;
  }

  private renderLines(t: EmployeeStrings, lines: ImportLine[]) {
    const change = (line: ImportLine) =>
      Object.entries(line.changes ?? {})
        .map(([field, { from, to }]) => `${field}: ${String(from ?? '')} → ${String(to ?? '')}`)
        .join('; ');
    return html`<section class="card" aria-labelledby="lines-title">
      <h2 id="lines-title">${t.list}</h2>
      <div class="scroll" tabindex="0" role="region" aria-label=${t.list}>
        <table data-import-lines>
          <caption class="visually-hidden">${t.list}</caption>
          <thead><tr><th scope="col">${t.line}</th><th scope="col">${t.nip}</th><th scope="col">${t.name}</th><th scope="col">${t.action}</th><th scope="col">${t.problems}</th></tr></thead>
          <tbody>${lines.map(
            (line) => html`<tr data-line=${line.line} data-action=${line.action} class=${line.action === 'refuse' ? 'refused' : ''}>
              <th scope="row" class="num">${line.line}</th>
              <td>${line.nip}</td>
              <td>${line.name}</td>
              <td>${t.actions_[line.action] ?? line.action}</td>
              <td>${
                line.problems?.length
                  ? html`<ul class="problems">${line.problems.map((p) => html`<li><strong>${p.column}</strong>: ${p.message}</li>`)}</ul>`
                  : change(line)
              }</td>
            </tr>`,
          )}</tbody>
        </table>
      </div>
    </section>`;
  }

  private fileChanged = (): void => {
    if (this.report && !this.report.applied) this.message = this.t.fileChanged;
    this.report = undefined;
    this.checked = undefined;
    this.headerProblems = [];
  };

  private check = (event: SubmitEvent): void => {
    event.preventDefault();
    const file = ((event.target as HTMLFormElement).elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    // The type comes from the name: Windows calls a .csv "application/vnd.ms-excel", and some browsers give none.
    const blob = new Blob([file], { type: /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv; charset=utf-8' });
    this.checked = blob;
    void this.send(blob, true);
  };

  private apply = (): void => {
    if (this.checked) void this.send(this.checked, false);
  };

  private async send(file: Blob, dryRun: boolean): Promise<void> {
    const t = this.t;
    this.busy = true;
    this.message = '';
    this.headerProblems = [];
    try {
      const report = await (this.context as ConsoleContext).api.upload<ImportReport>(
        '/admin/employees/import',
        file,
        dryRun ? { dryRun: true } : {},
      );
      this.report = report;
      this.message = report.applied ? t.imported(t.summary(report.summary)) : t.importReady;
      if (report.applied) this.checked = undefined;
    } catch (error) {
      this.failed(asApiError(error));
    } finally {
      this.busy = false;
    }
  }

  private failed(failure: ApiError): void {
    const t = this.t;
    const problem = failure.problem as ApiError['problem'] & Partial<ImportReport>;
    if (problem.lines) {
      this.report = {
        dryRun: true,
        applied: false,
        summary: problem.summary ?? { add: 0, change: 0, unchanged: 0, refuse: 0 },
        ignoredColumns: problem.ignoredColumns ?? [],
        lines: problem.lines,
      };
      this.message = t.importRefused(problem.summary?.refuse ?? 0);
      return;
    }
    this.report = undefined;
    if (problem.errors?.length) this.headerProblems = problem.errors.map((e) => e.message);
    else this.message = failure.status === 0 ? t.offline : [t.failed, problem.detail].filter(Boolean).join(' ');
  }
}

if (!customElements.get('pacak-employee-import')) customElements.define('pacak-employee-import', PacakEmployeeImport);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-employee-import': PacakEmployeeImport;
  }
}
