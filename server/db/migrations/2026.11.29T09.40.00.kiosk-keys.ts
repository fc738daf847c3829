import { DataTypes, type QueryInterface } from 'sequelize';

/** SP4N-LAPOR!, the national public-complaint channel: where the first office sends its complaints. */
export const LAPOR_URL = 'https://www.lapor.go.id';

/**
 * Keys that let a counter tablet (kiosk mode) list the employees of one work area, and the office's
 * complaint channel that the rating form shows after a low score. Only a keyed hash of a kiosk key is
 * stored: the key itself is shown once, when it is issued.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('kiosk_keys', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'offices', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'RESTRICT',
    },
    work_area_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'work_areas', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'RESTRICT',
    },
    label: { type: DataTypes.STRING(100), allowNull: false },
    key_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
  });
  await qi.addIndex('kiosk_keys', ['office_id', 'work_area_id'], { name: 'kiosk_keys_office_work_area' });

  await qi.addColumn('offices', 'complaint_url', { type: DataTypes.STRING(500), allowNull: true });
  // A database seeded before this migration gets the first office's channel here; a new one from the seed.
  await qi.bulkUpdate('offices', { complaint_url: LAPOR_URL }, { code: 'bkk-palembang', complaint_url: null });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  // Not qi.removeColumn: on SQLite it rebuilds `offices`, which its foreign keys forbid. This plain
  // statement is the same on PostgreSQL, MariaDB and SQLite (3.35 and later).
  await qi.sequelize.query('ALTER TABLE offices DROP COLUMN complaint_url');
  await qi.dropTable('kiosk_keys');
}
