import { LitElement, css, html, nothing } from 'lit';
import { asApiError } from '../../api.js';
import type { ConsoleContext } from '../admin-api.js';
import { screenStyles } from '../pacak-console.styles.js';
import { employeeStrings } from './employees/employee-strings.js';
import type { EmployeeStrings } from './employees/employee-strings.js';
import { employeePath, isStoredPhoto, KINDS } from './employees/employee-types.js';
import type { AdminEmployee, WorkAreaChoice } from './employees/employee-types.js';
import './employees/employee-editor.js';
import '../imports/file-import.js';
import { EMPLOYEE_IMPORT } from '../imports/import-kinds.js';

const PAGE = 50;

/**
 * The office's staff: `/admin/employees` lists them (search and filters in the query, so a link
 * keeps them), `/admin/employees/new` adds one, `/admin/employees/<nip>` edits one and holds its
 * actions (move, deactivate, delete, QR code, PIN, card), `/admin/employees/import` imports a file.
 */
export class PacakConsoleEmployees extends LitElement {
  static override styles = [
    screenStyles,
    css`
      .who {
        display: flex;
        gap: 0.5em;
        align-items: center;
      }
      .who img {
        flex: none;
        width: 32px;
        height: 32px;
        object-fit: cover;
        border-radius: 50%;
      }
    `,
  ];

  static override properties = {
    context: { attribute: false },
    employees: { state: true },
    total: { state: true },
    areas: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  /** Given by the console. */
  context?: ConsoleContext;
  private employees: AdminEmployee[] = [];
  private total = 0;
  private areas: WorkAreaChoice[] = [];
  private error = '';
  private loading = false;
  private loads?: AbortController;

  private get t(): EmployeeStrings {
    return employeeStrings[this.context?.lang ?? 'id'];
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('context') || !this.context) return;
    const previous = changed.get('context') as ConsoleContext | undefined;
    if (!this.areas.length || previous?.session.token !== this.context.session.token) void this.loadAreas();
    if (this.context.subpath === '') void this.loadList();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loads?.abort();
  }

  override render() {
    const context = this.context;
    if (!context) return nothing;
    const sub = context.subpath;
    if (sub === 'import')
      return html`<div class="stack">
        <p><a href="/admin/employees">← ${this.t.backToList}</a></p>
        <pacak-file-import .context=${context} .kind=${EMPLOYEE_IMPORT}></pacak-file-import>
      </div>`;
    if (sub)
      return html`<pacak-employee-editor .context=${context} .nip=${sub === 'new' ? '' : decodeURIComponent(sub)} .areas=${this.areas}></pacak-employee-editor>`;
    return this.renderList();
  }

  private renderList() {
    const t = this.t;
    const query = new URLSearchParams(location.search);
    const page = Math.max(0, Number(query.get('page')) || 0);
    const select = (name: string, label: string, all: string, options: [string, string][]) =>
      html`<label>${label}<select name=${name}>
        <option value="">${all}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${query.get(name) === value}>${text}</option>`)}
      </select></label>`;
    return html`<div class="stack">
      <div class="row">
        <a class="button" href="/admin/employees/new" data-add>${t.add}</a>
        <a class="button secondary" href="/admin/employees/import" data-import>${t.import}</a>
      </div>
      <form class="filters" role="search" aria-label=${t.search} @submit=${this.search}>
        <label>${t.q}<input name="q" type="search" .value=${query.get('q') ?? ''} autocomplete="off" /></label>
        ${select(
          'workArea',
          t.workArea,
          t.allWorkAreas,
          this.areas.map((area) => [area.code, area.name]),
        )}
        ${select(
          'kind',
          t.kind,
          t.allKinds,
          KINDS.map((kind) => [kind, t.kinds[kind] ?? kind]),
        )}
        ${select('active', t.status, t.anyStatus, [
          ['true', t.active],
          ['false', t.inactive],
        ])}
        <div class="row"><button type="submit">${t.apply}</button></div>
      </form>
      ${this.error ? html`<div class="notice" role="alert"><p>${this.error}</p><button type="button" @click=${() => void this.loadList()}>${t.retry}</button></div>` : nothing}
      <section class="card" aria-labelledby="list-title" aria-busy=${this.loading ? 'true' : 'false'}>
        <h2 id="list-title">${t.list}</h2>
        <p class="muted" role="status" data-count>${this.loading ? t.loading : t.count(this.employees.length, this.total)}</p>
        ${this.employees.length ? this.renderTable(t) : this.loading ? nothing : html`<p>${t.none}</p>`}
        ${
          this.total > PAGE
            ? html`<nav class="row" aria-label=${t.list}>
              ${page > 0 ? html`<a href=${this.pageHref(page - 1)} rel="prev">${t.previous}</a>` : nothing}
              ${(page + 1) * PAGE < this.total ? html`<a href=${this.pageHref(page + 1)} rel="next">${t.next}</a>` : nothing}
            </nav>`
            : nothing
        }
      </section>
    </div>`;
  }

  private renderTable(t: EmployeeStrings) {
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t.list}>
      <table data-employees>
        <caption class="visually-hidden">${t.list}</caption>
        <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.nip}</th><th scope="col">${t.workArea}</th><th scope="col">${t.kind}</th><th scope="col">${t.status}</th></tr></thead>
        <tbody>${this.employees.map(
          (employee) => html`<tr data-nip=${employee.nip}>
            <th scope="row"><span class="who">${this.thumbnail(employee)}<a href=${employeePath(employee.nip)}>${employee.name}</a></span></th>
            <td>${employee.nip}</td>
            <td>${employee.workArea.name}</td>
            <td>${t.kinds[employee.kind] ?? employee.kind}</td>
            <td>${employee.active ? t.active : t.inactive}${employee.listed ? '' : html`, ${t.unlisted}`}</td>
          </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }

  /** The uploaded photo, small and beside the name it shows (so its text is empty); other addresses the page would refuse. */
  private thumbnail(employee: AdminEmployee) {
    const url = employee.photoUrl;
    if (!url || !isStoredPhoto(url) || !this.context) return nothing;
    return html`<img src=${new URL(url, this.context.api.origin).href} alt="" width="32" height="32" loading="lazy" data-photo />`;
  }

  private pageHref(page: number): string {
    const query = new URLSearchParams(location.search);
    if (page) query.set('page', String(page));
    else query.delete('page');
    return `/admin/employees${query.size ? `?${query}` : ''}`;
  }

  /** The search goes into the address, so Back returns to the previous one and a link keeps it. */
  private search = (event: SubmitEvent): void => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.target as HTMLFormElement))
      if (String(value).trim()) query.set(key, String(value).trim());
    this.context?.navigate(`/admin/employees${query.size ? `?${query}` : ''}`);
  };

  private async loadAreas(): Promise<void> {
    try {
      const answer = await (this.context as ConsoleContext).api.get<{ workAreas: WorkAreaChoice[] }>('/admin/work-areas');
      this.areas = answer.workAreas;
    } catch {
      // The list and the form still work; the choices come with the next visit.
    }
  }

  private async loadList(): Promise<void> {
    const context = this.context as ConsoleContext;
    const query = new URLSearchParams(location.search);
    this.loads?.abort();
    const loads = (this.loads = new AbortController());
    this.loading = true;
    this.error = '';
    try {
      const params = { q: query.get('q'), workArea: query.get('workArea'), kind: query.get('kind'), active: query.get('active') };
      const answer = await context.api.get<{ employees: AdminEmployee[]; total: number }>(
        '/admin/employees',
        { ...params, limit: PAGE, offset: Math.max(0, Number(query.get('page')) || 0) * PAGE },
        loads.signal,
      );
      this.employees = answer.employees;
      this.total = answer.total;
    } catch (error) {
      if (loads.signal.aborted) return;
      const failure = asApiError(error);
      this.error = failure.status === 0 ? this.t.offline : [this.t.failed, failure.problem.detail].filter(Boolean).join(' ');
    } finally {
      if (!loads.signal.aborted) this.loading = false;
    }
  }
}

if (!customElements.get('pacak-console-employees')) customElements.define('pacak-console-employees', PacakConsoleEmployees);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-employees': PacakConsoleEmployees;
  }
}
