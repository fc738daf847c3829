import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from './admin-screen.js';

/**
 * A customer's request to erase their number (UU 27/2022), on the ratings screen: every rating of the
 * office from that number loses its readable number; the ratings stay and still count.
 *
 * @fires pacak-erased - `detail: { erased, ratings }` once the server has erased them.
 */
export class PacakEraseRequest extends AdminScreen {
  protected readonly roles = ['admin'] as const;

  // Nothing to read: the form only sends.
  protected async load(): Promise<void> {}

  protected renderScreen(): TemplateResult {
    return html`<section class="card" aria-labelledby="erase-title">
      <h2 id="erase-title">${this.t('Permintaan hapus nomor pelanggan', "A customer's request to erase their number")}</h2>
      <p class="hint" id="erase-hint">
        ${this.t(
          'Semua penilaian dari nomor ini kehilangan nomor terbacanya. Penilaiannya tetap ada dan tetap dihitung; aturan satu penilaian sehari tetap berlaku.',
          'Every rating from this number loses its readable number. The ratings stay and still count; the one-a-day rule still holds.',
        )}
      </p>
      <form class="fields" @submit=${this.#erase} aria-describedby="erase-hint">
        <div class="field">
          <label for="erase-phone">${this.t('Nomor HP/WA pelanggan', "Customer's mobile number")}</label>
          <input id="erase-phone" name="phone" type="tel" required autocomplete="off" aria-describedby=${this.describedBy('phone', 'erase-phone')} />
          ${this.fieldError('phone', 'erase-phone')}
        </div>
        <div class="field">
          <label for="erase-reason">${this.t('Alasan (mis. nomor surat permintaan)', 'Reason (e.g. the request letter)')}</label>
          <input id="erase-reason" name="reason" required maxlength="500" aria-describedby=${this.describedBy('reason', 'erase-reason')} />
          ${this.fieldError('reason', 'erase-reason')}
        </div>
        <button type="submit" class="danger">${this.t('Hapus nomor', 'Erase number')}</button>
      </form>
      ${this.renderStatus()}
    </section>`;
  }

  async #erase(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const answer = await this.run(() =>
      this.context.api.post<{ erased: number; ratings: number }>('/admin/ratings/erase-phone', {
        phone: data.get('phone'),
        reason: data.get('reason'),
      }),
    );
    if (!answer) return;
    form.reset();
    this.status = this.t(
      `${answer.erased} dari ${answer.ratings} penilaian nomor itu kini tanpa nomor terbaca.`,
      `${answer.erased} of that number's ${answer.ratings} ratings now have no readable number.`,
    );
    this.dispatchEvent(new CustomEvent('pacak-erased', { detail: answer, bubbles: true, composed: true }));
  }
}

if (!customElements.get('pacak-erase-request')) customElements.define('pacak-erase-request', PacakEraseRequest);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-erase-request': PacakEraseRequest;
  }
}
