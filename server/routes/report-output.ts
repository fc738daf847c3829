import type { Context } from 'koa';
import type { EmployeeReport, GroupReport, RankingReport, SummaryReport } from '../services/reports/report-builders.js';
import { csvStream, xlsxStream } from '../services/reports/exports.js';
import { employeeTables, groupTables, rankingTables, summaryTables, type Table } from '../services/reports/report-tables.js';

type AnyReport = SummaryReport | GroupReport | RankingReport | EmployeeReport;

function tablesOf(report: AnyReport): Table[] {
  switch (report.report) {
    case 'summary':
      return summaryTables(report as SummaryReport);
    case 'work-areas':
      return groupTables(report as GroupReport, 'Wilayah kerja');
    case 'service-types':
      return groupTables(report as GroupReport, 'Jenis pelayanan');
    case 'ranking':
      return rankingTables(report as RankingReport);
    default:
      return employeeTables(report as EmployeeReport);
  }
}

/** Answers with a report as JSON, or as a CSV or XLSX download named after the report and period. */
export async function sendReport(ctx: Context, report: AnyReport, format: 'json' | 'csv' | 'xlsx'): Promise<void> {
  if (format === 'json') {
    ctx.body = report;
    return;
  }
  const subject = 'employee' in report ? `-${report.employee.nip}` : '';
  const name = `pacak-${report.report}${subject}-${report.period.from}_${report.period.to}.${format}`;
  ctx.set('Content-Disposition', `attachment; filename="${name}"`);
  const tables = tablesOf(report);
  if (format === 'csv') {
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = csvStream(tables[0] as Table);
  } else {
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = xlsxStream(tables);
  }
}
