import { DataTypes, type ModelStatic, type Model, type QueryInterface, type Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { isMysqlFamily } from './connection.js';
import { TABLE_CHARSET } from './dialect-tuning.js';
import { MIGRATIONS } from './migrations/index.js';

/** The table where umzug records which migrations have run. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

/**
 * umzug's own record model, defined here so that on MySQL and MariaDB it is utf8mb4 like every other
 * table (umzug would make it utf8). The column matches what umzug creates, so existing tables fit.
 */
function migrationsModel(sequelize: Sequelize): ModelStatic<Model> {
  if (sequelize.isDefined('SequelizeMeta')) return sequelize.model('SequelizeMeta');
  return sequelize.define(
    'SequelizeMeta',
    { name: { type: DataTypes.STRING, allowNull: false, unique: true, primaryKey: true } },
    { tableName: MIGRATIONS_TABLE, timestamps: false, ...(isMysqlFamily(sequelize) ? TABLE_CHARSET : {}) },
  );
}

const storageOf = (sequelize: Sequelize) => new SequelizeStorage({ model: migrationsModel(sequelize) });

/**
 * What migrations receive. On MySQL and MariaDB, createTable defaults to utf8mb4 so that a migration
 * written with portable Sequelize calls (and no dialect options) still stores any Unicode text.
 */
function migrationContext(sequelize: Sequelize): QueryInterface {
  const qi = sequelize.getQueryInterface();
  if (!isMysqlFamily(sequelize)) return qi;
  const context = Object.create(qi) as QueryInterface;
  const createTable: QueryInterface['createTable'] = (table, attributes, options) =>
    qi.createTable(table, attributes, { ...TABLE_CHARSET, ...options });
  context.createTable = createTable;
  return context;
}

function migrator(sequelize: Sequelize): Umzug<QueryInterface> {
  return new Umzug({
    migrations: MIGRATIONS.map(({ name, up, down }) => ({ name, up, down })),
    context: migrationContext(sequelize),
    storage: storageOf(sequelize),
    logger: undefined,
  });
}

/** Names of the migrations recorded in the database, whether or not this release knows them. */
export async function executedMigrations(sequelize: Sequelize): Promise<string[]> {
  return storageOf(sequelize).executed();
}

/**
 * Brings the schema up to date and returns the names applied (none on a current database). A database
 * migrated by a newer release of this server is refused: running old code on it could write rows the
 * newer schema does not expect.
 */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  // Read the storage itself: umzug's own list leaves out names it does not know, the very ones wanted here.
  const executed = await executedMigrations(sequelize);
  const known = new Set(MIGRATIONS.map((migration) => migration.name));
  const unknown = executed.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new SchemaTooNewError(
      `The database was migrated by a newer release (unknown migrations: ${unknown.join(', ')}). Upgrade this server before starting it.`,
    );
  }
  return (await migrator(sequelize).up()).map((migration) => migration.name);
}

export async function rollbackAll(sequelize: Sequelize): Promise<void> {
  await migrator(sequelize).down({ to: 0 });
}
