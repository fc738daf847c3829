import type { Context } from 'koa';
import { csvStream, xlsxStream } from '../services/reports/exports.js';
import type { SkmReport } from '../services/skm/reports.js';
import { skmTables } from '../services/skm/report-tables.js';

/** Answers with an SKM report as JSON, or as a CSV (the IKM table) or XLSX (every table) download. */
export async function sendSkmReport(ctx: Context, report: SkmReport, format: 'json' | 'csv' | 'xlsx'): Promise<void> {
  if (format === 'json') {
    ctx.body = report;
    return;
  }
  const subject = report.serviceType ? `-${report.serviceType.code}` : '';
  ctx.set('Content-Disposition', `attachment; filename="skm-${report.office.code}${subject}-${report.period.key}.${format}"`);
  const tables = skmTables(report);
  if (format === 'csv') {
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = csvStream(tables[0]);
  } else {
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = xlsxStream(tables);
  }
}
