import type { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { MIGRATIONS } from './migrations/index.js';

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

const storageOf = (sequelize: Sequelize) => new SequelizeStorage({ sequelize, tableName: 'schema_migrations' });

function migrator(sequelize: Sequelize): Umzug<ReturnType<Sequelize['getQueryInterface']>> {
  return new Umzug({
    migrations: MIGRATIONS.map(({ name, up, down }) => ({ name, up, down })),
    context: sequelize.getQueryInterface(),
    storage: storageOf(sequelize),
    logger: undefined,
  });
}

/**
 * Brings the schema up to date. A database migrated by a newer release of this server is refused:
 * running old code on it could write rows the newer schema does not expect.
 */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  // Read the storage itself: umzug's own list leaves out names it does not know, the very ones wanted here.
  const executed = await storageOf(sequelize).executed();
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
