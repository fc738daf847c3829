import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { readQuery, writeQuery } from '../admin/address-query.js';
import { AdminScreen } from '../admin/admin-screen.js';

interface Flag {
  kind: string;
  detail: string;
  count: number;
  ratings: { id: number }[];
  employee?: { nip: string; name: string };
  day?: string;
  key?: string;
}

interface AnomalyReport {
  period: { from: string; to: string };
  flags: Record<string, Flag[]>;
}

/** The server's flag groups, in the order the report lists them, with their names in both languages. */
const GROUPS: [key: string, id: string, en: string][] = [
  ['outsideHours', 'Di luar jam layanan', 'Outside service hours'],
  ['bursts', 'Beruntun dalam waktu singkat', 'Bursts in a short time'],
  ['aboveMedian', 'Jauh di atas median wilayah kerja', 'Far above the work area median'],
  ['phoneManyEmployees', 'Satu nomor menilai banyak pegawai', 'One number rating many employees'],
  ['addressManyRatings', 'Banyak penilaian dari satu alamat', 'Many ratings from one address'],
];

/**
 * The anomaly report on a screen: for a period (at most 92 days; the last 30 by default), each kind of
 * pattern with its flags, and each flag linking to the moderation list of exactly the ratings behind
 * it, where an admin looks and, where warranted, voids with a reason. Admins only.
 */
export class PacakConsoleAnomalies extends AdminScreen {
  static override properties = { ...AdminScreen.properties, report: { state: true }, period: { state: true } };

  protected readonly roles = ['admin'] as const;
  declare report: AnomalyReport | null;
  declare period: { from: string; to: string };

  constructor() {
    super();
    this.report = null;
    this.period = { from: '', to: '' };
  }

  /** The period in the address; without one the server's default (the last 30 days of the office's own calendar). */
  protected override readAddress(): void {
    const asked = readQuery(['from', 'to'] as const);
    this.period = { from: asked.from || '', to: asked.to || '' };
  }

  protected async load(): Promise<void> {
    const asked = Object.fromEntries(Object.entries(this.period).filter(([, day]) => day));
    this.report = (await this.run(() => this.context.api.get<AnomalyReport>('/reports/anomalies', asked))) ?? null;
    if (this.report) this.period = { ...this.report.period };
  }

  protected renderScreen(): TemplateResult {
    return html`<div class="grid">
      <section class="card" aria-labelledby="anomalies-title">
        <h2 id="anomalies-title">${this.t('Anomali penilaian', 'Rating anomalies')}</h2>
        <p class="hint">
          ${this.t(
            'Pola yang patut diperiksa, bukan bukti: loket ramai, Wi-Fi kantor bersama, atau keluarga yang menilai bersama tampak sama.',
            'Patterns worth a look, not proof: a busy post, a shared office Wi-Fi or a family rating together look the same.',
          )}
        </p>
        <form class="filters" @change=${this.#change} @submit=${this.#submit} aria-label=${this.t('Periode', 'Period')}>
          <div class="field"><label for="an-from">${this.t('Dari tanggal', 'From')}</label><input id="an-from" name="from" type="date" required .value=${this.period.from} /></div>
          <div class="field"><label for="an-to">${this.t('Sampai tanggal', 'To')}</label><input id="an-to" name="to" type="date" required .value=${this.period.to} aria-describedby=${this.describedBy('to', 'an-to')} />${this.fieldError('to', 'an-to')}</div>
        </form>
        ${this.renderStatus()}
      </section>
      ${this.report ? this.#renderGroups(this.report) : ''}
    </div>`;
  }

  #renderGroups(report: AnomalyReport): TemplateResult[] {
    return GROUPS.map(([key, id, en]) => this.#renderGroup(key, this.t(id, en), report.flags[key] ?? [], report.period));
  }

  #renderGroup(key: string, title: string, flags: Flag[], period: AnomalyReport['period']): TemplateResult {
    return html`<section class="card" aria-labelledby="group-${key}" data-group=${key}>
      <h3 id="group-${key}">${title} <span class="badge">${flags.length}</span></h3>
      ${
        flags.length
          ? html`<div class="scroll" role="region" tabindex="0" aria-label=${this.tableLabel(title)}>
            <table>
              <thead>
                <tr>
                  <th scope="col">${this.t('Tanggal', 'Day')}</th>
                  <th scope="col">${this.t('Pegawai / kunci', 'Employee / key')}</th>
                  <th scope="col">${this.t('Keterangan', 'Detail')}</th>
                  <th scope="col" class="num">${this.t('Penilaian', 'Ratings')}</th>
                  <th scope="col">${this.t('Periksa', 'Review')}</th>
                </tr>
              </thead>
              <tbody>
                ${flags.map(
                  (flag) => html`<tr>
                  <td>${flag.day ?? `${period.from} – ${period.to}`}</td>
                  <td>${flag.employee ? html`${flag.employee.name}<br /><span class="muted">${flag.employee.nip}</span>` : html`<code>${flag.key ?? ''}</code>`}</td>
                  <td><span lang="en">${flag.detail}</span></td>
                  <td class="num">${flag.count}</td>
                  <td>${this.#link(flag)}</td>
                </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p class="muted">${this.t('Tidak ada tanda pada periode ini.', 'No flags in this period.')}</p>`
      }
    </section>`;
  }

  /** A real link (it opens in a new tab too) to the moderation list of the flag's ratings. */
  #link(flag: Flag): TemplateResult {
    const href = `/admin/ratings?ids=${flag.ratings.map((rating) => rating.id).join(',')}`;
    const words = this.t(`Lihat ${flag.ratings.length} penilaian`, `See ${flag.ratings.length} ratings`);
    const open = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.context.navigate(href);
    };
    return html`<a href=${href} @click=${open} data-ratings=${flag.ratings.map((rating) => rating.id).join(',')}>${words}</a>`;
  }

  #change(event: Event): void {
    const data = Object.fromEntries(new FormData(event.currentTarget as HTMLFormElement)) as { from: string; to: string };
    if (!data.from || !data.to) return;
    this.period = data;
    writeQuery(data);
    void this.load();
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    this.#change(event);
  }
}

if (!customElements.get('pacak-console-anomalies')) customElements.define('pacak-console-anomalies', PacakConsoleAnomalies);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-anomalies': PacakConsoleAnomalies;
  }
}
