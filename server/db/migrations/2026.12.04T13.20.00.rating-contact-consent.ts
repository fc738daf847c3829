import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * `ratings.contact_consent`: the customer, giving a low score, ticked "may be contacted for follow-up".
 * Only then does the feedback inbox offer to read their number. Earlier ratings have no consent.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('ratings', 'contact_consent', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  // SQLite 3.35 and later drop a column in place; Sequelize's removeColumn would copy the table.
  if (qi.sequelize.getDialect() === 'sqlite') await qi.sequelize.query('ALTER TABLE ratings DROP COLUMN contact_consent');
  else await qi.removeColumn('ratings', 'contact_consent');
}
