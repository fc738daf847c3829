import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { OwnComments, OwnFigures, OwnProfile } from '../../../contract/index.js';
import type { EmployeeStrings } from './employee-strings.js';
import { scoreChart } from './score-chart.js';

/** The five PACAK indicators in their order, as the table's column heads. */
const INDICATORS = [
  ['profesional', 'Profesional'],
  ['amanah', 'Amanah'],
  ['cakap', 'Cakap'],
  ['akuntabel', 'Akuntabel'],
  ['kolaboratif', 'Kolaboratif'],
] as const;

const number = (t: EmployeeStrings, value: number | null, digits = 2): string =>
  value === null ? t.none : value.toLocaleString(t.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

const monthName = (t: EmployeeStrings, month: string): string =>
  new Date(`${month}-15T00:00:00Z`).toLocaleDateString(t.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The spans of time the figures may cover (the API takes 1 to 36 months). */
export const MONTH_SPANS = [6, 12, 24, 36] as const;

/** The totals of the period, the month-by-month table and its chart, and the span to show them for. */
export function figuresSection(t: EmployeeStrings, figures: OwnFigures, months: number, choose: (months: number) => void): TemplateResult {
  const { totals, bayesian } = figures;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    choose(Number(new FormData(e.target as HTMLFormElement).get('months')));
  };
  return html`<section class="card wide" aria-labelledby="figures-title" part="figures">
    <h2 id="figures-title">${t.figuresTitle}</h2>
    <form class="range" @submit=${submit}>
      <label
        >${t.range}
        <select name="months">
          ${MONTH_SPANS.map((n) => html`<option value=${n} ?selected=${n === months}>${t.lastMonths(n)}</option>`)}
        </select>
      </label>
      <button type="submit" class="secondary">${t.show}</button>
    </form>
    <p class="muted" aria-live="polite">${t.figuresHint(figures.byMonth.length)}</p>
    <dl class="totals">
      <div><dt>${t.count}</dt><dd>${totals.count}</dd></div>
      <div><dt>${t.score}</dt><dd>${number(t, totals.score, 1)}</dd></div>
      <div><dt>${t.grade}</dt><dd>${totals.grade ? `${totals.grade} ${totals.gradeLabel ?? ''}` : t.none}</dd></div>
      <div><dt>${t.bayesian}</dt><dd>${number(t, bayesian.value, 3)}</dd></div>
    </dl>
    <p class="muted small">${t.bayesianHint(bayesian.minRatings)}</p>
    <figure>
      <figcaption>${t.chartTitle}</figcaption>
      ${scoreChart(figures.byMonth)}
    </figure>
    <div class="scroll" role="region" aria-labelledby="figures-title" tabindex="0">
      <table>
        <thead>
          <tr>
            <th scope="col">${t.month}</th>
            <th scope="col">${t.count}</th>
            ${INDICATORS.map(([, name]) => html`<th scope="col"><abbr title=${name}>${name.slice(0, 3)}</abbr></th>`)}
            <th scope="col">${t.score}</th>
          </tr>
        </thead>
        <tbody>
          ${[...figures.byMonth].reverse().map(
            (row) =>
              html`<tr>
                <th scope="row">${monthName(t, row.month)}</th>
                <td>${row.count}</td>
                ${INDICATORS.map(([code]) => html`<td>${number(t, row.averages[code] ?? null)}</td>`)}
                <td>${number(t, row.score, 1)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** The comments, newest first, one page at a time; nothing of the customer but their words and stars. */
export function commentsSection(t: EmployeeStrings, page: OwnComments, turn: (offset: number) => void): TemplateResult {
  const { comments, total, limit, offset } = page;
  const average = (scores: Record<string, number>) => number(t, INDICATORS.reduce((sum, [code]) => sum + (scores[code] ?? 0), 0) / 5, 1);
  return html`<section class="card" aria-labelledby="comments-title" part="comments">
    <h2 id="comments-title">${t.commentsTitle}</h2>
    <p class="muted small">${t.commentsHint}</p>
    ${
      total === 0
        ? html`<p>${t.noComments}</p>`
        : html`<p class="muted" aria-live="polite">${t.commentsRange(offset + 1, offset + comments.length, total)}</p>
          <ol class="comments">
            ${comments.map(
              (c) =>
                html`<li part="comment">
                  <p class="meta">
                    <time datetime=${c.date}>${new Date(`${c.date}T12:00:00Z`).toLocaleDateString(t.locale, { dateStyle: 'medium', timeZone: 'UTC' })}</time>
                    · ${c.serviceType}
                  </p>
                  <p class="stars">${t.stars(average(c.scores))}</p>
                  <p class="words">${c.comment}</p>
                </li>`,
            )}
          </ol>
          <div class="pager">
            <button type="button" class="secondary" ?disabled=${offset === 0} @click=${() => turn(Math.max(0, offset - limit))}>
              ${t.previous}
            </button>
            <button type="button" class="secondary" ?disabled=${offset + limit >= total} @click=${() => turn(offset + limit)}>${t.next}</button>
          </div>`
    }
  </section>`;
}

/** The QR code the customers scan, its downloads and the printable card: the same addresses as the keypass page. */
export function qrSection(t: EmployeeStrings, origin: string, me: OwnProfile): TemplateResult {
  return html`<section class="card" aria-labelledby="qr-title" part="qr">
    <h2 id="qr-title">${t.qrTitle}</h2>
    <img src="${origin}${me.qr.svg}" width="200" height="200" alt=${t.qrAlt(me.name)} />
    <p class="link">${me.shortLink}</p>
    <p class="actions">
      <a href="${origin}${me.qr.svg}?size=1024&amp;download=1" download>${t.downloadSvg}</a>
      <a href="${origin}${me.qr.png}?size=1024&amp;download=1" download>${t.downloadPng}</a>
      <a href="${origin}${me.card}" target="_blank" rel="noopener">${t.card}</a>
    </p>
  </section>`;
}

/** The periods offered for the evidence PDF: the last four quarters and the last two years, newest first. */
export function evidencePeriods(t: EmployeeStrings, today = new Date()): { code: string; name: string }[] {
  const year = today.getFullYear();
  let quarter = Math.floor(today.getMonth() / 3) + 1;
  let y = year;
  const periods: { code: string; name: string }[] = [];
  for (let i = 0; i < 4; i++) {
    periods.push({ code: `${y}-Q${quarter}`, name: t.quarter(quarter, y) });
    if (--quarter === 0) [quarter, y] = [4, y - 1];
  }
  periods.push({ code: String(year), name: t.year(year) }, { code: String(year - 1), name: t.year(year - 1) });
  return periods;
}

/** The evidence PDF of a chosen period. */
export function evidenceSection(t: EmployeeStrings, busy: boolean, status: string, download: (period: string) => void): TemplateResult {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    download(String(new FormData(e.target as HTMLFormElement).get('period') ?? ''));
  };
  return html`<section class="card" aria-labelledby="evidence-title" part="evidence">
    <h2 id="evidence-title">${t.evidenceTitle}</h2>
    <p class="muted small">${t.evidenceHint}</p>
    <form @submit=${submit}>
      <label
        >${t.period}
        <select name="period">
          ${evidencePeriods(t).map((p) => html`<option value=${p.code}>${p.name}</option>`)}
        </select>
      </label>
      <button type="submit" ?disabled=${busy}>${busy ? t.downloading : t.download}</button>
    </form>
    <p class="muted small" role="status">${status || nothing}</p>
  </section>`;
}
