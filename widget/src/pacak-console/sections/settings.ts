import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { AdminScreen } from '../admin/admin-screen.js';
import './allowed-sites.js';

interface OfficeSettings {
  code: string;
  name: string;
  timezone: string;
  complaintUrl: string | null;
  privacyContact: string | null;
  feedbackLowScore: number;
  feedbackTargetDays: number;
  alertWebhookUrl: string | null;
  alertWebhookSecretSet: boolean;
}

/** Indonesia's three time zones (WIB, WITA, WIT) first; an office elsewhere keeps its own. */
const ZONES = [
  ['Asia/Jakarta', 'WIB (Asia/Jakarta)'],
  ['Asia/Makassar', 'WITA (Asia/Makassar)'],
  ['Asia/Jayapura', 'WIT (Asia/Jayapura)'],
] as const;

/**
 * The office's own settings: the complaint link customers see after a low score, the data protection
 * contact in the form's privacy notice, and the time zone that decides "one rating a day" and report
 * days. Only what changed is sent. Below it, the sites allowed to send ratings (allowed-sites.ts). Admins only.
 */
export class PacakConsoleSettings extends AdminScreen {
  static override properties = { ...AdminScreen.properties, office: { state: true } };

  protected readonly roles = ['admin'] as const;
  declare office: OfficeSettings | null;

  constructor() {
    super();
    this.office = null;
  }

  protected async load(): Promise<void> {
    const office = await this.run(() => this.context.api.get<OfficeSettings>('/admin/office'));
    if (office) this.office = office;
  }

  protected renderScreen(): TemplateResult {
    const office = this.office;
    const zones: readonly (readonly [string, string])[] =
      office && !ZONES.some(([zone]) => zone === office.timezone) ? [...ZONES, [office.timezone, office.timezone]] : ZONES;
    return html`<div class="grid"><section class="card" aria-labelledby="settings-title">
      <h2 id="settings-title">${this.t('Pengaturan kantor', "The office's settings")}${office ? html`: ${office.name}` : ''}</h2>
      ${
        office
          ? html`<form class="fields" @submit=${this.#save}>
            <div class="field wide">
              <label for="complaint-url">${this.t('Tautan pengaduan (mis. SP4N-LAPOR!)', 'Complaint link (e.g. SP4N-LAPOR!)')}</label>
              <input id="complaint-url" name="complaintUrl" type="url" maxlength="500" placeholder="https://www.lapor.go.id" .value=${office.complaintUrl ?? ''}
                aria-describedby="complaint-hint${this.failure?.fields.complaintUrl ? ' complaint-url-error' : ''}" />
              <p class="hint" id="complaint-hint">${this.t('Ditampilkan kepada pelanggan setelah nilai rendah. Kosongkan bila tidak ada.', 'Shown to customers after a low score. Leave empty when there is none.')}</p>
              ${this.fieldError('complaintUrl', 'complaint-url')}
            </div>
            <div class="field wide">
              <label for="privacy-contact">${this.t('Kontak perlindungan data pribadi', 'Data protection contact')}</label>
              <input id="privacy-contact" name="privacyContact" maxlength="300" .value=${office.privacyContact ?? ''}
                aria-describedby="privacy-hint${this.failure?.fields.privacyContact ? ' privacy-contact-error' : ''}" />
              <p class="hint" id="privacy-hint">${this.t('Surel, telepon, atau loket; tampil di pemberitahuan privasi formulir.', "An e-mail, a phone or a desk; shown in the form's privacy notice.")}</p>
              ${this.fieldError('privacyContact', 'privacy-contact')}
            </div>
            <div class="field wide">
              <label for="timezone">${this.t('Zona waktu kantor', "The office's time zone")}</label>
              <select id="timezone" name="timezone" aria-describedby="timezone-hint">
                ${zones.map(([zone, name]) => html`<option value=${zone} ?selected=${zone === office.timezone}>${name}</option>`)}
              </select>
              <p class="hint" id="timezone-hint">
                ${this.t(
                  'Menentukan hari untuk aturan satu penilaian sehari dan untuk laporan, sejak disimpan; penilaian lama tetap pada harinya.',
                  'Decides the day for the one-rating-a-day rule and for reports, from when it is saved; earlier ratings keep their day.',
                )}
              </p>
            </div>
            <div class="field">
              <label for="feedback-low">${this.t('Nilai rendah: skor ini ke bawah', 'Low score: this score or below')}</label>
              <select id="feedback-low" name="feedbackLowScore" aria-describedby="feedback-low-hint">
                ${[1, 2, 3, 4].map((score) => html`<option value=${score} ?selected=${score === office.feedbackLowScore}>${score}</option>`)}
              </select>
              <p class="hint" id="feedback-low-hint">${this.t('Penilaian seperti ini masuk kotak masukan untuk ditindaklanjuti.', 'Such ratings go to the feedback inbox to be followed up.')}</p>
            </div>
            <div class="field">
              <label for="feedback-days">${this.t('Target tindak lanjut (hari)', 'Follow-up target (days)')}</label>
              <input id="feedback-days" name="feedbackTargetDays" type="number" min="1" max="90" required .value=${String(office.feedbackTargetDays)}
                aria-describedby="feedback-days-hint${this.failure?.fields.feedbackTargetDays ? ' feedback-days-error' : ''}" />
              <p class="hint" id="feedback-days-hint">${this.t('Masukan yang belum selesai setelah ini ditandai terlambat.', 'Feedback not closed after this is flagged overdue.')}</p>
              ${this.fieldError('feedbackTargetDays', 'feedback-days')}
            </div>
            <div class="field wide">
              <label for="webhook-url">${this.t('Webhook peringatan nilai rendah', 'Low-score alert webhook')}</label>
              <input id="webhook-url" name="alertWebhookUrl" type="url" maxlength="500" .value=${office.alertWebhookUrl ?? ''}
                aria-describedby="webhook-hint${this.failure?.fields.alertWebhookUrl ? ' webhook-url-error' : ''}" />
              <p class="hint" id="webhook-hint">${this.t('Alamat https yang menerima setiap nilai rendah (JSON bertanda tangan HMAC-SHA256). Kosongkan bila tidak ada.', 'An https address that receives each low score (JSON signed with HMAC-SHA256). Leave empty when there is none.')}</p>
              ${this.fieldError('alertWebhookUrl', 'webhook-url')}
            </div>
            <div class="field wide">
              <label for="webhook-secret">${this.t('Rahasia webhook (minimal 16 karakter)', 'Webhook secret (at least 16 characters)')}</label>
              <input id="webhook-secret" name="alertWebhookSecret" type="password" autocomplete="new-password" maxlength="200"
                aria-describedby="webhook-secret-hint${this.failure?.fields.alertWebhookSecret ? ' webhook-secret-error' : ''}" />
              <p class="hint" id="webhook-secret-hint">${office.alertWebhookSecretSet ? this.t('Sudah diatur; isi hanya untuk menggantinya.', 'Set; fill in only to replace it.') : this.t('Belum diatur.', 'Not set.')}</p>
              ${this.fieldError('alertWebhookSecret', 'webhook-secret')}
            </div>
            <button type="submit" ?disabled=${this.busy}>${this.t('Simpan pengaturan', 'Save settings')}</button>
          </form>`
          : ''
      }
      ${this.renderStatus()}
    </section>
      <pacak-allowed-sites .context=${this.context}></pacak-allowed-sites></div>`;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const office = this.office;
    if (!office) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    const wanted = {
      complaintUrl: text('complaintUrl'),
      privacyContact: text('privacyContact'),
      timezone: String(data.get('timezone')),
      feedbackLowScore: Number(data.get('feedbackLowScore')),
      feedbackTargetDays: Number(data.get('feedbackTargetDays')),
      alertWebhookUrl: text('alertWebhookUrl'),
    };
    const body: Record<string, unknown> = Object.fromEntries(
      Object.entries(wanted).filter(([key, value]) => value !== office[key as keyof OfficeSettings]),
    );
    // The secret is never shown: it is sent only when one is typed.
    const secret = String(data.get('alertWebhookSecret') ?? '');
    if (secret) body.alertWebhookSecret = secret;
    if (!Object.keys(body).length) {
      this.failure = null;
      this.status = this.t('Tidak ada yang berubah.', 'Nothing changed.');
      return;
    }
    const saved = await this.run(
      () => this.context.api.patch<OfficeSettings>('/admin/office', body),
      this.t('Pengaturan disimpan.', 'Settings saved.'),
    );
    if (!saved) return;
    this.office = saved;
    const secretInput = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('[name=alertWebhookSecret]');
    if (secretInput) secretInput.value = '';
  }
}

if (!customElements.get('pacak-console-settings')) customElements.define('pacak-console-settings', PacakConsoleSettings);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-settings': PacakConsoleSettings;
  }
}
