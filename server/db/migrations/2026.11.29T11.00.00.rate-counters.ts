import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Abuse limits that hold across server processes. `rate_counters` counts requests per key (a keyed
 * hash, never an address or a number in clear) per fixed window, `window_start` in seconds since the
 * epoch; one atomic upsert bumps a counter. The ratings indexes serve the limits counted on ratings
 * themselves (per phone number and office-local day, per client address and window), the anomaly
 * report and the retention job.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('rate_counters', {
    key_hash: { type: DataTypes.STRING(100), allowNull: false, primaryKey: true },
    window_start: { type: DataTypes.BIGINT, allowNull: false, primaryKey: true },
    count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
  await qi.addIndex('rate_counters', ['window_start'], { name: 'rate_counters_window' });
  await qi.addIndex('ratings', ['phone_hash', 'local_date'], { name: 'ratings_phone_date' });
  await qi.addIndex('ratings', ['ip_hash', 'created_at'], { name: 'ratings_ip_created' });
  await qi.addIndex('ratings', ['created_at'], { name: 'ratings_created' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const name of ['ratings_created', 'ratings_ip_created', 'ratings_phone_date']) await qi.removeIndex('ratings', name);
  await qi.dropTable('rate_counters');
}
