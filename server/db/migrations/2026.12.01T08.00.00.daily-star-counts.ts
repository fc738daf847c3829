import { DataTypes, type QueryInterface } from 'sequelize';
import { INDICATOR_CODES } from '../../domain/indicators.js';

/**
 * The columns this migration adds, written out here rather than imported from the live code: a
 * migration must keep doing what it did when the code around it changes (and migrations sit below the
 * stores that use these columns).
 */
const STAR_COLUMNS = INDICATOR_CODES.flatMap((code) => [1, 2, 3, 4, 5].map((star) => `stars_${code}_${star}`));

const TABLES = [
  { name: 'rating_daily', key: ['office_id', 'employee_id', 'service_type_id', 'work_area_id', 'local_date', 'verified'] },
  { name: 'rating_daily_employee', key: ['office_id', 'employee_id', 'work_area_id', 'local_date', 'verified'] },
];

/**
 * Star counts in the daily figures: per indicator, how many ratings gave 1, 2, 3, 4 and 5 stars, so
 * the dashboard's office-wide star distribution reads a few rows per employee and day, as every other
 * figure does, instead of every rating of the period (over a million ratings that scan alone took
 * longer than the whole summary may).
 *
 * The figures already kept are then rebuilt from the ratings, voided ones left out, in one
 * transaction: a plain INSERT … SELECT … GROUP BY that all three databases run alike.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of TABLES) {
    for (const column of STAR_COLUMNS) {
      await qi.addColumn(table.name, column, { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
    }
  }
  const sums = INDICATOR_CODES.map((code) => `SUM(${code})`);
  const stars = INDICATOR_CODES.flatMap((code) => [1, 2, 3, 4, 5].map((star) => `SUM(CASE WHEN ${code} = ${star} THEN 1 ELSE 0 END)`));
  await qi.sequelize.transaction(async (transaction) => {
    for (const table of TABLES) {
      const columns = [...table.key, 'rating_count', ...INDICATOR_CODES.map((code) => `sum_${code}`), ...STAR_COLUMNS];
      await qi.sequelize.query(`DELETE FROM ${table.name}`, { transaction });
      await qi.sequelize.query(
        `INSERT INTO ${table.name} (${columns.join(', ')}) ` +
          `SELECT ${table.key.join(', ')}, COUNT(*), ${[...sums, ...stars].join(', ')} FROM ratings ` +
          `WHERE voided_at IS NULL GROUP BY ${table.key.join(', ')}`,
        { transaction },
      );
    }
  });
}

/**
 * Plain ALTER TABLE … DROP COLUMN, which SQLite (3.35 and later), PostgreSQL and MariaDB all run in
 * place: Sequelize's removeColumn rebuilds an SQLite table and, reading the composite unique key as
 * one unique column each, refuses to copy the rows back.
 */
export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of TABLES) {
    for (const column of STAR_COLUMNS) await qi.sequelize.query(`ALTER TABLE ${table.name} DROP COLUMN ${column}`);
  }
}
