import type { Context } from 'koa';
import type { EmployeeReport, GroupReport, RankingReport, SummaryReport } from '../services/reports/report-builders.js';
import { csvStream, xlsxStream } from '../services/reports/exports.js';
import { exportFileName } from '../services/reports/export-names.js';
import {
  employeeTables,
  groupTables,
  rankingTables,
  summaryTables,
  type ExportLang,
  type Table,
} from '../services/reports/report-tables.js';

type AnyReport = SummaryReport | GroupReport | RankingReport | EmployeeReport;

function tablesOf(report: AnyReport, lang: ExportLang): Table[] {
  switch (report.report) {
    case 'summary':
      return summaryTables(report as SummaryReport, lang);
    case 'work-areas':
    case 'service-types':
      return groupTables(report as GroupReport, lang);
    case 'ranking':
      return rankingTables(report as RankingReport, lang);
    default:
      return employeeTables(report as EmployeeReport, lang);
  }
}

/** Answers with a report as JSON, or as a CSV or XLSX download named after the report and period. */
export async function sendReport(ctx: Context, report: AnyReport, format: 'json' | 'csv' | 'xlsx', lang: ExportLang = 'id'): Promise<void> {
  if (format === 'json') {
    ctx.body = report;
    return;
  }
  const name = exportFileName(report, format, lang);
  ctx.set('Content-Disposition', `attachment; filename="${name}"`);
  const tables = tablesOf(report, lang);
  if (format === 'csv') {
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = csvStream(tables[0] as Table);
  } else {
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = xlsxStream(tables);
  }
}
