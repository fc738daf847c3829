import { REPORT_NAMES, sayIn, type ExportLang } from './report-tables.js';
import type { ReportHeader } from './reports.js';

/** A period's name as a file name part: "Triwulan III 2026" becomes "triwulan-iii-2026". */
const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The download's file name, in the reader's language: `laporan-pacak-ringkasan-triwulan-iii-2026.xlsx`,
 * `pacak-report-summary-quarter-iii-2026.xlsx` with `lang=en`, the dates when the period has no name,
 * and the employee's NIP for an employee's report. Plain ASCII, so every browser keeps it as it is.
 */
export function exportFileName(report: ReportHeader & { employee?: { nip: string } }, extension: string, lang: ExportLang): string {
  const say = sayIn(lang);
  const names = REPORT_NAMES[report.report] ?? { id: report.report, en: report.report };
  const period = report.period.name ? slug(say(report.period.name.id, report.period.name.en)) : `${report.period.from}_${report.period.to}`;
  const subject = report.employee ? `-${slug(report.employee.nip)}` : '';
  return `${say('laporan-pacak', 'pacak-report')}-${say(names.id, names.en)}${subject}-${period}.${extension}`;
}

/** The evidence PDF's file name: `bukti-pacak-<nip>-<period>.pdf`, `pacak-evidence-…` in English. */
export function evidenceFileName(report: ReportHeader & { employee: { nip: string } }, lang: ExportLang): string {
  const say = sayIn(lang);
  const period = report.period.name ? slug(say(report.period.name.id, report.period.name.en)) : `${report.period.from}_${report.period.to}`;
  return `${say('bukti-pacak', 'pacak-evidence')}-${slug(report.employee.nip)}-${period}.pdf`;
}
