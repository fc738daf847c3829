import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Who voided a rating. `voided_at` and `void_reason` came with the first schema; the admin who
 * voided it completes the record (the audit log keeps the full history of void and unvoid).
 *
 * A nullable column with a foreign key and no default is what all three databases add in place
 * (SQLite's ALTER TABLE ADD COLUMN accepts REFERENCES only on such a column), so no table is rebuilt.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('ratings', 'voided_by', {
    type: DataTypes.INTEGER,
    allowNull: true,
    references: { model: 'admin_users', key: 'id' },
    onUpdate: 'CASCADE',
    onDelete: 'SET NULL',
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('ratings', 'voided_by');
}
