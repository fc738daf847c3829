import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { asApiError, fetchEmployee } from '../api.js';
import type { Employee } from '../api.js';
import { emit } from '../events.js';
import { pickLang } from '../i18n.js';
import { shareLink } from '../share-link.js';
import { styles } from './pacak-qr.styles.js';
import { qrStrings } from './qr-strings.js';
import type { QrStrings } from './qr-strings.js';

const scriptOrigin = new URL(import.meta.url).origin;

type View = 'loading' | 'ready' | 'missing' | 'failed';

/**
 * An employee's QR code for an intranet page or the employee's own: the code (an image from the
 * server, pointing at the employee's rating page), their name, downloads and a share button.
 *
 * @fires pacak-shared - the rating link was shared or copied; `detail: { url, via }`, via `share` or `clipboard`
 * @fires pacak-error - the employee could not be loaded; `detail: { status, problem }`, status 0 when offline
 *
 * @csspart card - the box around everything
 * @csspart image - the QR code image
 * @csspart name - the employee's name
 * @csspart link - the rating link as text
 * @csspart actions - the row of download and share controls
 * @csspart download - each download link (SVG, PNG)
 * @csspart share - the share button
 * @csspart status - the live region for "copied" and failures
 *
 * @cssprop --pacak-primary - button colour (default #00695c)
 * @cssprop --pacak-on-primary - text on the share button (#fff)
 * @cssprop --pacak-font - font family (system-ui)
 * @cssprop --pacak-radius - corner radius (12px)
 * @cssprop --pacak-bg - background (#fff)
 * @cssprop --pacak-text - text (#1f2933)
 * @cssprop --pacak-muted - status text (#52606d)
 * @cssprop --pacak-border - border of the card (#7b8794)
 * @cssprop --pacak-focus - focus ring (#1d4ed8)
 */
export class PacakQr extends LitElement {
  static override styles = styles;

  /** NIP or staff code of the employee whose code to show. */
  @property() nip = '';
  /** Origin of the PACAK server; defaults to the origin this script was loaded from. */
  @property() api = scriptOrigin;
  /** `id` or `en`; without it an English page gets English, any other Indonesian. */
  @property() override lang = '';
  /** Width and height of the code on the page, in CSS pixels. */
  @property({ type: Number }) size = 240;

  @state() private view: View = 'loading';
  @state() private employee?: Employee;
  @state() private status = '';

  private loads = 0;

  private get t(): QrStrings {
    return qrStrings[pickLang(this.lang)];
  }

  private get origin(): string {
    return (this.api || scriptOrigin).replace(/\/+$/, '');
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('nip') || changed.has('api')) void this.load();
  }

  override render() {
    const t = this.t;
    return html`<div class="card" part="card">
      ${this.view === 'ready' && this.employee ? this.renderCode(t, this.employee) : nothing}
      ${this.view === 'failed' ? html`<button type="button" @click=${this.load}>${t.retry}</button>` : nothing}
      <p class="status" role="status" aria-live="polite" part="status">${this.status}</p>
    </div>`;
  }

  private renderCode(t: QrStrings, employee: Employee) {
    const base = `${this.origin}/qr/${encodeURIComponent(employee.nip)}`;
    return html`<img part="image" src="${base}.svg" width=${this.size} height=${this.size} alt=${t.alt(employee.name)} />
      <span class="name" part="name">${employee.name}</span>
      <span class="link" part="link">${employee.ratingUrl}</span>
      <div class="actions" part="actions">
        <a part="download" href="${base}.svg?size=1024&amp;download=1" download=${`pacak-qr-${employee.nip}.svg`}>${t.downloadSvg}</a>
        <a part="download" href="${base}.png?size=1024&amp;download=1" download=${`pacak-qr-${employee.nip}.png`}>${t.downloadPng}</a>
        <button type="button" class="share" part="share" @click=${this.share}>${t.share}</button>
      </div>`;
  }

  private async load(): Promise<void> {
    const attempt = ++this.loads;
    const t = this.t;
    if (!this.nip) {
      this.view = 'missing';
      this.status = t.notFound;
      return;
    }
    this.view = 'loading';
    this.status = t.loading;
    try {
      const employee = await fetchEmployee(this.origin, this.nip);
      if (attempt !== this.loads) return;
      this.employee = employee;
      this.view = 'ready';
      this.status = '';
    } catch (error) {
      if (attempt !== this.loads) return;
      const failure = asApiError(error);
      this.view = failure.status === 404 ? 'missing' : 'failed';
      this.status = this.view === 'missing' ? t.notFound : t.loadFailed;
      emit(this, 'pacak-error', { status: failure.status, problem: failure.problem });
    }
  }

  private async share(): Promise<void> {
    const employee = this.employee;
    if (!employee) return;
    const via = await shareLink(employee.ratingUrl, employee.name);
    this.status = via === 'clipboard' ? this.t.copied : via === 'unavailable' ? this.t.copyByHand : '';
    if (via === 'share' || via === 'clipboard') emit(this, 'pacak-shared', { url: employee.ratingUrl, via });
  }
}

if (!customElements.get('pacak-qr')) customElements.define('pacak-qr', PacakQr);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-qr': PacakQr;
  }
}
