import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Whether the office shows an employee in the list customers pick from (its page `/o/<code>`,
 * `<pacak-rating office>`). Everyone is shown until an administrator says otherwise; the employee's own
 * QR code and form work either way.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('employees', 'listed', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('employees', 'listed');
}
