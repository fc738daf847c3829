import { DataTypes, type QueryInterface, type Sequelize, type Transaction } from 'sequelize';
import { INDICATOR_CODES } from '../../domain/indicators.js';

/**
 * Monthly figures beside the daily ones, so a report over years reads a row per employee and month for
 * its whole months and the daily rows only for the days at either end. `local_month` is the first day of
 * the office-local month. The columns are written out here rather than imported from the live code: a
 * migration must keep doing what it did when the code around it changes.
 */
const STAR_COLUMNS = INDICATOR_CODES.flatMap((code) => [1, 2, 3, 4, 5].map((star) => `stars_${code}_${star}`));
const ADDED = ['rating_count', ...INDICATOR_CODES.map((code) => `sum_${code}`), ...STAR_COLUMNS];

const TABLES = [
  { name: 'rating_monthly', from: 'rating_daily', key: ['employee_id', 'service_type_id', 'work_area_id', 'local_month', 'verified'] },
  { name: 'rating_monthly_employee', from: 'rating_daily_employee', key: ['employee_id', 'work_area_id', 'local_month', 'verified'] },
];

function columns(withServiceType: boolean) {
  const int = () => ({ type: DataTypes.INTEGER, allowNull: false });
  return {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: int(),
    work_area_id: int(),
    employee_id: int(),
    ...(withServiceType ? { service_type_id: int() } : {}),
    local_month: { type: DataTypes.DATEONLY, allowNull: false },
    verified: { type: DataTypes.BOOLEAN, allowNull: false },
    ...Object.fromEntries(ADDED.map((column) => [column, { ...int(), defaultValue: 0 }])),
  };
}

/** The first day of a `local_date`'s month, as each database writes it. */
export function monthOf(dialect: string): string {
  if (dialect === 'postgres') return `CAST(date_trunc('month', local_date) AS DATE)`;
  if (dialect === 'mysql' || dialect === 'mariadb') return `CAST(DATE_FORMAT(local_date, '%Y-%m-01') AS DATE)`;
  return `substr(local_date, 1, 8) || '01'`;
}

/** The tables, then what the daily figures already hold folded into months, in one transaction. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of TABLES) {
    await qi.createTable(table.name, columns(table.key.includes('service_type_id')));
    await qi.addIndex(table.name, table.key, { unique: true, name: `${table.name}_key` });
    await qi.addIndex(table.name, ['office_id', 'local_month'], { name: `${table.name}_office_month` });
  }
  await qi.sequelize.transaction((transaction) => foldDailyIntoMonths(qi.sequelize, transaction));
}

/** Replaces the monthly figures by the daily figures folded into months (also how the benchmark fills them). */
export async function foldDailyIntoMonths(sequelize: Sequelize, transaction: Transaction): Promise<void> {
  const month = monthOf(sequelize.getDialect());
  for (const table of TABLES) {
    const key = table.key.map((column) => (column === 'local_month' ? month : column));
    await sequelize.query(`DELETE FROM ${table.name}`, { transaction });
    await sequelize.query(
      `INSERT INTO ${table.name} (office_id, ${table.key.join(', ')}, ${ADDED.join(', ')}) ` +
        `SELECT office_id, ${key.join(', ')}, ${ADDED.map((column) => `SUM(${column})`).join(', ')} FROM ${table.from} ` +
        `GROUP BY office_id, ${key.join(', ')}`,
      { transaction },
    );
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [...TABLES].reverse()) await qi.dropTable(table.name);
}
