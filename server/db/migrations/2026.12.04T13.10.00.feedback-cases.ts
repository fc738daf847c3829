import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * The follow-up of customers' feedback (a comment or a low score): one case per rating once someone
 * acts on it (a rating without a case is new), with its status, the account it is assigned to and the
 * follow-up note. The unique rating_id lets only one case exist however many coordinators act at once.
 * `offices.feedback_low_score` is the score at or below which a rating counts as low (2 unless the
 * office sets another), `offices.feedback_target_days` the days the office gives itself to close one.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('feedback_cases', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    rating_id: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: true,
      references: { model: 'ratings', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'CASCADE',
    },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    status: { type: DataTypes.STRING(16), allowNull: false },
    assigned_to: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'admin_users', key: 'id' },
      onUpdate: 'CASCADE',
      onDelete: 'SET NULL',
    },
    note: { type: DataTypes.TEXT, allowNull: true },
    updated_by: { type: DataTypes.INTEGER, allowNull: true },
    closed_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('feedback_cases', ['office_id', 'status'], { name: 'feedback_cases_office_status' });
  await qi.addIndex('feedback_cases', ['assigned_to'], { name: 'feedback_cases_assigned' });
  await qi.addColumn('offices', 'feedback_low_score', { type: DataTypes.SMALLINT, allowNull: false, defaultValue: 2 });
  await qi.addColumn('offices', 'feedback_target_days', { type: DataTypes.SMALLINT, allowNull: false, defaultValue: 5 });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const column of ['feedback_target_days', 'feedback_low_score']) {
    // SQLite 3.35 and later drop a column in place; Sequelize's removeColumn would copy the table.
    if (qi.sequelize.getDialect() === 'sqlite') await qi.sequelize.query(`ALTER TABLE offices DROP COLUMN ${column}`);
    else await qi.removeColumn('offices', column);
  }
  await qi.dropTable('feedback_cases');
}
