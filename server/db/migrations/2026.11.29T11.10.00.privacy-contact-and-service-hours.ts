import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * `offices.privacy_contact`: whom a customer asks about their phone number (the office's data
 * protection contact), shown in the form's privacy notice. `work_areas.service_hours`: when a post
 * serves customers, `HH:MM-HH:MM` in office-local time, for the anomaly report. Both may stay empty.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('offices', 'privacy_contact', { type: DataTypes.STRING(300), allowNull: true });
  await qi.addColumn('work_areas', 'service_hours', { type: DataTypes.STRING(11), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const [table, column] of [
    ['work_areas', 'service_hours'],
    ['offices', 'privacy_contact'],
  ] as const) {
    // SQLite 3.35 and later drop a column in place; Sequelize's removeColumn would copy the table.
    if (qi.sequelize.getDialect() === 'sqlite') await qi.sequelize.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    else await qi.removeColumn(table, column);
  }
}
