import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Abuse limits that hold across server processes. `rate_counters` counts requests per key (a keyed
 * hash, never an address or a number in clear) per fixed window, `window_start` in seconds since the
 * epoch; one atomic upsert bumps a counter. No index is added to ratings: each costs every insert,
 * and the retention job and erasure on request find their rows through (office_id, local_date).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('rate_counters', {
    key_hash: { type: DataTypes.STRING(100), allowNull: false, primaryKey: true },
    window_start: { type: DataTypes.BIGINT, allowNull: false, primaryKey: true },
    count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
  await qi.addIndex('rate_counters', ['window_start'], { name: 'rate_counters_window' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('rate_counters');
}
