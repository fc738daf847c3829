import { LitElement, css, html, nothing } from 'lit';
import { asApiError } from '../../../api.js';
import type { ConsoleContext } from '../../admin-api.js';
import { screenStyles } from '../../pacak-console.styles.js';
import { employeeStrings } from './employee-strings.js';
import type { EmployeeStrings } from './employee-strings.js';
import { isStoredPhoto, PHOTO_LIMIT, PHOTO_TYPES } from './employee-types.js';
import type { AdminEmployee } from './employee-types.js';

/**
 * The employee's photo: shown as the pages show it, uploaded (a JPEG, PNG or WebP of at most 1 MB, sent
 * as its bytes), replaced or removed. The server decides by the file's bytes; its refusal is told beside
 * the file field in the console's language. A photo at another site's address is named, not shown: the
 * pages' policy shows only this server's images, which is why an upload is the way to a photo.
 *
 * @fires pacak-employee-changed - detail `{ employee }` after an upload or a removal
 */
export class PacakEmployeePhoto extends LitElement {
  static override styles = [
    screenStyles,
    css`
      .photo {
        display: flex;
        flex-wrap: wrap;
        gap: 1em;
        align-items: flex-start;
      }
      .photo img {
        width: 96px;
        height: 96px;
        object-fit: cover;
        border-radius: 8px;
        border: 1px solid #d0d5dd;
      }
      .photo .url {
        overflow-wrap: anywhere;
      }
      input[type='file'] {
        max-width: 100%;
      }
    `,
  ];

  static override properties = {
    context: { attribute: false },
    employee: { attribute: false },
    busy: { state: true },
    error: { state: true },
    said: { state: true },
  };

  context?: ConsoleContext;
  employee?: AdminEmployee;
  private busy = false;
  private error = '';
  private said = '';

  private get t(): EmployeeStrings {
    return employeeStrings[this.context?.lang ?? 'id'];
  }

  override render() {
    const { employee, context } = this;
    if (!employee || !context) return nothing;
    const t = this.t;
    const url = employee.photoUrl;
    const described = ['photo-hint', this.error ? 'photo-error' : ''].filter(Boolean).join(' ');
    return html`<section class="card" aria-labelledby="photo-title">
      <h2 id="photo-title">${t.photo}</h2>
      <div class="stack">
        <div class="photo">
          ${
            url && isStoredPhoto(url)
              ? html`<img src=${new URL(url, context.api.origin).href} alt=${t.photoAlt(employee.name)} width="96" height="96" data-photo-preview />`
              : url
                ? html`<p class="url" data-photo-foreign>${t.photoForeign} <span>${url}</span></p>`
                : html`<p class="muted" data-photo-none>${t.noPhoto}</p>`
          }
        </div>
        <form class="form" novalidate @submit=${this.upload} data-photo-form>
          <div class="field">
            <label for="photo-file">${url ? t.photoReplaceFile : t.photoFile}</label>
            <input id="photo-file" name="photo" type="file" accept=${PHOTO_TYPES.join(',')}
              aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${described} @change=${this.picked} />
            <span class="muted" id="photo-hint">${t.photoHint}</span>
            ${this.error ? html`<span class="field-error" id="photo-error" data-photo-error>${this.error}</span>` : nothing}
          </div>
          <div class="row">
            <button type="submit" ?disabled=${this.busy} data-photo-upload>${this.busy ? t.saving : url ? t.photoReplace : t.photoUpload}</button>
            ${url ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${this.removePhoto} data-photo-remove>${t.photoRemove}</button>` : nothing}
          </div>
          <p class="ok" role="status" ?hidden=${!this.said} data-photo-status>${this.said}</p>
        </form>
      </div>
    </section>`;
  }

  private picked = (): void => {
    this.error = '';
    this.said = '';
  };

  private upload = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const t = this.t;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#photo-file');
    const file = input?.files?.[0];
    this.said = '';
    if (!file) return this.refuse(t.photoChoose);
    if (file.size > PHOTO_LIMIT) return this.refuse(t.photoTooLarge);
    // The server tells the type from the bytes; a file the browser has no image type for goes as plain bytes.
    const type = (PHOTO_TYPES as readonly string[]).includes(file.type) ? file.type : 'application/octet-stream';
    await this.send(() => this.api.upload<AdminEmployee>(this.path, new Blob([file], { type }), {}, 'PUT'), t.photoSaved);
    if (!this.error && input) input.value = '';
  };

  private removePhoto = async (): Promise<void> => {
    this.said = '';
    await this.send(() => this.api.delete<AdminEmployee>(this.path), this.t.photoRemoved);
  };

  private get api() {
    return (this.context as ConsoleContext).api;
  }

  private get path(): string {
    return `/admin/employees/${encodeURIComponent(this.employee?.nip ?? '')}/photo`;
  }

  private async send(work: () => Promise<AdminEmployee>, done: string): Promise<void> {
    const t = this.t;
    this.busy = true;
    this.error = '';
    try {
      const employee = await work();
      this.employee = employee;
      this.said = done;
      this.dispatchEvent(new CustomEvent('pacak-employee-changed', { detail: { employee }, bubbles: true, composed: true }));
    } catch (error) {
      const failure = asApiError(error);
      this.refuse(
        failure.status === 0
          ? t.offline
          : failure.status === 413
            ? t.photoTooLarge
            : (failure.problem.errors?.[0]?.message ?? failure.problem.detail ?? t.failed),
      );
    } finally {
      this.busy = false;
    }
  }

  /** The problem beside the file field, and the focus on it. */
  private refuse(message: string): void {
    this.error = message;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#photo-file')?.focus());
  }
}

if (!customElements.get('pacak-employee-photo')) customElements.define('pacak-employee-photo', PacakEmployeePhoto);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-employee-photo': PacakEmployeePhoto;
  }
}
