import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Sites (origins) an office allows to send ratings from their pages, managed by its administrators.
 * One row per office and origin; CORS_ORIGINS stays as an addition for the whole installation.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('allowed_origins', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'offices', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'CASCADE',
    },
    // An origin is at most scheme, host (253) and port: 300 characters is ample and indexable on MariaDB.
    origin: { type: DataTypes.STRING(300), allowNull: false },
    note: { type: DataTypes.STRING(200), allowNull: true },
    created_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('allowed_origins', ['office_id', 'origin'], { name: 'allowed_origins_office_origin', unique: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('allowed_origins');
}
