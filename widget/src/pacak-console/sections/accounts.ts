import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import { workAreas, type WorkAreaRow } from '../admin/catalogue-lists.js';
import { copyText } from '../admin/copy-text.js';

interface UserRow {
  id: number;
  username: string;
  role: 'superadmin' | 'admin' | 'coordinator' | 'viewer';
  office: string | null;
  workArea: string | null;
  active: boolean;
  lastSignInAt: string | null;
  email: string | null;
  alertMail: boolean;
}

interface OfficeRow {
  code: string;
  name: string;
}

/** A password the server generated, shown this once. */
interface Shown {
  username: string;
  password: string;
}

/**
 * The accounts that sign in. An admin creates the office's admins, coordinators (with their work area)
 * and viewers, deactivates and reactivates them and resets a password (the new one is shown once); a
 * superadmin creates an office's admins. Nobody deactivates themselves, and the server keeps every
 * office's last active admin, even when two admins act at once.
 */
export class PacakConsoleAccounts extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    users: { state: true },
    areas: { state: true },
    offices: { state: true },
    newRole: { state: true },
    shown: { state: true },
    confirming: { state: true },
  };

  protected readonly roles = ['admin', 'superadmin'] as const;
  declare users: UserRow[];
  declare areas: WorkAreaRow[];
  declare offices: OfficeRow[];
  /** The role chosen in the create form (a coordinator needs a work area). */
  declare newRole: string;
  declare shown: Shown | null;
  declare confirming: number | null;

  constructor() {
    super();
    this.users = [];
    this.areas = [];
    this.offices = [];
    this.newRole = 'viewer';
    this.shown = null;
    this.confirming = null;
  }

  get #superadmin(): boolean {
    return this.userRole === 'superadmin';
  }

  protected async load(): Promise<void> {
    const { api } = this.context;
    const answer = await this.run(async () => {
      const users = (await api.get<{ users: UserRow[] }>('/admin/users')).users;
      if (this.#superadmin) return { users, offices: (await api.get<{ offices: OfficeRow[] }>('/admin/offices')).offices, areas: [] };
      return { users, offices: [], areas: await workAreas(api) };
    });
    if (answer) [this.users, this.offices, this.areas] = [answer.users, answer.offices, answer.areas];
    if (this.#superadmin) this.newRole = 'admin';
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid">
      <section class="card" aria-labelledby="create-title">
        <h2 id="create-title">${this.#superadmin ? this.t('Buat admin kantor', "Create an office's admin") : this.t('Buat akun', 'Create an account')}</h2>
        ${this.#renderCreate()} ${this.renderStatus()} ${this.shown ? this.#renderShown(this.shown) : ''}
      </section>
      <section class="card" aria-labelledby="users-title">
        <h2 id="users-title" tabindex="-1">${this.t('Akun', 'Accounts')}</h2>
        ${this.#renderList()}
      </section>
    </div>`;
  }

  #renderCreate(): TemplateResult {
    return html`<form class="fields" @submit=${this.#create}>
      <div class="field">
        <label for="user-name">${this.t('Nama pengguna', 'Username')}</label>
        <input id="user-name" name="username" required maxlength="64" autocomplete="off" aria-describedby=${this.describedBy('username', 'user-name')} />
        ${this.fieldError('username', 'user-name')}
      </div>
      ${
        this.#superadmin
          ? html`<div class="field">
            <label for="user-office">${this.t('Kantor', 'Office')}</label>
            <select id="user-office" name="office" required aria-describedby=${this.describedBy('office', 'user-office')}>
              ${this.offices.map((office) => html`<option value=${office.code}>${office.name}</option>`)}
            </select>
            ${this.fieldError('office', 'user-office')}
          </div>`
          : html`<div class="field">
            <label for="user-role">${this.t('Peran', 'Role')}</label>
            <select id="user-role" name="role" @change=${(event: Event) => (this.newRole = (event.target as HTMLSelectElement).value)} aria-describedby="role-hint">
              <option value="viewer" ?selected=${this.newRole === 'viewer'}>${this.t('Pembaca laporan (seluruh kantor)', 'Report reader (whole office)')}</option>
              <option value="coordinator" ?selected=${this.newRole === 'coordinator'}>${this.t('Koordinator wilker (satu wilayah kerja)', 'Coordinator (one work area)')}</option>
              <option value="admin" ?selected=${this.newRole === 'admin'}>${this.t('Admin (mengelola kantor)', 'Admin (runs the office)')}</option>
            </select>
            <p class="hint" id="role-hint">${this.t('Koordinator hanya membaca laporan wilayah kerjanya.', "A coordinator reads only their work area's reports.")}</p>
          </div>
          ${
            this.newRole === 'coordinator'
              ? html`<div class="field">
                <label for="user-area">${this.t('Wilayah kerja', 'Work area')}</label>
                <select id="user-area" name="workArea" required aria-describedby=${this.describedBy('workArea', 'user-area')}>
                  ${this.areas.filter((area) => area.active).map((area) => html`<option value=${area.code}>${area.name}</option>`)}
                </select>
                ${this.fieldError('workArea', 'user-area')}
              </div>`
              : ''
          }`
      }
      <div class="field">
        <label for="user-password">${this.t('Kata sandi (kosongkan untuk dibuatkan)', 'Password (leave empty to generate one)')}</label>
        <input id="user-password" name="password" type="password" minlength="12" maxlength="256" autocomplete="new-password" aria-describedby=${this.describedBy('password', 'user-password')} />
        ${this.fieldError('password', 'user-password')}
      </div>
      <button type="submit" ?disabled=${this.busy}>${this.t('Buat akun', 'Create account')}</button>
    </form>`;
  }

  #renderShown(shown: Shown): TemplateResult {
    return html`<div data-shown-password>
      <h3 id="shown-title" tabindex="-1">${this.t('Kata sandi untuk', 'Password for')} ${shown.username}</h3>
      <p class="error">${this.t('Hanya ditampilkan sekali ini. Berikan kepada pemiliknya secara langsung.', 'Shown this once only. Hand it to its owner in person.')}</p>
      <label for="shown-password">${this.t('Kata sandi', 'Password')}</label>
      <input id="shown-password" class="secret" readonly .value=${shown.password} />
      <div class="actions">
        <button type="button" class="secondary" @click=${this.#copy}>${this.t('Salin kata sandi', 'Copy password')}</button>
        <button type="button" class="secondary" @click=${() => (this.shown = null)}>${this.t('Sembunyikan', 'Hide')}</button>
      </div>
    </div>`;
  }

  #renderList(): TemplateResult {
    const areaName = (code: string | null) => (code ? (this.areas.find((area) => area.code === code)?.name ?? code) : '');
    const roleName = (role: UserRow['role']) =>
      ({
        superadmin: 'Superadmin',
        admin: 'Admin',
        coordinator: this.t('Koordinator', 'Coordinator'),
        viewer: this.t('Pembaca', 'Viewer'),
      })[role];
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(this.t('Akun', 'Accounts'))}>
      <table>
        <thead>
          <tr>
            <th scope="col">${this.t('Nama pengguna', 'Username')}</th>
            <th scope="col">${this.t('Peran', 'Role')}</th>
            ${this.#superadmin ? html`<th scope="col">${this.t('Kantor', 'Office')}</th>` : ''}
            <th scope="col">${this.t('Wilayah kerja', 'Work area')}</th>
            <th scope="col">${this.t('Surel dan peringatan', 'E-mail and alerts')}</th>
            <th scope="col">${this.t('Masuk terakhir', 'Last sign-in')}</th>
            <th scope="col">${this.t('Status', 'Status')}</th>
            <th scope="col">${this.t('Tindakan', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.users.map(
            (user) => html`<tr data-username=${user.username} class=${user.active ? '' : 'off'}>
            <td>${user.username}</td>
            <td>${roleName(user.role)}</td>
            ${this.#superadmin ? html`<td>${user.office ?? ''}</td>` : ''}
            <td>${areaName(user.workArea)}</td>
            <td>${this.#renderMail(user)}</td>
            <td>${user.lastSignInAt ? this.dateTime(user.lastSignInAt) : this.t('belum pernah', 'never')}</td>
            <td>${user.active ? html`<span class="badge">${this.t('Aktif', 'Active')}</span>` : html`<span class="badge warn">${this.t('Nonaktif', 'Inactive')}</span>`}</td>
            <td>${this.#renderActions(user)}</td>
          </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** An account's address and whether it gets low-score alert mail; one's own is set on the account page. */
  #renderMail(user: UserRow): TemplateResult | string {
    const self = user.username === this.context.session.username.toLowerCase();
    if (user.role === 'superadmin' || self) return user.email ?? '';
    const alerts = user.role === 'coordinator' || user.role === 'admin';
    return html`<form class="actions" data-mail=${user.username} @submit=${(event: SubmitEvent) => this.#saveMail(event, user)}>
      <label class="visually-hidden" for=${`mail-${user.id}`}>${this.t(`Surel ${user.username}`, `E-mail of ${user.username}`)}</label>
      <input id=${`mail-${user.id}`} name="email" type="email" autocomplete="off" .value=${user.email ?? ''} />
      ${alerts ? html`<label class="check"><input type="checkbox" name="alertMail" .checked=${user.alertMail} />${this.t('Peringatan', 'Alerts')}</label>` : ''}
      <button type="submit" class="secondary small">${this.t('Simpan', 'Save')}<span class="visually-hidden"> ${user.username}</span></button>
    </form>`;
  }

  async #saveMail(event: SubmitEvent, user: UserRow): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const alerts = user.role === 'coordinator' || user.role === 'admin';
    const saved = await this.run(
      () =>
        this.context.api.patch<UserRow>(`/admin/users/${user.id}`, {
          email: email || null,
          ...(alerts ? { alertMail: data.has('alertMail') } : {}),
        }),
      this.t('Surel disimpan.', 'E-mail saved.'),
    );
    if (saved) this.users = this.users.map((row) => (row.id === saved.id ? saved : row));
  }

  #renderActions(user: UserRow): TemplateResult | string {
    // Superadmins are managed on the command line; one's own account from the account page.
    const self = user.username === this.context.session.username.toLowerCase();
    if (user.role === 'superadmin' || self) return self ? html`<span class="muted">${this.t('akun Anda', 'your account')}</span>` : '';
    if (this.confirming === user.id) {
      return html`<div class="actions" role="group" aria-label=${this.t(`Setel ulang kata sandi ${user.username}?`, `Reset the password of ${user.username}?`)}>
        <span>${this.t('Kata sandi lama dan sesinya berhenti berlaku. Lanjutkan?', 'The old password and its sessions stop working. Go on?')}</span>
        <button type="button" class="danger small" data-action="confirm-reset" @click=${() => this.#reset(user)}>${this.t('Ya, setel ulang', 'Yes, reset')}</button>
        <button type="button" class="secondary small" @click=${() => (this.confirming = null)}>${this.t('Batal', 'Cancel')}</button>
      </div>`;
    }
    return html`<div class="actions">
      <button type="button" class="secondary small" data-action="reset" @click=${() => this.#askReset(user)}>${this.t('Setel ulang kata sandi', 'Reset password')}<span class="visually-hidden"> ${user.username}</span></button>
      ${
        user.active
          ? html`<button type="button" class="danger small" data-action="deactivate" @click=${() => this.#setActive(user, false)}>${this.t('Nonaktifkan', 'Deactivate')}<span class="visually-hidden"> ${user.username}</span></button>`
          : html`<button type="button" class="secondary small" data-action="reactivate" @click=${() => this.#setActive(user, true)}>${this.t('Aktifkan', 'Reactivate')}<span class="visually-hidden"> ${user.username}</span></button>`
      }
    </div>`;
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = Object.fromEntries([...new FormData(form)].filter(([, value]) => value !== ''));
    const body = this.#superadmin ? { ...data, role: 'admin' } : data;
    const created = await this.run(
      () => this.context.api.post<{ user: UserRow; password?: string }>('/admin/users', body),
      this.t('Akun dibuat.', 'Account created.'),
    );
    if (!created) return;
    form.reset();
    this.newRole = this.#superadmin ? 'admin' : 'viewer';
    this.users = [...this.users, created.user];
    this.shown = created.password ? { username: created.user.username, password: created.password } : null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(created.password ? '#shown-title' : '#users-title')?.focus();
  }

  async #askReset(user: UserRow): Promise<void> {
    this.confirming = user.id;
    await this.#focus(user.username, 'confirm-reset');
  }

  async #reset(user: UserRow): Promise<void> {
    this.confirming = null;
    const answer = await this.run(
      () => this.context.api.post<{ user: UserRow; password: string }>(`/admin/users/${user.id}/password`),
      this.t('Kata sandi disetel ulang.', 'Password reset.'),
    );
    if (!answer) return;
    this.shown = { username: user.username, password: answer.password };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#shown-title')?.focus();
  }

  async #setActive(user: UserRow, active: boolean): Promise<void> {
    const done = active
      ? this.t(`${user.username} aktif kembali.`, `${user.username} is active again.`)
      : this.t(`${user.username} dinonaktifkan.`, `${user.username} is deactivated.`);
    const saved = await this.run(
      () => this.context.api.post<UserRow>(`/admin/users/${user.id}/${active ? 'reactivate' : 'deactivate'}`),
      done,
    );
    if (!saved) return;
    this.users = this.users.map((row) => (row.id === user.id ? saved : row));
    await this.#focus(user.username, active ? 'deactivate' : 'reactivate');
  }

  async #copy(): Promise<void> {
    if (!this.shown) return;
    const copied = await copyText(this.shown.password, this.renderRoot.querySelector<HTMLInputElement>('#shown-password'));
    this.status = copied
      ? this.t('Kata sandi disalin.', 'Password copied.')
      : this.t('Kata sandi dipilih: tekan Ctrl+C.', 'Password selected: press Ctrl+C.');
  }

  async #focus(username: string, action: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-username="${username}"] [data-action=${action}]`)?.focus();
  }
}

if (!customElements.get('pacak-console-accounts')) customElements.define('pacak-console-accounts', PacakConsoleAccounts);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-accounts': PacakConsoleAccounts;
  }
}
