import { html, type Html } from '../http/html.js';
import { evidenceVerification } from '../services/reports/evidence-verification.js';
import type { EmployeeReport, GroupReport, RankingReport, SummaryReport } from '../services/reports/report-builders.js';
import { employeeTables, groupTables, rankingTables, summaryTables, type Cell, type Table } from '../services/reports/report-tables.js';
import type { PageParts } from './page.js';
import { SHARED_STRINGS, TABLE_WORDS_EN, type PageLang } from './shared-page-strings.js';

export type SharedReportData = SummaryReport | GroupReport | RankingReport | EmployeeReport;
export type Verdict = 'authentic' | 'not-authentic' | 'expired' | 'revoked';

export interface SharedPageInput {
  lang: PageLang;
  /** `verify`: the address printed on an evidence PDF; `share`: a report link an admin handed out. */
  kind: 'verify' | 'share';
  verdict: Verdict;
  /** The report, computed now; only for an authentic link. */
  report?: SharedReportData;
  /** The evidence's verification code (the first characters of the link's id, as printed). */
  code?: string;
  /** The same address in the other language. */
  otherLanguageHref: string;
}

const STYLE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f6f4;color:#1b1f1d}
header{padding:.75rem 1rem;background:#00695c;color:#fff;font-weight:600}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0}
h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
section,.verdict{background:#fff;border-radius:12px;padding:1rem 1.25rem;margin:1rem 0}
.verdict{border-left:8px solid #b42318}
.verdict.ok{border-left-color:#1b7f3b}
.verdict strong{display:block;font-size:1.5rem}
dl{display:grid;grid-template-columns:minmax(9rem,max-content) 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
@media (max-width:40rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #c5d0c9;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#e6efe9}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:#4a5550;font-size:.9rem}
a{color:#00574c}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
@media print{body{background:#fff}header{background:#fff;color:#000;border-bottom:2px solid #000}
nav{display:none}section,.verdict{padding:0;margin:.75rem 0}.scroll{overflow:visible}table{font-size:8pt}
section{break-inside:auto}tr{break-inside:avoid}}`;

function tablesOf(report: SharedReportData, lang: PageLang): Table[] {
  switch (report.report) {
    case 'summary':
      return summaryTables(report as SummaryReport, lang);
    case 'work-areas':
      return groupTables(report as GroupReport, lang);
    case 'service-types':
      return groupTables(report as GroupReport, lang);
    case 'ranking':
      return rankingTables(report as RankingReport, lang);
    default:
      return employeeTables(report as EmployeeReport, lang);
  }
}

/** A page anyone with the link may open must not show phone numbers, masked or not. */
function withoutPhones(table: Table): Table {
  const drop = table.columns.map((column, i) => (/^No HP$/i.test(column.header) ? i : -1)).filter((i) => i >= 0);
  if (!drop.length) return table;
  return {
    ...table,
    columns: table.columns.filter((_, i) => !drop.includes(i)),
    rows: table.rows.map((row) => row.filter((_, i) => !drop.includes(i))),
  };
}

const word = (text: string, lang: PageLang): string => {
  if (lang === 'id') return text;
  return (
    TABLE_WORDS_EN[text] ??
    text.replace(/\(([^)]+)\)/, (all, inner: string) => (TABLE_WORDS_EN[inner] ? `(${TABLE_WORDS_EN[inner]})` : all))
  );
};

function cell(value: Cell, kind: string, lang: PageLang): Html {
  if (value === null) return html`<td>–</td>`;
  if (typeof value === 'number') {
    const digits = kind === 'integer' ? 0 : 2;
    return html`<td class="n">${value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits })}</td>`;
  }
  return html`<td>${word(value, lang)}</td>`;
}

function tableHtml(table: Table, index: number, lang: PageLang, report: SharedReportData): Html {
  const t = SHARED_STRINGS[lang];
  // The method's text comes in both languages from the report itself.
  const rows = table.rows.map((row) => (row[0] === 'Metode' ? ['Metode', report.method[lang]] : row));
  const id = `table-${index}`;
  return html`<section aria-labelledby="${id}">
    <h2 id="${id}">${word(table.name, lang)}</h2>
    ${
      rows.length
        ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="${id}">
            <table>
              <thead>
                <tr>
                  ${table.columns.map((column) => html`<th scope="col">${word(column.header, lang)}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) =>
                    html`<tr>
                      ${row.map((value, i) => cell(value, table.columns[i]?.kind ?? 'text', lang))}
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">${t.empty}</p>`
    }
  </section>`;
}

function certified(report: SharedReportData, lang: PageLang, code?: string): Html {
  const t = SHARED_STRINGS[lang];
  const employee = 'employee' in report ? report.employee : null;
  const figures = 'figures' in report ? report.figures : null;
  const number = (value: number, digits: number) =>
    value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const row = (label: string, value: string) =>
    html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  return html`<section aria-labelledby="certified">
    <h2 id="certified">${t.certified}</h2>
    <dl>
      ${row(t.report, t.reports[report.report as keyof typeof t.reports] ?? report.report)} ${row(t.office, report.office.name)}
      ${employee ? [row(t.employee, employee.name), employee.nip ? row(t.nip, employee.nip) : '', row(t.position, employee.position || '–'), row(t.workArea, employee.workArea.name)] : []}
      ${row(t.period, `${report.period.from} ${t.until} ${report.period.to} (${report.office.timeZone})`)}
      ${
        figures
          ? [
              row(t.count, `${figures.count} (${t.verified} ${figures.verifiedCount})`),
              row(t.overall, figures.overall === null ? '–' : `${number(figures.overall, 2)} ${t.outOf5}`),
              row(
                t.score,
                figures.score === null ? t.none : `${number(figures.score, 1)} (${figures.grade} ${word(figures.gradeLabel ?? '', lang)})`,
              ),
            ]
          : []
      }
      ${code ? row(t.code, code) : ''}
      ${code && 'figures' in report ? row(t.fingerprint, `${evidenceVerification(report).fingerprint} (${t.fingerprintHint})`) : ''}
      ${row(t.generated, report.generatedAt)}
    </dl>
  </section>`;
}

/**
 * The page a person's browser gets for a share link or an evidence PDF's verification address: the
 * verdict first (for a verification), what the document certifies, then the report's tables, in
 * Indonesian or English. Printable, no script, no phone numbers.
 */
export function sharedPage(input: SharedPageInput): PageParts {
  const t = SHARED_STRINGS[input.lang];
  const { report } = input;
  const title = input.kind === 'verify' ? t.verifyTitle : t.reportTitle;
  const ok = input.verdict === 'authentic';
  const [heading, explanation] =
    input.kind === 'verify' ? t.verdict[input.verdict] : ok ? [null, null] : t.linkGone[input.verdict as Exclude<Verdict, 'authentic'>];
  const body = html`<header>${t.brand}</header>
    <main>
      <nav><a href="${input.otherLanguageHref}" lang="${input.lang === 'id' ? 'en' : 'id'}">${t.otherLanguage}</a></nav>
      <h1>${title}</h1>
      ${
        heading
          ? html`<div class="verdict${ok ? ' ok' : ''}">
              <strong>${heading}</strong>
              <p>${explanation}</p>
            </div>`
          : ''
      }
      ${report ? [certified(report, input.lang, input.code), ...tablesOf(report, input.lang).map((table, i) => tableHtml(withoutPhones(table), i, input.lang, report))] : []}
      <p class="muted">${t.print}</p>
    </main>`;
  return { title: heading ? `${heading} · ${title}` : title, style: STYLE, body, lang: input.lang };
}
