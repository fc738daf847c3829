import { DataTypes, type QueryInterface } from 'sequelize';
import { SKM_ELEMENT_CODES } from '../../domain/skm/elements.js';

/**
 * The public satisfaction survey (SKM, PermenPANRB 14/2017): its questionnaires, the office's settings
 * by the date they took effect, and the follow-up plan per period and element.
 *
 * A questionnaire keeps one column per element (1-4, NULL when not applicable), so a report is a
 * SUM and COUNT per column. The phone number is kept only as a keyed hash, for the one-per-period
 * rule, which a unique index enforces (NULLs, questionnaires without a phone, never collide).
 * A publication is the public read-only link to one period's result.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const elementColumns = Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, { type: DataTypes.SMALLINT, allowNull: true }]));
  await qi.createTable('skm_responses', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    service_type_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'service_types', key: 'id' } },
    receipt: { type: DataTypes.STRING(16), allowNull: false, unique: true },
    client_id: { type: DataTypes.STRING(36), allowNull: false, unique: true },
    period_key: { type: DataTypes.STRING(8), allowNull: false },
    local_date: { type: DataTypes.STRING(10), allowNull: false },
    sex: { type: DataTypes.STRING(2), allowNull: false },
    age_group: { type: DataTypes.STRING(8), allowNull: false },
    education: { type: DataTypes.STRING(8), allowNull: false },
    occupation: { type: DataTypes.STRING(12), allowNull: false },
    ...elementColumns,
    suggestion: { type: DataTypes.TEXT, allowNull: true },
    phone_hash: { type: DataTypes.STRING(64), allowNull: true },
    ip_hash: { type: DataTypes.STRING(64), allowNull: true },
    channel: { type: DataTypes.STRING(16), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('skm_responses', ['office_id', 'phone_hash', 'period_key'], { unique: true, name: 'skm_responses_phone_period' });
  await qi.addIndex('skm_responses', ['office_id', 'local_date'], { name: 'skm_responses_office_date' });
  await qi.addIndex('skm_responses', ['office_id', 'service_type_id', 'local_date'], { name: 'skm_responses_service_date' });

  await qi.createTable('skm_settings', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    // 'office' or 'service:<service type id>': a NULL service type could not take part in the unique index.
    scope: { type: DataTypes.STRING(24), allowNull: false },
    service_type_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'service_types', key: 'id' } },
    effective_from: { type: DataTypes.STRING(10), allowNull: false },
    settings: { type: DataTypes.TEXT, allowNull: false },
    created_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('skm_settings', ['office_id', 'scope', 'effective_from'], { unique: true, name: 'skm_settings_scope_date' });

  await qi.createTable('skm_follow_ups', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    period_key: { type: DataTypes.STRING(8), allowNull: false },
    scope: { type: DataTypes.STRING(24), allowNull: false },
    element: { type: DataTypes.STRING(16), allowNull: false },
    plan: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    due_date: { type: DataTypes.STRING(10), allowNull: true },
    updated_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('skm_follow_ups', ['office_id', 'period_key', 'scope', 'element'], { unique: true, name: 'skm_follow_ups_key' });

  // A published result: a public read-only link to one period's figures, revocable.
  await qi.createTable('skm_publications', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
    public_id: { type: DataTypes.STRING(24), allowNull: false, unique: true },
    office_id: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'offices', key: 'id' } },
    period_key: { type: DataTypes.STRING(8), allowNull: false },
    service_type_id: { type: DataTypes.INTEGER, allowNull: true, references: { model: 'service_types', key: 'id' } },
    created_by: { type: DataTypes.INTEGER, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    revoked_at: { type: DataTypes.DATE, allowNull: true },
  });
  await qi.addIndex('skm_publications', ['office_id', 'created_at'], { name: 'skm_publications_office' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('skm_publications');
  await qi.dropTable('skm_follow_ups');
  await qi.dropTable('skm_settings');
  await qi.dropTable('skm_responses');
}
