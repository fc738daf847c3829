import { col, fn } from 'sequelize';
import { AttendanceMonth, SkpResult } from '../../../db/models/index.js';
import { periodOf } from '../../../domain/appraisal/periods.js';
import { officeOf } from '../../admin/fields.js';
import type { Actor } from '../../admin/audit.js';

/** One imported month or period: how many employees have a line for it, and when it last changed. */
export interface ImportedGroup {
  code: string;
  name: { id: string; en: string };
  employees: number;
  updatedAt: string | null;
}

interface Row {
  code: string;
  employees: number | string;
  updatedAt: Date | string | null;
}

/** SQLite answers MAX() of a date as its stored text, the others as a Date. */
function isoOf(value: Date | string | null): string | null {
  if (value === null) return null;
  const date = value instanceof Date ? value : new Date(value.replace(' ', 'T').replace(' ', ''));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const groupOf = (row: Row): ImportedGroup => ({
  code: row.code,
  name: periodOf(row.code)?.name ?? { id: row.code, en: row.code },
  employees: Number(row.employees),
  updatedAt: isoOf(row.updatedAt),
});

/**
 * What the office has imported so far, newest first: attendance per month and SKP results per
 * period, each with the number of employees it holds. A GROUP BY each: an office has a few dozen.
 */
export class ImportedData {
  async list(actor: Actor): Promise<{ attendance: ImportedGroup[]; skp: ImportedGroup[] }> {
    const officeId = officeOf(actor);
    const grouped = (key: 'month' | 'period') => ({
      attributes: [
        [col(key), 'code'],
        [fn('COUNT', col('id')), 'employees'],
        [fn('MAX', col('updated_at')), 'updatedAt'],
      ] as [ReturnType<typeof col> | ReturnType<typeof fn>, string][],
      where: { officeId },
      group: [key],
      order: [[key, 'DESC']] as [string, string][],
      raw: true,
    });
    const [attendance, skp] = await Promise.all([
      AttendanceMonth.findAll(grouped('month')) as unknown as Promise<Row[]>,
      SkpResult.findAll(grouped('period')) as unknown as Promise<Row[]>,
    ]);
    return { attendance: attendance.map(groupOf), skp: skp.map(groupOf) };
  }
}
