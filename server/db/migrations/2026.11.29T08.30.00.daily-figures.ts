import { DataTypes, type QueryInterface } from 'sequelize';
import { INDICATOR_CODES } from '../../domain/indicators.js';

/**
 * Daily figures kept as ratings arrive, so period reports read a few rows per employee and day
 * instead of every rating: one table per employee and service type, and a coarser one per employee
 * for reports that do not split by service type. Both always equal what the raw ratings give,
 * voiding included (server/db/daily-figures.ts keeps them so, in the same transaction).
 */
function columns(withServiceType: boolean) {
  const int = () => ({ type: DataTypes.INTEGER, allowNull: false });
  return {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: int(),
    work_area_id: int(),
    employee_id: int(),
    ...(withServiceType ? { service_type_id: int() } : {}),
    local_date: { type: DataTypes.DATEONLY, allowNull: false },
    verified: { type: DataTypes.BOOLEAN, allowNull: false },
    rating_count: { ...int(), defaultValue: 0 },
    ...Object.fromEntries(INDICATOR_CODES.map((code) => [`sum_${code}`, { ...int(), defaultValue: 0 }])),
  };
}

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('rating_daily', columns(true));
  await qi.addIndex('rating_daily', ['employee_id', 'service_type_id', 'work_area_id', 'local_date', 'verified'], {
    unique: true,
    name: 'rating_daily_key',
  });
  await qi.addIndex('rating_daily', ['office_id', 'local_date'], { name: 'rating_daily_office_date' });

  await qi.createTable('rating_daily_employee', columns(false));
  await qi.addIndex('rating_daily_employee', ['employee_id', 'work_area_id', 'local_date', 'verified'], {
    unique: true,
    name: 'rating_daily_employee_key',
  });
  await qi.addIndex('rating_daily_employee', ['office_id', 'local_date'], { name: 'rating_daily_employee_office_date' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('rating_daily_employee');
  await qi.dropTable('rating_daily');
}
