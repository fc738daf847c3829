import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import { canonicalName, canonicalStaffId } from '../../domain/canonical.js';

/** Columns people type to be found, compared byte for byte once canonical (see domain/canonical.ts). */
const NAME_COLUMNS = [
  { table: 'admin_users', column: 'username', type: 'VARCHAR(64)', canonical: canonicalName },
  { table: 'employees', column: 'nip', type: 'VARCHAR(32)', canonical: canonicalStaffId },
] as const;

/**
 * `admin_users.token_version`, signed into sign-in tokens and moved on for good by deactivation, role
 * changes and password changes. Usernames, NIPs and staff codes rewritten in canonical form, and on
 * MariaDB compared in binary: its default collation matched `ádmin` and `ＡＤＭＩＮ` to `admin`,
 * so a lock keyed by the typed name could be dodged. Two rows that become one name stop the migration.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('admin_users', 'token_version', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 });
  const db = qi.sequelize;
  for (const { table, column, type, canonical } of NAME_COLUMNS) {
    const rows = await db.query<{ id: number; name: string }>(`SELECT id, ${column} AS name FROM ${table}`, { type: QueryTypes.SELECT });
    const taken = new Map(rows.map((row) => [row.name, row.id]));
    for (const row of rows) {
      const name = canonical(row.name);
      if (name === row.name) continue;
      const holder = taken.get(name);
      if (holder !== undefined && holder !== row.id) {
        throw new Error(
          `${table}.${column}: "${row.name}" (id ${row.id}) and id ${holder} are the same name once canonical; rename one and migrate again.`,
        );
      }
      await db.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, { replacements: [name, row.id] });
      taken.set(name, row.id);
    }
    if (db.getDialect() === 'mysql') {
      await db.query(`ALTER TABLE ${table} MODIFY ${column} ${type} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`);
    }
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  const db = qi.sequelize;
  if (db.getDialect() === 'mysql') {
    for (const { table, column, type } of NAME_COLUMNS) {
      await db.query(`ALTER TABLE ${table} MODIFY ${column} ${type} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci NOT NULL`);
    }
  }
  if (db.getDialect() === 'sqlite') await db.query('ALTER TABLE admin_users DROP COLUMN token_version');
  else await qi.removeColumn('admin_users', 'token_version');
}
