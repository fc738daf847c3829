import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Failed sign-in counters, one row per username or client address (both only as keyed hashes).
 * They live in the database, not in memory, so every server process behind a proxy sees the same
 * count and a lock holds whichever process the next attempt reaches.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('sign_in_throttles', {
    key: { type: DataTypes.STRING(80), primaryKey: true, allowNull: false },
    failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    window_started_at: { type: DataTypes.DATE, allowNull: false },
    locked_until: { type: DataTypes.DATE, allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('sign_in_throttles', ['updated_at'], { name: 'sign_in_throttles_updated' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('sign_in_throttles');
}
