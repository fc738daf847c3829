import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * One-service codes: the PIN hash an employee confirms them with, and on each rating the code it
 * spent. The unique index on service_token_id is what makes "one rating only" hold when two ratings
 * bring the same code at the same instant; NULLs (every rating without a code) do not collide in
 * SQLite, PostgreSQL or MariaDB. The index is added apart from the column because SQLite cannot add
 * a UNIQUE column with ALTER TABLE.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('employees', 'pin_hash', { type: DataTypes.STRING(200), allowNull: true });
  await qi.addColumn('ratings', 'service_token_id', { type: DataTypes.STRING(32), allowNull: true });
  await qi.addIndex('ratings', ['service_token_id'], { unique: true, name: 'ratings_service_token' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeIndex('ratings', 'ratings_service_token');
  for (const [table, column] of [
    ['ratings', 'service_token_id'],
    ['employees', 'pin_hash'],
  ] as const) {
    // Sequelize's SQLite removeColumn copies the table and loses its other indexes (the one-a-day rule
    // among them); SQLite 3.35 and later drop a column in place, as PostgreSQL and MariaDB do.
    if (qi.sequelize.getDialect() === 'sqlite') await qi.sequelize.query(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    else await qi.removeColumn(table, column);
  }
}
