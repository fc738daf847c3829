import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';

const SUMS = ['profesional', 'amanah', 'cakap', 'akuntabel', 'kolaboratif'];
const STARS = SUMS.flatMap((code) => [1, 2, 3, 4, 5].map((star) => [`stars_${code}_${star}`, code, star] as const));

type Figures = Record<string, number[]>;

const keyPart = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'boolean' ? String(Number(value)) : String(value);

async function grouped(sequelize: Sequelize, sql: string, cols: string[]): Promise<Figures> {
  const rows = await sequelize.query<Record<string, unknown>>(sql, { type: QueryTypes.SELECT });
  const out: Figures = {};
  for (const row of rows) {
    const values = ['n', ...SUMS, ...STARS.map(([column]) => column)].map((key) => Number(row[key]));
    if (values[0] !== 0) out[cols.map((col) => keyPart(row[col])).join('/')] = values;
  }
  return out;
}

/**
 * The daily figures as they are kept (counts, sums and star counts), and as the raw ratings give them (voided ones left out), per
 * employee, service type, work area, day and verified flag; and per employee for the coarser table. The monthly
 * figures likewise, against the raw ratings folded into months.
 */
export async function dailyFiguresBothWays(sequelize: Sequelize) {
  const fineKey = ['employee_id', 'service_type_id', 'work_area_id', 'local_date', 'verified'];
  const coarseKey = ['employee_id', 'work_area_id', 'local_date', 'verified'];
  const kept = (table: string, cols: string[]) =>
    `SELECT ${cols.join(', ')}, SUM(rating_count) AS n, ${SUMS.map((s) => `SUM(sum_${s}) AS ${s}`).join(', ')}, ${STARS.map(([c]) => `SUM(${c}) AS ${c}`).join(', ')} FROM ${table} GROUP BY ${cols.join(', ')}`;
  const raw = (cols: string[]) =>
    `SELECT ${cols.join(', ')}, COUNT(*) AS n, ${SUMS.map((s) => `SUM(${s}) AS ${s}`).join(', ')}, ${STARS.map(([c, code, star]) => `SUM(CASE WHEN ${code} = ${star} THEN 1 ELSE 0 END) AS ${c}`).join(', ')} FROM ratings WHERE voided_at IS NULL GROUP BY ${cols.join(', ')}`;
  const monthKey = (key: string[]) => key.map((col) => (col === 'local_date' ? 'local_month' : col));
  const fineRaw = await grouped(sequelize, raw(fineKey), fineKey);
  const coarseRaw = await grouped(sequelize, raw(coarseKey), coarseKey);
  return {
    fine: { kept: await grouped(sequelize, kept('rating_daily', fineKey), fineKey), raw: fineRaw },
    coarse: { kept: await grouped(sequelize, kept('rating_daily_employee', coarseKey), coarseKey), raw: coarseRaw },
    monthly: {
      fine: {
        kept: await grouped(sequelize, kept('rating_monthly', monthKey(fineKey)), monthKey(fineKey)),
        raw: byMonth(fineRaw, fineKey.indexOf('local_date')),
      },
      coarse: {
        kept: await grouped(sequelize, kept('rating_monthly_employee', monthKey(coarseKey)), monthKey(coarseKey)),
        raw: byMonth(coarseRaw, coarseKey.indexOf('local_date')),
      },
    },
  };
}

/** Figures keyed by day folded into figures keyed by the first day of the month. */
function byMonth(figures: Figures, datePart: number): Figures {
  const out: Figures = {};
  for (const [key, values] of Object.entries(figures)) {
    const parts = key.split('/');
    parts[datePart] = `${parts[datePart]!.slice(0, 8)}01`;
    const month = parts.join('/');
    out[month] = out[month] ? out[month].map((value, i) => value + values[i]!) : [...values];
  }
  return out;
}
