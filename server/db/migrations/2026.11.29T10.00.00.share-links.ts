import { DataTypes, type QueryInterface } from 'sequelize';

/** Read-only links to one report with fixed parameters, signed, expiring and revocable. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('share_links', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    public_id: { type: DataTypes.STRING(36), allowNull: false, unique: true },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    work_area_id: { type: DataTypes.INTEGER, allowNull: true },
    report: { type: DataTypes.STRING(32), allowNull: false },
    params: { type: DataTypes.TEXT, allowNull: false },
    created_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
  });
  await qi.addIndex('share_links', ['office_id', 'created_at'], { name: 'share_links_office' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('share_links');
}
