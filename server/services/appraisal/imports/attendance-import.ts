import { Op, type Sequelize } from 'sequelize';
import { AttendanceMonth, Employee } from '../../../db/models/index.js';
import { officeOf, uniqueOr409 } from '../../admin/fields.js';
import type { Actor, AuditLog } from '../../admin/audit.js';
import { reportOrRefuse } from './import-report.js';
import { columnsOf, readImportTable } from './table-reader.js';

type Column = 'nip' | 'month' | 'year' | 'workingDays' | 'presentDays' | 'leaveDays' | 'absentDays' | 'lateMinutes' | 'earlyLeaveMinutes';
type Counts = Pick<AttendanceMonth, 'workingDays' | 'presentDays' | 'leaveDays' | 'absentDays' | 'lateMinutes' | 'earlyLeaveMinutes'>;
const COUNTS = ['workingDays', 'presentDays', 'leaveDays', 'absentDays', 'lateMinutes', 'earlyLeaveMinutes'] as const;

/** Header names as attendance systems write them (compared as lower-case letters and digits). */
const NAMES: Record<Column, string[]> = {
  nip: ['nip', 'nipnippppk', 'kodepegawai', 'kodestaf', 'staffcode'],
  month: ['bulan', 'periode', 'month'],
  year: ['tahun', 'year'],
  workingDays: ['harikerja', 'jumlahharikerja', 'jmlharikerja', 'workingdays'],
  presentDays: ['hadir', 'jumlahhadir', 'harihadir', 'present', 'presentdays'],
  leaveDays: ['cuti', 'cutiizin', 'izincuti', 'izin', 'leave', 'leavedays'],
  absentDays: ['tanpaketerangan', 'tk', 'alpa', 'alpha', 'absent', 'absentdays'],
  lateMinutes: ['terlambat', 'terlambatmenit', 'menitterlambat', 'tl', 'lateminutes', 'late'],
  earlyLeaveMinutes: ['pulangcepat', 'pulangcepatmenit', 'menitpulangcepat', 'psw', 'earlyleave', 'earlyleaveminutes'],
};
export const LABELS: Record<Column, string> = {
  nip: 'NIP',
  month: 'Bulan',
  year: 'Tahun',
  workingDays: 'Hari kerja',
  presentDays: 'Hadir',
  leaveDays: 'Cuti',
  absentDays: 'Tanpa keterangan',
  lateMinutes: 'Terlambat (menit)',
  earlyLeaveMinutes: 'Pulang cepat (menit)',
};
const REQUIRED: Column[] = ['nip', 'month', ...COUNTS];

export interface AttendanceLine {
  line: number;
  nip: string;
  month: string;
  action: 'add' | 'change' | 'unchanged' | 'refuse';
  values?: Counts;
  problems?: { column: string; message: string }[];
}

/** `2026-07`, `07/2026`, `7-2026`, or a month number 1-12 beside a `Tahun` column. */
function monthOf(text: string, year: string | undefined): string | null {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  const alone = /^\d{1,2}$/.test(text) && year !== undefined && /^\d{4}$/.test(year);
  const [y, m] = iso
    ? [Number(iso[1]), Number(iso[2])]
    : local
      ? [Number(local[2]), Number(local[1])]
      : alone
        ? [Number(year), Number(text)]
        : [NaN, NaN];
  if (!Number.isInteger(y) || y < 2000 || y > 2100 || !Number.isInteger(m) || m < 1 || m > 12) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}

const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/**
 * Imports attendance per employee per month from CSV or XLSX. Like the employee import: every line is
 * checked first and the answer says line by line what would be added, changed or refused; nothing is
 * written unless every line is acceptable, and then all of it in one transaction.
 */
export class AttendanceImporter {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
  ) {}

  async run(actor: Actor, body: Buffer, type: 'csv' | 'xlsx', dryRun: boolean) {
    const officeId = officeOf(actor);
    const table = await readImportTable(body, type);
    const at = columnsOf(table.header, NAMES, REQUIRED, LABELS);
    const cell = (fields: string[], column: Column) => (at[column] === undefined ? '' : (fields[at[column]] ?? '').trim());
    const nips = [...new Set(table.rows.map((row) => cell(row.fields, 'nip')))];
    const employees = new Map<string, Employee>();
    for (let i = 0; i < nips.length; i += 500) {
      for (const e of await Employee.findAll({ where: { officeId, nip: { [Op.in]: nips.slice(i, i + 500) } } })) employees.set(e.nip, e);
    }
    const seen = new Map<string, number>();
    const planned = table.rows.map(({ line, fields }) => {
      const problems: { column: string; message: string }[] = [];
      const nip = cell(fields, 'nip');
      const employee = employees.get(nip);
      if (!employee) problems.push({ column: LABELS.nip, message: 'is not an employee of this office' });
      const month = monthOf(cell(fields, 'month'), at.year === undefined ? undefined : cell(fields, 'year'));
      if (!month) problems.push({ column: LABELS.month, message: 'is not a month: write 2026-07, 07/2026, or 1-12 with a Tahun column' });
      const values = {} as Counts;
      for (const key of COUNTS) {
        const text = cell(fields, key);
        const value = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
        if (Number.isNaN(value)) problems.push({ column: LABELS[key], message: 'must be a whole number, 0 or more' });
        values[key] = value;
      }
      if (month && values.workingDays > daysIn(month))
        problems.push({ column: LABELS.workingDays, message: `is more than the ${daysIn(month)} days of ${month}` });
      if (
        COUNTS.every((key) => !Number.isNaN(values[key])) &&
        values.presentDays + values.leaveDays + values.absentDays !== values.workingDays
      ) {
        problems.push({
          column: LABELS.workingDays,
          message: `do not add up: hadir ${values.presentDays} + cuti ${values.leaveDays} + tanpa keterangan ${values.absentDays} is not ${values.workingDays}`,
        });
      }
      const key = `${nip}|${month}`;
      if (month && seen.has(key))
        problems.push({ column: LABELS.month, message: `repeats line ${seen.get(key)} for the same employee and month` });
      else seen.set(key, line);
      return { line, nip, month: month ?? cell(fields, 'month'), employee, values, problems };
    });
    const existing = new Map<string, AttendanceMonth>();
    const ids = [...new Set(planned.flatMap((p) => (p.employee ? [p.employee.id] : [])))];
    for (let i = 0; i < ids.length; i += 500) {
      for (const row of await AttendanceMonth.findAll({ where: { employeeId: { [Op.in]: ids.slice(i, i + 500) } } }))
        existing.set(`${row.employeeId}|${row.month}`, row);
    }
    const lines: AttendanceLine[] = planned.map((p) => {
      // A line without problems has its employee; the check says so to the type checker too.
      if (p.problems.length || !p.employee) return { line: p.line, nip: p.nip, month: p.month, action: 'refuse', problems: p.problems };
      const old = existing.get(`${p.employee.id}|${p.month}`);
      const action = !old ? 'add' : COUNTS.every((key) => old[key] === p.values[key]) ? 'unchanged' : 'change';
      return { line: p.line, nip: p.nip, month: p.month, action, values: p.values };
    });
    const report = reportOrRefuse(lines, dryRun, table.source);
    const { summary } = report;
    if (dryRun) return report;
    await uniqueOr409(
      () =>
        this.db.transaction(async (transaction) => {
          for (const [i, p] of planned.entries()) {
            if (lines[i]?.action === 'unchanged') continue;
            if (!p.employee) throw new Error(`attendance line ${p.line} has no employee but was not refused`);
            const old = existing.get(`${p.employee.id}|${p.month}`);
            if (old)
              await AttendanceMonth.update({ ...p.values, importedBy: actor.user?.id ?? null }, { where: { id: old.id }, transaction });
            else
              await AttendanceMonth.create(
                { officeId, employeeId: p.employee.id, month: p.month, ...p.values, importedBy: actor.user?.id ?? null },
                { transaction },
              );
          }
          await this.audit.record(
            actor,
            { officeId, action: 'attendance.import', targetType: 'attendance_months', changes: { ...summary, source: table.source } },
            transaction,
          );
        }),
      'An employee and month in the file (imported meanwhile by someone else)',
    );
    return { ...report, applied: true };
  }
}
