import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Attendance per employee per month, as the office's attendance system exports it: working days, days
 * present, on leave and absent without reason (the three add up to the working days), and minutes late
 * and left early. One row per employee and month (YYYY-MM); an import replaces a month's row whole.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('attendance_months', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    employee_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'employees', key: 'id' } },
    month: { type: DataTypes.STRING(7), allowNull: false },
    working_days: { type: DataTypes.INTEGER, allowNull: false },
    present_days: { type: DataTypes.INTEGER, allowNull: false },
    leave_days: { type: DataTypes.INTEGER, allowNull: false },
    absent_days: { type: DataTypes.INTEGER, allowNull: false },
    late_minutes: { type: DataTypes.INTEGER, allowNull: false },
    early_leave_minutes: { type: DataTypes.INTEGER, allowNull: false },
    imported_by: { type: DataTypes.INTEGER, allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('attendance_months', ['employee_id', 'month'], { name: 'attendance_months_employee_month', unique: true });
  await qi.addIndex('attendance_months', ['office_id', 'month'], { name: 'attendance_months_office_month' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('attendance_months');
}
