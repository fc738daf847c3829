import { Op, type Sequelize } from 'sequelize';
import { Employee, SkpResult } from '../../../db/models/index.js';
import { periodOf, periodsOfYear } from '../../../domain/appraisal/periods.js';
import { officeOf, uniqueOr409 } from '../../admin/fields.js';
import type { Actor, AuditLog } from '../../admin/audit.js';
import { reportOrRefuse, type ImportLine } from './import-report.js';
import { columnsOf, readImportTable } from './table-reader.js';

type Column = 'nip' | 'period' | 'workResult' | 'behaviour' | 'predikat';
const NAMES: Record<Column, string[]> = {
  nip: ['nip', 'nipnippppk', 'kodepegawai', 'staffcode'],
  period: ['periode', 'periodepenilaian', 'period'],
  workResult: ['hasilkerja', 'ratinghasilkerja', 'workresult'],
  behaviour: ['perilakukerja', 'perilaku', 'ratingperilakukerja', 'behaviour', 'behavior'],
  predikat: ['predikat', 'predikatkinerja', 'predikatkinerjapegawai'],
};
const LABELS: Record<Column, string> = {
  nip: 'NIP',
  period: 'Periode',
  workResult: 'Hasil kerja',
  behaviour: 'Perilaku kerja',
  predikat: 'Predikat',
};

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const LEVELS: Record<string, string> = {
  dibawahekspektasi: 'below',
  sesuaiekspektasi: 'meeting',
  diatasekspektasi: 'above',
  below: 'below',
  meeting: 'meeting',
  above: 'above',
};
const PREDIKAT: Record<string, string> = {
  sangatbaik: 'sangat-baik',
  baik: 'baik',
  butuhperbaikan: 'butuh-perbaikan',
  cukup: 'butuh-perbaikan',
  kurang: 'kurang',
  kurangmisconduct: 'kurang',
  sangatkurang: 'sangat-kurang',
};

/** A period by code (2026-Q3) or by name as E-Kinerja writes it ("Triwulan III 2026", "Semester I 2026", "Oktober 2026", "Tahun 2026"). */
export function periodCodeOf(text: string): string | null {
  if (periodOf(text)) return text;
  const year = Number(/\b(20\d\d)\b/.exec(text)?.[1]);
  if (!year) return null;
  const wanted = squash(text);
  const wholeYear = periodOf(String(year));
  if (!wholeYear) throw new Error(`the year ${year} has no appraisal period`);
  const all = [...periodsOfYear('monthly', year), ...periodsOfYear('quarterly', year), ...periodsOfYear('half-yearly', year), wholeYear];
  return all.find((period) => squash(period.name.id) === wanted || squash(period.name.en) === wanted)?.code ?? null;
}

interface SkpLine extends ImportLine {
  period: string;
  values?: { workResult: string | null; behaviour: string | null; predikat: string | null };
}

/**
 * Imports SKP results per employee per period from CSV or XLSX: the two ratings as the three levels
 * of PermenPANRB 6/2022, and/or the predikat. Checked whole first, written all or nothing.
 */
export class SkpImporter {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
  ) {}

  async run(actor: Actor, body: Buffer, type: 'csv' | 'xlsx', dryRun: boolean) {
    const officeId = officeOf(actor);
    const table = await readImportTable(body, type);
    const at = columnsOf<Column>(table.header, NAMES, ['nip', 'period'], LABELS) as Partial<Record<Column, number>>;
    const cell = (fields: string[], column: Column) => {
      const index = at[column];
      return index === undefined ? '' : (fields[index] ?? '').trim();
    };
    const nips = [...new Set(table.rows.map((row) => cell(row.fields, 'nip')))];
    const employees = new Map<string, Employee>();
    for (let i = 0; i < nips.length; i += 500) {
      for (const e of await Employee.findAll({ where: { officeId, nip: { [Op.in]: nips.slice(i, i + 500) } } })) employees.set(e.nip, e);
    }
    const existing = new Map((await SkpResult.findAll({ where: { officeId } })).map((row) => [`${row.employeeId}|${row.period}`, row]));
    const seen = new Map<string, number>();
    const lines: (SkpLine & { employeeId?: number })[] = table.rows.map(({ line, fields }) => {
      const problems: { column: string; message: string }[] = [];
      const nip = cell(fields, 'nip');
      const employee = employees.get(nip);
      if (!employee) problems.push({ column: LABELS.nip, message: 'is not an employee of this office' });
      const period = periodCodeOf(cell(fields, 'period'));
      if (!period)
        problems.push({
          column: LABELS.period,
          message: 'is not a period: write 2026-Q3, Triwulan III 2026, Semester I 2026, Oktober 2026 or Tahun 2026',
        });
      const level = (column: 'workResult' | 'behaviour') => {
        const text = cell(fields, column);
        if (!text) return null;
        const value = LEVELS[squash(text)];
        if (!value)
          problems.push({ column: LABELS[column], message: 'must be Di bawah ekspektasi, Sesuai ekspektasi or Di atas ekspektasi' });
        return value ?? null;
      };
      const values = { workResult: level('workResult'), behaviour: level('behaviour'), predikat: null as string | null };
      const predikatText = cell(fields, 'predikat');
      if (predikatText) {
        values.predikat = PREDIKAT[squash(predikatText)] ?? null;
        if (!values.predikat)
          problems.push({ column: LABELS.predikat, message: 'must be Sangat Baik, Baik, Butuh Perbaikan, Kurang or Sangat Kurang' });
      }
      if (Boolean(cell(fields, 'workResult')) !== Boolean(cell(fields, 'behaviour')))
        problems.push({ column: LABELS.workResult, message: 'and Perilaku kerja come together, or neither' });
      if (!cell(fields, 'workResult') && !cell(fields, 'behaviour') && !predikatText)
        problems.push({ column: LABELS.predikat, message: 'or the two ratings are needed' });
      const key = `${nip}|${period}`;
      if (period && seen.has(key))
        problems.push({ column: LABELS.period, message: `repeats line ${seen.get(key)} for the same employee and period` });
      else seen.set(key, line);
      // A line without problems has its employee and period; the check says so to the type checker too.
      if (problems.length || !employee || !period)
        return { line, nip, period: period ?? cell(fields, 'period'), action: 'refuse', problems };
      const old = existing.get(`${employee.id}|${period}`);
      const same = old && old.workResult === values.workResult && old.behaviour === values.behaviour && old.predikat === values.predikat;
      return { line, nip, period, action: !old ? 'add' : same ? 'unchanged' : 'change', values, employeeId: employee.id };
    });
    const report = reportOrRefuse(
      lines.map(({ employeeId: _id, ...line }) => line),
      dryRun,
      table.source,
    );
    if (dryRun) return report;
    await uniqueOr409(
      () =>
        this.db.transaction(async (transaction) => {
          for (const line of lines) {
            if (line.action === 'unchanged' || !line.values || !line.employeeId) continue;
            const old = existing.get(`${line.employeeId}|${line.period}`);
            const values = { ...line.values, importedBy: actor.user?.id ?? null };
            if (old) await SkpResult.update(values, { where: { id: old.id }, transaction });
            else await SkpResult.create({ officeId, employeeId: line.employeeId, period: line.period, ...values }, { transaction });
          }
          await this.audit.record(
            actor,
            { officeId, action: 'skp.import', targetType: 'skp_results', changes: { ...report.summary, source: table.source } },
            transaction,
          );
        }),
      'An employee and period in the file (imported meanwhile by someone else)',
    );
    return { ...report, applied: true };
  }
}
