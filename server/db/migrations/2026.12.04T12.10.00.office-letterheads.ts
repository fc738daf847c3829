import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The letterhead an office prints on its evidence documents: its address lines and its logo (a PNG or
 * JPEG of at most 200 KB, kept in the database so every process and a backup hold it alike).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('office_letterheads', {
    office_id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false, references: { model: 'offices', key: 'id' } },
    address: { type: DataTypes.STRING(600), allowNull: true },
    logo: { type: DataTypes.BLOB('medium'), allowNull: true },
    logo_type: { type: DataTypes.STRING(16), allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('office_letterheads');
}
