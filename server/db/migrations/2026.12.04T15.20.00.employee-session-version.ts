import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The version of an employee's sessions on their own page (`/saya`): each token carries the version it
 * was issued at, and signing out moves it on, so every token issued before stops working at once,
 * on every device and every server process.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('employees', 'session_version', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('employees', 'session_version');
}
