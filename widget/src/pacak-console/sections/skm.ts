import { LitElement, html, nothing } from 'lit';
import { asApiError } from '../../api.js';
import type { ConsoleContext } from '../admin-api.js';
import { screenStyles } from '../pacak-console.styles.js';
import { skmWords, type SkmReportView } from './skm-words.js';

const currentQuarter = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
};
const fixed = (value: number | null, digits: number, lang: 'id' | 'en') =>
  value === null ? '-' : lang === 'id' ? value.toFixed(digits).replace('.', ',') : value.toFixed(digits);

/**
 * The office's SKM (PermenPANRB 14/2017) in the console at `/admin/skm/<period>`: the IKM table per
 * element, the respondent profile, the trend, the lowest element with its follow-up plan (an admin
 * edits it here), the sample, the survey settings in force, and publishing the result.
 */
export class PacakConsoleSkm extends LitElement {
  static override styles = screenStyles;

  static override properties = {
    context: { attribute: false },
    report: { state: true },
    message: { state: true },
    published: { state: true },
  };

  /** Given by the console; the subpath is the period key. */
  context?: ConsoleContext;
  private report?: SkmReportView;
  private message = '';
  private published = '';
  #loaded = '';

  private get period(): string {
    const subpath = this.context?.subpath ?? '';
    return /^\d{4}(-(Q[1-4]|H[12]))?$/.test(subpath) ? subpath : currentQuarter();
  }

  /** The console gives the context before anything loads or is sent, so its absence is a wiring error. */
  get #context(): ConsoleContext {
    if (!this.context) throw new Error('the SKM section has no console context');
    return this.context;
  }

  override willUpdate(): void {
    if (this.context && this.#loaded !== this.period) {
      this.#loaded = this.period;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    try {
      this.report = await this.#context.api.get<SkmReportView>('/reports/skm', { period: this.period });
      this.message = '';
    } catch (error) {
      this.message = asApiError(error).problem?.detail ?? skmWords[this.#context.lang].failed;
    }
  }

  override render() {
    const context = this.context;
    if (!context) return nothing;
    const w = skmWords[context.lang];
    const lang = context.lang;
    const r = this.report;
    const admin = context.session.role === 'admin';
    return html`<div class="stack">
      <h2>${w.title}</h2>
      <form class="row" @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget as HTMLFormElement).get('period');
        context.navigate(`/admin/skm/${String(value)}`);
      }}>
        <label class="field">${w.period} <input name="period" .value=${this.period} pattern="\\d{4}(-(Q[1-4]|H[12]))?" aria-describedby="period-hint" /></label>
        <span id="period-hint" class="muted">${w.periodHint}</span>
        <button type="submit">${w.show}</button>
      </form>
      ${this.message ? html`<p class="field-error" role="alert">${this.message}</p>` : nothing}
      ${r ? this.#renderReport(r, w, lang, admin) : nothing}
    </div>`;
  }

  #renderReport(r: SkmReportView, w: (typeof skmWords)['id'], lang: 'id' | 'en', admin: boolean) {
    const res = r.result;
    const lowest = r.lowest[0];
    return html`<section class="card" aria-labelledby="skm-ikm">
        <h3 id="skm-ikm">${r.period.label[lang]}</h3>
        <p><strong data-ikm>${fixed(res.ikm, 2, lang)}</strong> · ${res.grade && res.gradeLabel ? `${res.grade} ${res.gradeLabel[lang]}` : w.noData} · ${res.respondents} ${w.respondents}</p>
        <p>${r.sample ? (r.sample.sufficient ? w.sampleOk(r.sample.minimum) : w.sampleShort(r.sample.minimum, r.sample.shortBy)) : w.noPopulation}</p>
      </section>
      <section class="card" aria-labelledby="skm-table">
        <h3 id="skm-table">${w.table}</h3>
        <div class="scroll" tabindex="0" role="region" aria-label=${w.table}>
          <table>
            <thead><tr><th scope="col">${w.element}</th><th scope="col">${w.answers}</th><th scope="col">NRR</th><th scope="col">${w.weighted}</th><th scope="col">${w.converted}</th><th scope="col">${w.grade}</th></tr></thead>
            <tbody>${res.elements.map(
              (e) =>
                html`<tr><th scope="row">U${e.number} ${e.name[lang]}</th><td>${e.count}</td><td>${fixed(e.nrr, 3, lang)}</td><td>${fixed(e.weightedNrr, 3, lang)}</td><td>${fixed(e.converted, 2, lang)}</td><td>${e.grade ?? w.notApplicable}</td></tr>`,
            )}</tbody>
          </table>
        </div>
      </section>
      <section class="card" aria-labelledby="skm-profile">
        <h3 id="skm-profile">${w.profile}</h3>
        <ul>${(['sex', 'ageGroup', 'education', 'occupation'] as const).map(
          (field) =>
            html`<li>${
              r.profile[field]
                .filter((row) => row.count)
                .map((row) => `${row.label[lang]} ${row.count} (${fixed(row.percent, 1, lang)}%)`)
                .join(', ') || '-'
            }</li>`,
        )}</ul>
        <h3>${w.trend}</h3>
        <ul>${r.trend.map((row) => html`<li>${row.label[lang]}: ${fixed(row.ikm, 2, lang)} ${row.grade ?? ''} (${row.respondents})</li>`)}</ul>
      </section>
      ${lowest ? this.#renderFollowUp(r, lowest, w, lang, admin) : nothing}
      ${
        admin
          ? html`<section class="card" aria-labelledby="skm-publish"><h3 id="skm-publish">${w.publish}</h3>
            <button type="button" @click=${this.#publish}>${w.publishButton}</button>
            ${this.published ? html`<p class="ok" role="status">${w.publishedAt} <a href=${this.published}>${this.published}</a></p>` : nothing}
          </section>`
          : nothing
      }`;
  }

  #renderFollowUp(
    r: SkmReportView,
    lowest: SkmReportView['lowest'][number],
    w: (typeof skmWords)['id'],
    lang: 'id' | 'en',
    admin: boolean,
  ) {
    const plan = lowest.followUp;
    return html`<section class="card" aria-labelledby="skm-follow-up">
      <h3 id="skm-follow-up">${w.followUp}</h3>
      <p>${w.lowest}: <strong>${lowest.name[lang]}</strong> (NRR ${fixed(lowest.nrr, 2, lang)})</p>
      ${
        admin
          ? html`<form class="form" @submit=${(event: SubmitEvent) => this.#saveFollowUp(event, r.period.key, lowest.code)}>
            <label class="field">${w.plan}<textarea name="plan" rows="3" required .value=${plan?.plan ?? ''}></textarea></label>
            <label class="field">${w.status}<select name="status">${(['direncanakan', 'berjalan', 'selesai'] as const).map(
              (status) => html`<option value=${status} ?selected=${plan?.status === status}>${w.statuses[status]}</option>`,
            )}</select></label>
            <button type="submit">${w.save}</button>
          </form>`
          : html`<p>${plan ? `${plan.plan} (${w.statuses[plan.status as 'selesai'] ?? plan.status})` : w.noPlan}</p>`
      }
    </section>`;
  }

  async #saveFollowUp(event: SubmitEvent, period: string, element: string): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    try {
      await this.#context.api.put('/admin/skm/follow-ups', {
        period,
        element,
        plan: String(data.get('plan') ?? ''),
        status: String(data.get('status')),
      });
      await this.#load();
    } catch (error) {
      this.message = asApiError(error).problem?.detail ?? skmWords[this.#context.lang].failed;
    }
  }

  #publish = async (): Promise<void> => {
    try {
      this.published = (await this.#context.api.post<{ url: string }>('/admin/skm/publications', { period: this.period })).url;
    } catch (error) {
      this.message = asApiError(error).problem?.detail ?? skmWords[this.#context.lang].failed;
    }
  };
}

if (!customElements.get('pacak-console-skm')) customElements.define('pacak-console-skm', PacakConsoleSkm);

declare global {
  interface HTMLElementTagNameMap {
    'pacak-console-skm': PacakConsoleSkm;
  }
}
