import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * SKP results per employee per appraisal period (a period code: 2026-Q3, 2026-S1, 2026-10 or 2026 for
 * the year) as E-Kinerja gives them: the work-result and behaviour ratings (below, meeting, above
 * expectations) and/or the predikat. One row per employee and period; an import replaces it whole.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('skp_results', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    employee_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'employees', key: 'id' } },
    period: { type: DataTypes.STRING(8), allowNull: false },
    work_result: { type: DataTypes.STRING(8), allowNull: true },
    behaviour: { type: DataTypes.STRING(8), allowNull: true },
    predikat: { type: DataTypes.STRING(16), allowNull: true },
    imported_by: { type: DataTypes.INTEGER, allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('skp_results', ['employee_id', 'period'], { name: 'skp_results_employee_period', unique: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('skp_results');
}
