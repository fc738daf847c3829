import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * `alert_outbox`: one row per low-score rating, written in the same transaction as the rating, for a
 * worker to deliver (the office's webhook) with retries. A worker leases a row (`lease_until`,
 * `lease_owner`) before it sends, so several processes send each row once. `offices.alert_webhook_url`
 * and `alert_webhook_secret`: where the office's alerts go, signed with HMAC-SHA256.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('alert_outbox', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    rating_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: true,
      references: { model: 'ratings', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'CASCADE',
    },
    // 'pending' until delivered ('sent'), 'failed' after the last attempt, 'skipped' when the office has no webhook.
    status: { type: DataTypes.STRING(12), allowNull: false, defaultValue: 'pending' },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: { type: DataTypes.DATE, allowNull: false },
    lease_until: { type: DataTypes.DATE, allowNull: true },
    lease_owner: { type: DataTypes.STRING(64), allowNull: true },
    last_error: { type: DataTypes.STRING(500), allowNull: true },
    sent_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('alert_outbox', ['status', 'next_attempt_at'], { name: 'alert_outbox_due' });
  await qi.addIndex('alert_outbox', ['office_id', 'id'], { name: 'alert_outbox_office' });
  await qi.addColumn('offices', 'alert_webhook_url', { type: DataTypes.STRING(500), allowNull: true });
  await qi.addColumn('offices', 'alert_webhook_secret', { type: DataTypes.STRING(200), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const column of ['alert_webhook_secret', 'alert_webhook_url']) {
    // SQLite 3.35 and later drop a column in place; Sequelize's removeColumn would copy the table.
    if (qi.sequelize.getDialect() === 'sqlite') await qi.sequelize.query(`ALTER TABLE offices DROP COLUMN ${column}`);
    else await qi.removeColumn('offices', column);
  }
  await qi.dropTable('alert_outbox');
}
