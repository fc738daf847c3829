import { Op, type Sequelize } from 'sequelize';
import { normaliseStaffId, staffIdProblems } from '../../domain/nip.js';
import { Employee, WorkArea } from '../../db/models/index.js';
import { badRequest, invalid, ProblemError, problemType } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import { issuePublicCode } from '../catalogue/catalogue.js';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv.js';
import { officeOf, plainText, uniqueOr409 } from './fields.js';
import { COLUMN_LABELS, kindOf, mapHeader, squash, type ImportColumn } from './import-columns.js';

export const MAX_IMPORT_LINES = 10_000;

export interface LineReport {
  line: number;
  nip: string;
  name: string;
  action: 'add' | 'change' | 'unchanged' | 'refuse';
  changes?: Record<string, { from: unknown; to: unknown }>;
  problems?: { column: string; message: string }[];
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  delimiter: string;
  summary: Record<LineReport['action'], number>;
  ignoredColumns: string[];
  lines: LineReport[];
}

interface Planned {
  report: LineReport;
  values?: { nip: string; name: string; position: string; kind: Employee['kind']; workAreaId: number; active: true };
  existing?: Employee;
}

const nameRule = plainText(200);
const positionRule = plainText(200, 0);

/**
 * Imports the office's staff from a personnel export (CSV). Every line is checked first and the
 * answer says, line by line, what would be added, changed or refused and why. Nothing is written
 * unless every line is acceptable, and then all of it in one transaction. Employees missing from
 * the file are left as they are: an export of one work area does not deactivate the others.
 */
export class EmployeeImporter {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
  ) {}

  async run(actor: Actor, csv: string, dryRun: boolean): Promise<ImportReport> {
    const officeId = officeOf(actor);
    const { header, rows, delimiter } = this.#read(csv);
    const map = mapHeader(header);
    if (map.missing.length || map.repeated.length) {
      throw invalid(
        [
          ...map.missing.map((column) => ({ path: 'header', message: `has no ${COLUMN_LABELS[column]} column`, code: 'missing_column' })),
          ...map.repeated.map((column) => ({
            path: 'header',
            message: `names the ${COLUMN_LABELS[column]} column twice`,
            code: 'repeated_column',
          })),
        ],
        'The header line must name the columns NIP, Nama, Unit Kerja (or Wilker) and Jenis; Jabatan is optional.',
      );
    }
    const areas = await WorkArea.findAll({ where: { officeId } });
    const known = new Map<string, Employee>();
    const nips = rows.map((row) => this.#cell(row.fields, map.columns.nip));
    for (let i = 0; i < nips.length; i += 500) {
      const chunk = [
        ...new Set(
          nips.slice(i, i + 500).flatMap((nip) => [nip.trim(), normaliseStaffId(nip, 'asn'), normaliseStaffId(nip, 'outsourced')]),
        ),
      ];
      for (const employee of await Employee.findAll({ where: { nip: { [Op.in]: chunk } } })) known.set(employee.nip, employee);
    }
    const firstLine = new Map<string, number>();
    const planned = rows.map((row) => this.#plan(row, map.columns, header.length, areas, known, firstLine, officeId));
    const lines = planned.map((plan) => plan.report);
    const summary = { add: 0, change: 0, unchanged: 0, refuse: 0 };
    for (const line of lines) summary[line.action]++;
    const report: ImportReport = { dryRun, applied: false, delimiter, summary, ignoredColumns: map.ignored, lines };

    if (summary.refuse) {
      throw new ProblemError({
        type: problemType('import-refused'),
        title: 'Import refused',
        status: 422,
        detail: `${summary.refuse} of ${lines.length} lines are refused${dryRun ? '' : '; nothing was imported'}.`,
        errors: lines.flatMap((line) =>
          (line.problems ?? []).map((problem) => ({
            path: `line.${line.line}.${problem.column}`,
            message: problem.message,
            code: 'refused_line',
          })),
        ),
        ...report,
      });
    }
    if (dryRun) return report;
    await uniqueOr409(
      () => this.#apply(actor, officeId, planned, summary),
      'A NIP or staff code in the file (added meanwhile by someone else)',
    );
    return { ...report, applied: true };
  }

  #read(csv: string): { header: string[]; rows: { line: number; fields: string[] }[]; delimiter: string } {
    let records;
    const delimiter = detectDelimiter(csv.replace(/^\uFEFF/, ''));
    try {
      records = parseCsv(csv, delimiter);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw badRequest(`The CSV file is malformed at ${error.message}.`);
      throw error;
    }
    const [header, ...rows] = records;
    if (!header || rows.length === 0)
      throw invalid([{ path: 'body', message: 'needs a header line and at least one employee line', code: 'empty_import' }]);
    if (rows.length > MAX_IMPORT_LINES)
      throw invalid([{ path: 'body', message: `may hold at most ${MAX_IMPORT_LINES} employee lines`, code: 'too_many_lines' }]);
    return { header: header.fields, rows, delimiter: delimiter === '\t' ? 'tab' : delimiter };
  }

  #cell(fields: string[], index: number | undefined): string {
    return index === undefined ? '' : (fields[index] ?? '').trim();
  }

  #plan(
    row: { line: number; fields: string[] },
    columns: Partial<Record<ImportColumn, number>>,
    width: number,
    areas: WorkArea[],
    known: Map<string, Employee>,
    firstLine: Map<string, number>,
    officeId: number,
  ): Planned {
    const cell = (column: ImportColumn) => this.#cell(row.fields, columns[column]);
    const problems: { column: string; message: string }[] = [];
    const refuse = (column: ImportColumn, message: string) => problems.push({ column: COLUMN_LABELS[column], message });
    if (row.fields.slice(width).some((field) => field.trim())) {
      problems.push({
        column: 'line',
        message: `has ${row.fields.length} fields but the header has ${width}: is a separator inside an unquoted field?`,
      });
    }

    const kind = kindOf(cell('kind'));
    if (!kind) refuse('kind', `"${cell('kind')}" is not ASN, PPPK or outsourced (Alih Daya)`);
    const nip = normaliseStaffId(cell('nip'), kind ?? 'asn');
    if (!nip) refuse('nip', 'is empty');
    else if (kind) for (const message of staffIdProblems(nip, kind)) refuse('nip', message);
    const name = nameRule.safeParse(cell('name'));
    if (!name.success) refuse('name', name.error.issues[0]?.message ?? 'is not valid');
    const position = positionRule.safeParse(cell('position'));
    if (!position.success) refuse('position', position.error.issues[0]?.message ?? 'is not valid');
    const areaCell = squash(cell('workArea'));
    const area = areas.find((candidate) => squash(candidate.code) === areaCell || squash(candidate.name) === areaCell);
    if (!area) refuse('workArea', `"${cell('workArea')}" is not a work area of this office (give its code or its name)`);
    else if (!area.active) refuse('workArea', `"${area.name}" is deactivated`);

    const earlier = nip ? firstLine.get(nip) : undefined;
    if (earlier !== undefined) refuse('nip', `appears already on line ${earlier}`);
    else if (nip) firstLine.set(nip, row.line);
    const existing = known.get(nip);
    if (existing && existing.officeId !== officeId)
      refuse('nip', 'is registered with another office; that office must deactivate and release it first');

    const report: LineReport = { line: row.line, nip, name: cell('name'), action: 'refuse' };
    if (problems.length || !kind || !area || !name.success || !position.success) return { report: { ...report, problems } };
    const values = { nip, name: name.data, position: position.data, kind, workAreaId: area.id, active: true as const };
    if (!existing) return { report: { ...report, action: 'add' }, values };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['name', 'position', 'kind', 'active'] as const) {
      if (existing[key] !== values[key]) changes[key] = { from: existing[key], to: values[key] };
    }
    if (existing.workAreaId !== area.id) {
      changes.workArea = { from: areas.find((candidate) => candidate.id === existing.workAreaId)?.code ?? null, to: area.code };
    }
    return {
      report: {
        ...report,
        action: Object.keys(changes).length ? 'change' : 'unchanged',
        ...(Object.keys(changes).length ? { changes } : {}),
      },
      values,
      existing,
    };
  }

  async #apply(actor: Actor, officeId: number, planned: Planned[], summary: ImportReport['summary']): Promise<void> {
    await this.db.transaction(async (transaction) => {
      for (const { report, values, existing } of planned) {
        if (!values || report.action === 'unchanged') continue;
        if (existing) {
          await existing.update(values, { transaction });
        } else {
          const created = await Employee.create({ ...values, officeId }, { transaction });
          await issuePublicCode(created.id, transaction);
        }
      }
      const nipsOf = (action: LineReport['action']) =>
        planned.filter((plan) => plan.report.action === action).map((plan) => plan.report.nip);
      await this.audit.record(
        actor,
        {
          officeId,
          action: 'employee.import',
          targetType: 'employee',
          changes: { summary, added: nipsOf('add'), changed: nipsOf('change') },
        },
        transaction,
      );
    });
  }
}
