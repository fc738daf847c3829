import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../../api.js';
import type { ConsoleContext } from '../../admin-api.js';
import { fieldErrors } from '../../field-errors.js';
import { screenStyles } from '../../pacak-console.styles.js';
import { employeeStrings } from './employee-strings.js';
import type { EmployeeStrings } from './employee-strings.js';
import { employeePath, KINDS } from './employee-types.js';
import type { AdminEmployee, WorkAreaChoice } from './employee-types.js';
import './employee-actions.js';
import './employee-photo.js';

type Field = 'nip' | 'name' | 'position' | 'kind' | 'workArea';
const FIELDS: Field[] = ['nip', 'name', 'position', 'kind', 'workArea'];

/** What the last save said, kept across the move from `/new` to the employee's own address. */
let flash = '';

/**
 * Adds an employee (`nip` empty) or edits one: native controls, each problem beside its field (the
 * browser's own checks are off so the server's words and ours read alike), the focus on the first
 * problem. Editing also moves (the work area) and shows the employee's actions below the form.
 */
export class PacakEmployeeEditor extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    nip: {},
    areas: { attribute: false },
    employee: { state: true },
    errors: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  context?: ConsoleContext;
  /** The employee to edit; empty for a new one. */
  nip = '';
  areas: WorkAreaChoice[] = [];
  private employee?: AdminEmployee;
  private errors: Partial<Record<Field, string>> = {};
  private message = '';
  private busy = false;

  private get t(): EmployeeStrings {
    return employeeStrings[this.context?.lang ?? 'id'];
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (
      changed.has('nip') ||
      (changed.has('context') && (changed.get('context') as ConsoleContext | undefined)?.session.token !== this.context?.session.token)
    ) {
      this.employee = undefined;
      this.errors = {};
      this.message = flash;
      flash = '';
      if (this.nip) void this.load();
    }
  }

  override render() {
    const t = this.t;
    if (this.nip && !this.employee) {
      return html`<p><a href="/admin/employees">← ${t.backToList}</a></p>
        ${this.message ? html`<div class="notice" role="alert"><p>${this.message}</p></div>` : html`<p class="muted" role="status">${t.loading}</p>`}`;
    }
    const employee = this.employee;
    return html`<div class="stack">
      <p><a href="/admin/employees">← ${t.backToList}</a></p>
      <section class="card" aria-labelledby="form-title">
        <h2 id="form-title">${employee ? employee.name : t.newTitle}</h2>
        <form class="form" novalidate @submit=${this.submit} data-employee-form>
          ${
            employee
              ? html`<p><span class="muted">${t.nip}:</span> <strong data-nip>${employee.nip}</strong></p>`
              : this.input('nip', t.nip, '', { hint: t.nipHint, required: true, autocomplete: 'off' })
          }
          ${this.input('name', t.name, employee?.name ?? '', { required: true, autocomplete: 'name' })}
          ${this.input('position', t.position, employee?.position ?? '', { autocomplete: 'organization-title' })}
          ${this.choice(
            'kind',
            t.kind,
            employee?.kind ?? '',
            KINDS.map((kind) => [kind, t.kinds[kind] ?? kind]),
          )}
          ${this.choice('workArea', t.workArea, employee?.workArea.code ?? '', this.areaChoices(employee), employee ? t.moveHint : '')}
          <div class="field"><label class="check"><input type="checkbox" name="listed" .checked=${employee?.listed ?? true} aria-describedby="listed-hint" />
            ${t.listed}</label><span class="muted" id="listed-hint">${t.listedHint}</span></div>
          ${employee ? nothing : html`<p class="muted">${t.photoAfterCreate}</p>`}
          <p class=${this.message && !Object.keys(this.errors).length ? 'ok' : 'notice'} role="status" ?hidden=${!this.message}>${this.message}</p>
          <div class="row"><button type="submit" ?disabled=${this.busy}>${this.busy ? t.saving : employee ? t.save : t.create}</button></div>
        </form>
      </section>
      ${employee ? html`<pacak-employee-photo .context=${this.context} .employee=${employee} @pacak-employee-changed=${this.changed}></pacak-employee-photo>` : nothing}
      ${
        employee
          ? html`<pacak-employee-actions .context=${this.context} .employee=${employee} @pacak-employee-changed=${this.changed}></pacak-employee-actions>`
          : nothing
      }
    </div>`;
  }

  private areaChoices(employee?: AdminEmployee): [string, string][] {
    const choices = this.areas.filter((area) => area.active).map((area): [string, string] => [area.code, area.name]);
    // An employee of a deactivated work area still shows where they are.
    if (employee && !choices.some(([code]) => code === employee.workArea.code))
      choices.unshift([employee.workArea.code, employee.workArea.name]);
    return choices;
  }

  private input(
    field: Field,
    label: string,
    value: string,
    o: { hint?: string; required?: boolean; type?: string; autocomplete?: string } = {},
  ) {
    const error = this.errors[field];
    const described = [error ? `${field}-error` : '', o.hint ? `${field}-hint` : ''].filter(Boolean).join(' ');
    return html`<div class="field"><label for=${field}>${label}${o.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      <input id=${field} name=${field} type=${o.type ?? 'text'} .value=${value} ?required=${o.required} autocomplete=${o.autocomplete ?? 'off'}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing} />
      ${o.hint ? html`<span class="muted" id=${`${field}-hint`}>${o.hint}</span>` : nothing}
      ${error ? html`<span class="field-error" id=${`${field}-error`}>${error}</span>` : nothing}</div>`;
  }

  private choice(field: Field, label: string, value: string, options: [string, string][], hint = '') {
    const error = this.errors[field];
    const described = [error ? `${field}-error` : '', hint ? `${field}-hint` : ''].filter(Boolean).join(' ');
    return html`<div class="field"><label for=${field}>${label} <span aria-hidden="true">*</span></label>
      <select id=${field} name=${field} required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing}>
        <option value="" ?selected=${!value}>—</option>
        ${options.map(([code, name]) => html`<option value=${code} ?selected=${code === value}>${name}</option>`)}
      </select>
      ${hint ? html`<span class="muted" id=${`${field}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span class="field-error" id=${`${field}-error`}>${error}</span>` : nothing}</div>`;
  }

  private async load(): Promise<void> {
    const nip = this.nip;
    try {
      const employee = await (this.context as ConsoleContext).api.get<AdminEmployee>(`/admin/employees/${encodeURIComponent(nip)}`);
      if (nip === this.nip) this.employee = employee;
    } catch (error) {
      const failure = asApiError(error);
      if (nip === this.nip) this.message = failure.status === 0 ? this.t.offline : (failure.problem.detail ?? this.t.failed);
    }
  }

  private changed = (event: CustomEvent<{ employee?: AdminEmployee; removed?: boolean }>): void => {
    if (event.detail.removed) {
      this.context?.navigate('/admin/employees');
      return;
    }
    if (event.detail.employee) this.employee = event.detail.employee;
  };

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const t = this.t;
    const context = this.context as ConsoleContext;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (field: Field) => String(data.get(field) ?? '').trim();
    const errors: Partial<Record<Field, string>> = {};
    for (const field of ['nip', 'name', 'kind', 'workArea'] as Field[]) if (data.has(field) && !value(field)) errors[field] = t.required;
    if (this.show(errors)) return;
    const body: Record<string, string | boolean | null> = {};
    for (const field of FIELDS) {
      if (!data.has(field)) continue;
      const next = value(field);
      const before = this.employee
        ? field === 'workArea'
          ? this.employee.workArea.code
          : this.employee[field as keyof AdminEmployee]
        : undefined;
      if (!this.employee || next !== (before ?? null)) body[field] = next;
    }
    const listed = data.has('listed');
    if (this.employee ? listed !== this.employee.listed : !listed) body.listed = listed;
    if (this.employee && !Object.keys(body).length) {
      this.message = t.saved;
      return;
    }
    this.busy = true;
    this.message = '';
    try {
      if (this.employee) {
        this.employee = await context.api.patch<AdminEmployee>(`/admin/employees/${encodeURIComponent(this.employee.nip)}`, body);
        this.message = t.saved;
      } else {
        const created = await context.api.post<AdminEmployee>('/admin/employees', body);
        flash = t.created(created.name);
        context.navigate(employeePath(created.nip));
      }
    } catch (error) {
      const failure = asApiError(error);
      const fields = fieldErrors(failure);
      if (!this.show(fields as Partial<Record<Field, string>>))
        this.message = failure.status === 0 ? t.offline : (failure.problem.detail ?? t.failed);
      else this.message = t.checkFields;
    } finally {
      this.busy = false;
    }
  };

  /** Puts each problem beside its field and the focus on the first; false when there is none. */
  private show(errors: Partial<Record<Field, string>>): boolean {
    this.errors = errors;
    const first = FIELDS.find((field) => errors[field]);
    if (first) {
      this.message = this.t.checkFields;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[name=${first}]`)?.focus());
    }
    return Boolean(first);
  }
}

if (!customElements.get('pacak-employee-editor')) customElements.define('pacak-employee-editor', PacakEmployeeEditor);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-employee-editor': PacakEmployeeEditor;
  }
}
