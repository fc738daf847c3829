import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * An account whose password the system generated (the demo admin, one made or reset without a
 * chosen password) must choose its own before anything else: until then the server allows it only
 * to read its account and change its password. Accounts that exist already keep working as before:
 * whether their password was ever shown to someone else cannot be told from the table.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('admin_users', 'must_change_password', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('admin_users', 'must_change_password');
}
