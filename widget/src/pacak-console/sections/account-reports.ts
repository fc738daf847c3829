import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../api.js';
import type { ConsoleContext } from '../admin-api.js';
import { screenStyles } from '../pacak-console.styles.js';

interface Subscription {
  id: number;
  workArea: { code: string; name: string } | null;
  cadence: 'monthly' | 'quarterly';
  nextPeriod: string;
  lastSentAt: string | null;
  lastError: string | null;
}

interface Named {
  code: string;
  name: string;
}

const words = {
  id: {
    title: 'Laporan terjadwal',
    hint: 'Ringkasan kantor atau wilayah kerja dikirim ke surel Anda setelah periodenya berakhir, dengan berkas XLSX dan PDF serta tautan ke laporannya.',
    none: 'Anda belum berlangganan laporan.',
    office: 'Seluruh kantor',
    scope: 'Laporan',
    cadence: 'Jadwal',
    monthly: 'Bulanan',
    quarterly: 'Triwulanan',
    subscribe: 'Berlangganan',
    unsubscribe: 'Berhenti',
    next: 'berikutnya',
    failed: 'Tidak dapat disimpan.',
    noMail: 'Isi alamat surel Anda di atas agar laporan dapat dikirim.',
  },
  en: {
    title: 'Scheduled reports',
    hint: "The office's or a work area's summary is mailed to you after its period closes, with XLSX and PDF files and a link to the report.",
    none: 'You have no scheduled reports.',
    office: 'The whole office',
    scope: 'Report',
    cadence: 'Schedule',
    monthly: 'Monthly',
    quarterly: 'Quarterly',
    subscribe: 'Subscribe',
    unsubscribe: 'Stop',
    next: 'next',
    failed: 'Could not be saved.',
    noMail: 'Fill in your e-mail address above so reports can be sent.',
  },
};

/** The signed-in reader's scheduled reports by mail: subscribe to a summary monthly or quarterly, or stop. */
export class PacakAccountReports extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    subscriptions: { state: true },
    areas: { state: true },
    message: { state: true },
  };

  /** Given by the console. */
  context?: ConsoleContext;
  private subscriptions: Subscription[] | null = null;
  private areas: Named[] = [];
  private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const api = this.context?.api;
    if (!api) return;
    const me = await api.get<{ role: string; workArea: string | null }>('/admin/me').catch(() => null);
    if (!me || me.role === 'superadmin') return;
    if (me.role === 'admin') {
      this.areas = (await api.get<{ workAreas: Named[] }>('/admin/work-areas').catch(() => ({ workAreas: [] }))).workAreas;
    } else if (me.role === 'coordinator' && me.workArea) {
      this.areas = [{ code: me.workArea, name: me.workArea }];
    }
    this.subscriptions = (await api.get<{ subscriptions: Subscription[] }>('/admin/report-subscriptions')).subscriptions;
  }

  override render() {
    const context = this.context;
    if (!context || !this.subscriptions) return nothing;
    const w = words[context.lang];
    const coordinator = context.session.role === 'coordinator';
    return html`<section class="card" aria-labelledby="reports-title">
      <h2 id="reports-title">${w.title}</h2>
      <p class="muted">${w.hint}</p>
      ${
        this.subscriptions.length
          ? html`<ul data-subscriptions>
            ${this.subscriptions.map(
              (row) => html`<li data-subscription=${row.id}>
                ${row.workArea?.name ?? w.office} · ${w[row.cadence]} · ${w.next}: ${row.nextPeriod}${row.lastError ? html` · <span class="notice">${row.lastError}</span>` : nothing}
                <button type="button" class="secondary small" @click=${() => this.unsubscribe(row)}>${w.unsubscribe}<span class="visually-hidden"> ${row.workArea?.name ?? w.office}</span></button>
              </li>`,
            )}
          </ul>`
          : html`<p>${w.none}</p>`
      }
      <form class="form" @submit=${this.subscribe}>
        <div class="field">
          <label for="sub-scope">${w.scope}</label>
          <select id="sub-scope" name="workArea">
            ${coordinator ? nothing : html`<option value="">${w.office}</option>`}
            ${this.areas.map((area) => html`<option value=${area.code}>${area.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="sub-cadence">${w.cadence}</label>
          <select id="sub-cadence" name="cadence">
            <option value="monthly">${w.monthly}</option>
            <option value="quarterly">${w.quarterly}</option>
          </select>
        </div>
        <p class="notice" role="status" ?hidden=${!this.message}>${this.message}</p>
        <div class="row"><button type="submit">${w.subscribe}</button></div>
      </form>
    </section>`;
  }

  private subscribe = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const context = this.context as ConsoleContext;
    const w = words[context.lang];
    const data = new FormData(event.target as HTMLFormElement);
    const workArea = String(data.get('workArea') ?? '');
    this.message = '';
    try {
      const made = await context.api.post<Subscription>('/admin/report-subscriptions', {
        ...(workArea ? { workArea } : {}),
        cadence: String(data.get('cadence')),
      });
      this.subscriptions = [...(this.subscriptions ?? []), made];
    } catch (error) {
      const failure = asApiError(error);
      this.message = [w.failed, failure.problem.detail].filter(Boolean).join(' ');
    }
  };

  private async unsubscribe(row: Subscription): Promise<void> {
    const context = this.context as ConsoleContext;
    try {
      await context.api.delete(`/admin/report-subscriptions/${row.id}`);
      this.subscriptions = (this.subscriptions ?? []).filter((each) => each.id !== row.id);
    } catch (error) {
      this.message = [words[context.lang].failed, asApiError(error).problem.detail].filter(Boolean).join(' ');
    }
  }
}

if (!customElements.get('pacak-account-reports')) customElements.define('pacak-account-reports', PacakAccountReports);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-account-reports': PacakAccountReports;
  }
}
