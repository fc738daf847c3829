import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Every administrative write and every reading of a customer's phone number: who, what, when and
 * from where. `changes` is a small JSON of the fields changed, never a phone number or a password.
 * Rows are only ever added. The actor is kept by id and by name, so the entry still reads after the
 * user is deactivated; the CLI writes with no actor id.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('audit_log', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'offices', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'RESTRICT',
    },
    actor_id: { type: DataTypes.INTEGER, allowNull: true },
    actor_username: { type: DataTypes.STRING(64), allowNull: false },
    action: { type: DataTypes.STRING(64), allowNull: false },
    target_type: { type: DataTypes.STRING(32), allowNull: false },
    target_id: { type: DataTypes.STRING(64), allowNull: true },
    changes: { type: DataTypes.TEXT, allowNull: true },
    ip_hash: { type: DataTypes.STRING(64), allowNull: true },
    created_at: { type: DataTypes.DATE(3), allowNull: false },
  });
  await qi.addIndex('audit_log', ['office_id', 'created_at'], { name: 'audit_log_office_time' });
  await qi.addIndex('audit_log', ['created_at'], { name: 'audit_log_time' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('audit_log');
}
