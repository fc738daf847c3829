import { QueryTypes, type Sequelize } from 'sequelize';
import { INDICATOR_CODES } from '../../server/domain/indicators.js';
import { monthOf } from '../../server/db/migrations/2026.12.04T14.30.00.monthly-figures.js';

const TABLES = [
  { name: 'rating_daily', key: ['employee_id', 'service_type_id', 'work_area_id', 'local_date', 'verified'] },
  { name: 'rating_daily_employee', key: ['employee_id', 'work_area_id', 'local_date', 'verified'] },
  { name: 'rating_monthly', key: ['employee_id', 'service_type_id', 'work_area_id', 'local_month', 'verified'] },
  { name: 'rating_monthly_employee', key: ['employee_id', 'work_area_id', 'local_month', 'verified'] },
];

/**
 * How many rows of the daily and monthly figure tables differ from what the raw ratings give (voided ones left
 * out), counted both ways by the database itself (EXCEPT), so a million ratings need not come to Node.
 * Rows whose count went back to zero (every rating of the day voided) are the same as no row.
 */
export async function dailyFiguresMismatches(sequelize: Sequelize): Promise<number> {
  let total = 0;
  const month = monthOf(sequelize.getDialect());
  for (const { name, key } of TABLES) {
    const rawKey = key.map((column) => (column === 'local_month' ? month : column));
    const kept = `SELECT ${key.join(', ')}, rating_count AS n, ${INDICATOR_CODES.map((c) => `sum_${c} AS s_${c}`).join(', ')} FROM ${name} WHERE rating_count <> 0`;
    const raw = `SELECT ${rawKey.join(', ')}, COUNT(*) AS n, ${INDICATOR_CODES.map((c) => `SUM(${c}) AS s_${c}`).join(', ')} FROM ratings WHERE voided_at IS NULL GROUP BY ${rawKey.join(', ')}`;
    for (const [a, b] of [
      [kept, raw],
      [raw, kept],
    ]) {
      const [row] = await sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM (${a} EXCEPT ${b}) differ`, {
        type: QueryTypes.SELECT,
      });
      total += Number(row?.n ?? 0);
    }
  }
  return total;
}
