import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * An office's appraisal rules, one row per set with the day it takes effect (office-local, a
 * YYYY-MM-DD text so every database compares it alike). Rows are only added: a past period is computed
 * by the set in force at its end. One set per office and day, so two admins saving at once cannot both win.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('appraisal_rules', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    effective_from: { type: DataTypes.STRING(10), allowNull: false },
    rules: { type: DataTypes.TEXT, allowNull: false },
    created_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('appraisal_rules', ['office_id', 'effective_from'], { name: 'appraisal_rules_office_day', unique: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('appraisal_rules');
}
