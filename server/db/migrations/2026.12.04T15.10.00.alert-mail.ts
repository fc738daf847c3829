import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Low-score alerts by e-mail, in the same outbox as the webhook. `alert_outbox` gets a `channel`
 * (`webhook` or `mail`) and a `recipient_id` (the account a mail goes to; 0 for the webhook), and one
 * row per rating, channel and recipient instead of one per rating. `admin_users` gets the account's
 * e-mail address, its choice about alert mail (`alert_mail`: NULL follows the role, on for coordinators
 * and off for admins), and `alert_mail_next_at`, before which no further alert mail goes to it (batching).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const dialect = qi.sequelize.getDialect();
  if (dialect === 'sqlite') await rebuildSqlite(qi, true);
  else {
    await qi.addColumn('alert_outbox', 'channel', { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'webhook' });
    await qi.addColumn('alert_outbox', 'recipient_id', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
    // The new unique index first: it leads with rating_id, so MariaDB's foreign key keeps an index.
    await qi.addIndex('alert_outbox', ['rating_id', 'channel', 'recipient_id'], { name: 'alert_outbox_message', unique: true });
    if (dialect === 'postgres') await qi.sequelize.query('ALTER TABLE alert_outbox DROP CONSTRAINT alert_outbox_rating_id_key');
    else await qi.sequelize.query('ALTER TABLE alert_outbox DROP INDEX rating_id');
  }
  await qi.addIndex('alert_outbox', ['channel', 'recipient_id', 'status'], { name: 'alert_outbox_recipient' });
  await qi.addColumn('admin_users', 'email', { type: DataTypes.STRING(254), allowNull: true });
  await qi.addColumn('admin_users', 'alert_mail', { type: DataTypes.BOOLEAN, allowNull: true });
  await qi.addColumn('admin_users', 'alert_mail_next_at', { type: DataTypes.DATE, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  const dialect = qi.sequelize.getDialect();
  for (const column of ['alert_mail_next_at', 'alert_mail', 'email']) {
    if (dialect === 'sqlite') await qi.sequelize.query(`ALTER TABLE admin_users DROP COLUMN ${column}`);
    else await qi.removeColumn('admin_users', column);
  }
  await qi.removeIndex('alert_outbox', 'alert_outbox_recipient');
  await qi.sequelize.query(`DELETE FROM alert_outbox WHERE channel <> 'webhook'`);
  if (dialect === 'sqlite') await rebuildSqlite(qi, false);
  else {
    if (dialect === 'postgres')
      await qi.sequelize.query('ALTER TABLE alert_outbox ADD CONSTRAINT alert_outbox_rating_id_key UNIQUE (rating_id)');
    else await qi.sequelize.query('ALTER TABLE alert_outbox ADD UNIQUE INDEX rating_id (rating_id)');
    await qi.removeIndex('alert_outbox', 'alert_outbox_message');
    await qi.removeColumn('alert_outbox', 'recipient_id');
    await qi.removeColumn('alert_outbox', 'channel');
  }
}

/** SQLite cannot drop a column's UNIQUE: the (small) table is copied into its new shape. */
async function rebuildSqlite(qi: QueryInterface, withChannels: boolean): Promise<void> {
  const run = (sql: string) => qi.sequelize.query(sql);
  const shared = `office_id, rating_id, status, attempts, next_attempt_at, lease_until, lease_owner, last_error, sent_at, created_at`;
  await run(`CREATE TABLE alert_outbox_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    office_id INTEGER NOT NULL REFERENCES offices (id),
    rating_id INTEGER NOT NULL ${withChannels ? '' : 'UNIQUE '}REFERENCES ratings (id) ON DELETE CASCADE ON UPDATE CASCADE,
    ${withChannels ? `channel VARCHAR(8) NOT NULL DEFAULT 'webhook', recipient_id INTEGER NOT NULL DEFAULT 0,` : ''}
    status VARCHAR(12) NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DATETIME NOT NULL,
    lease_until DATETIME,
    lease_owner VARCHAR(64),
    last_error VARCHAR(500),
    sent_at DATETIME,
    created_at DATETIME NOT NULL)`);
  await run(`INSERT INTO alert_outbox_next (id, ${shared}) SELECT id, ${shared} FROM alert_outbox`);
  await run('DROP TABLE alert_outbox');
  await run('ALTER TABLE alert_outbox_next RENAME TO alert_outbox');
  await qi.addIndex('alert_outbox', ['status', 'next_attempt_at'], { name: 'alert_outbox_due' });
  await qi.addIndex('alert_outbox', ['office_id', 'id'], { name: 'alert_outbox_office' });
  if (withChannels)
    await qi.addIndex('alert_outbox', ['rating_id', 'channel', 'recipient_id'], { name: 'alert_outbox_message', unique: true });
}
