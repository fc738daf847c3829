import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * `report_subscriptions`: a leader's standing order for the office summary (or a work area's) by mail,
 * monthly or quarterly. The row is also its own delivery record: `last_period` is the last period sent
 * (at subscribing, the last one already closed), so the periods after it that have closed are due, one
 * mail each, oldest first, including those that closed while no server ran. A worker leases the row
 * (`lease_until`, `lease_owner`) while it sends, so several processes send each period once; a failure
 * counts `attempts` and waits until `next_attempt_at`.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('report_subscriptions', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    user_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'admin_users', key: 'id' } },
    // Null: the office summary; else the summary of this work area.
    work_area_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'work_areas', key: 'id' } },
    cadence: { type: DataTypes.STRING(10), allowNull: false },
    last_period: { type: DataTypes.STRING(8), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    next_attempt_at: { type: DataTypes.DATE, allowNull: false },
    lease_until: { type: DataTypes.DATE, allowNull: true },
    lease_owner: { type: DataTypes.STRING(64), allowNull: true },
    last_error: { type: DataTypes.STRING(500), allowNull: true },
    last_sent_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('report_subscriptions', ['user_id'], { name: 'report_subscriptions_user' });
  await qi.addIndex('report_subscriptions', ['next_attempt_at'], { name: 'report_subscriptions_due' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('report_subscriptions');
}
