import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../api.js';
import type { ApiError } from '../../api.js';
import type { ConsoleContext } from '../admin-api.js';
import { screenStyles } from '../pacak-console.styles.js';
import type { ImportKind, ImportLine, ImportReport } from './import-kind.js';
import { importStrings } from './import-strings.js';
import type { ImportStrings } from './import-strings.js';
import { importMessage } from './import-text.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Imports a CSV or Excel file in two steps, the same for employees, attendance and SKP results: the
 * file is checked (a dry run, nothing written) and every line shown with what would happen to it,
 * each problem on its own line with its row number and reason in the page's language; only a file
 * without problems can then be saved, all of it in one transaction or nothing. What differs between
 * the imports is the `kind`.
 *
 * @fires pacak-imported - a file was saved; `detail: { summary }`, bubbling and composed.
 */
export class PacakFileImport extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    kind: { attribute: false },
    report: { state: true },
    headerProblems: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  /** The console's API, session and language. */
  context?: ConsoleContext;
  /** Which import this is. */
  kind?: ImportKind;
  private report?: ImportReport;
  private headerProblems: string[] = [];
  private message = '';
  private busy = false;
  /** The file the report is about: saving sends exactly what was checked. */
  private checked?: Blob;

  private get language(): 'id' | 'en' {
    return this.context?.lang ?? 'id';
  }

  private get t(): ImportStrings {
    return importStrings[this.language];
  }

  override render() {
    const kind = this.kind;
    if (!kind) return nothing;
    const t = this.t;
    const lang = this.language;
    const report = this.report;
    const ready = report && !report.summary.refuse && !report.applied;
    return html`<div class="stack" data-import-kind=${kind.name}>
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">${kind.title[lang]}</h2>
        <p class="muted" id="import-hint">${kind.hint[lang]}</p>
        ${kind.template ? html`<p><a href=${this.templateHref(kind.template)} download="templat-${kind.name}.csv" data-template>${t.template}</a></p>` : nothing}
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
        ${report?.ignoredColumns?.length ? html`<p class="muted">${t.ignored(report.ignoredColumns.join(', '))}</p>` : nothing}
      </section>
      ${report ? this.renderLines(kind, report.lines) : nothing}
    </div>`;
  }

  private renderLines(kind: ImportKind, lines: ImportLine[]) {
    const t = this.t;
    const lang = this.language;
    const caption = `${kind.title[lang]}: ${t.lines}`;
    return html`<section class="card" aria-labelledby="lines-title">
      <h2 id="lines-title">${caption}</h2>
      <div class="scroll" tabindex="0" role="region" aria-label=${caption}>
        <table data-import-lines>
          <caption class="visually-hidden">${caption}</caption>
          <thead><tr>
            <th scope="col">${t.line}</th><th scope="col">${t.nip}</th>
            ${kind.columns.map((column) => html`<th scope="col">${column.label[lang]}</th>`)}
            <th scope="col">${t.action}</th><th scope="col">${t.problems}</th>
          </tr></thead>
          <tbody>${lines.map(
            (line) => html`<tr data-line=${line.line} data-action=${line.action} class=${line.action === 'refuse' ? 'refused' : ''}>
              <th scope="row" class="num">${line.line}</th>
              <td>${line.nip}</td>
              ${kind.columns.map((column) => html`<td>${column.value(line, lang)}</td>`)}
              <td>${t.actions[line.action] ?? line.action}</td>
              <td>${
                line.problems?.length
                  ? html`<ul class="problems">${line.problems.map((p) => html`<li><strong>${p.column}</strong>: ${importMessage(lang, p.message)}</li>`)}</ul>`
                  : (kind.detail?.(line, lang) ?? '')
              }</td>
            </tr>`,
          )}</tbody>
        </table>
      </div>
    </section>`;
  }

  /** The template as a link's own data, with a byte order mark so Excel reads it as UTF-8. */
  private templateHref(lines: string[]): string {
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${lines.join('\r\n')}\r\n`)}`;
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
    const context = this.context as ConsoleContext;
    this.busy = true;
    this.message = '';
    this.headerProblems = [];
    try {
      const report = await context.api.upload<ImportReport>((this.kind as ImportKind).path, file, dryRun ? { dryRun: true } : {});
      this.report = report;
      this.message = report.applied ? t.imported(t.summary(report.summary)) : t.importReady;
      if (report.applied) {
        this.checked = undefined;
        this.dispatchEvent(new CustomEvent('pacak-imported', { detail: { summary: report.summary }, bubbles: true, composed: true }));
      }
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
      const summary = problem.summary ?? { add: 0, change: 0, unchanged: 0, refuse: 0 };
      this.report = { dryRun: true, applied: false, summary, ignoredColumns: problem.ignoredColumns ?? [], lines: problem.lines };
      this.message = t.importRefused(summary.refuse);
      return;
    }
    this.report = undefined;
    if (problem.errors?.length) this.headerProblems = problem.errors.map((e) => importMessage(this.language, e.message));
    else this.message = failure.status === 0 ? t.offline : [t.failed, problem.detail].filter(Boolean).join(' ');
  }
}

if (!customElements.get('pacak-file-import')) customElements.define('pacak-file-import', PacakFileImport);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-file-import': PacakFileImport;
  }
}
