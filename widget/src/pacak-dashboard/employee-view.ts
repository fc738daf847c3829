import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { DashboardStrings } from './dashboard-strings.js';
import type { ExportTarget } from './export-bar.js';
import { figureList, indicatorFigures, trendBlock } from './figure-blocks.js';
import type { TrendMode } from './figure-blocks.js';
import { day } from './format.js';
import { describePeriod } from './period.js';
import type { EmployeeReport } from '../../../contract/index.js';
import { dataTable, groupTable, scrollBox } from './tables.js';

export interface EmployeeViewOptions {
  t: DashboardStrings;
  report: EmployeeReport;
  trend: TrendMode;
  exports: (target: ExportTarget, pdf?: boolean) => TemplateResult;
  onTrend: (mode: TrendMode) => void;
  onBack: () => void;
  /** The overview's own address, when the page has one: back is then a link. */
  backHref?: string | undefined;
}

/**
 * One employee for one period, as a leader reads it for an appraisal: the figures, the indicators,
 * the trend, each service type, the customers' comments (phone numbers masked by the server), and
 * the evidence PDF to attach in E-Kinerja.
 */
export function renderEmployee({ t, report, trend, exports, onTrend, onBack, backHref }: EmployeeViewOptions): TemplateResult {
  const { employee } = report;
  const target: ExportTarget = { report: 'employee', nip: employee.nip, title: employee.name };
  const comments = report.comments.map((c) => [day(c.date, t), c.serviceType, c.phone, c.verified ? t.yes : t.no, c.comment]);
  return html`<div class="grid">
    <section class="card wide" aria-labelledby="employee-name" data-section="employee">
      ${
        backHref
          ? html`<a class="back" href=${backHref}>← ${t.back}</a>`
          : html`<button type="button" class="secondary back" @click=${onBack}>← ${t.back}</button>`
      }
      <h2 id="employee-name" tabindex="-1">${employee.name}</h2>
      <dl class="facts">
        <div><dt>${t.nip}</dt><dd>${employee.nip}</dd></div>
        <div><dt>${t.position}</dt><dd>${employee.position || t.none}</dd></div>
        <div><dt>${t.workArea}</dt><dd>${employee.workArea.name}</dd></div>
        <div><dt>${t.period}</dt><dd>${describePeriod(report.period, t.locale)}</dd></div>
      </dl>
      ${figureList(t, report.figures)}
      ${exports(target, true)}
    </section>
    <section class="card wide" aria-labelledby="employee-indicators">
      <h2 id="employee-indicators">${t.indicators}</h2>
      ${indicatorFigures(t, report.figures, report.stars)}
    </section>
    <section class="card wide" aria-labelledby="employee-trend">
      <h2 id="employee-trend">${t.trend}</h2>
      ${trendBlock({ t, byMonth: report.byMonth, period: report.period, mode: trend, onMode: onTrend })}
    </section>
    <section class="card wide" aria-labelledby="employee-types">
      <h2 id="employee-types">${t.byServiceType}</h2>
      ${report.byServiceType.length ? groupTable(t, t.byServiceType, report.byServiceType) : html`<p class="muted">${t.noRatings}</p>`}
    </section>
    <section class="card wide" aria-labelledby="employee-comments" data-section="comments">
      <h2 id="employee-comments">${t.comments}</h2>
      ${
        comments.length
          ? scrollBox(t.comments, dataTable(t.comments, [t.date, t.serviceType, t.phone, t.verified, t.comments], comments))
          : html`<p class="muted">${t.noComments}</p>`
      }
    </section>
  </div>`;
}
