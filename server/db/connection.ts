import { Sequelize, Transaction, type Options } from 'sequelize';
import type { Config } from '../config.js';
import { initModels } from './models/index.js';

export type Dialect = 'sqlite' | 'postgres' | 'mysql' | 'mariadb';

/** SQLite settings every connection needs: WAL for concurrent readers, durable commits, waiting on locks. */
const SQLITE_PRAGMAS = ['PRAGMA journal_mode=WAL', 'PRAGMA synchronous=FULL', 'PRAGMA busy_timeout=5000', 'PRAGMA foreign_keys=ON'];

interface SqliteHandle {
  exec(sql: string, callback: (error: Error | null) => void): void;
}

export function dialectOf(url: string): Dialect {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'sqlite') return 'sqlite';
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  if (scheme === 'mysql') return 'mysql';
  if (scheme === 'mariadb') return 'mariadb';
  throw new Error(`DATABASE_URL must start with sqlite:, postgres://, mysql:// or mariadb:// (got "${scheme}:")`);
}

/** The file of a `sqlite:` DATABASE_URL. */
export const sqliteFile = (url: string): string => url.replace(/^sqlite:(\/\/)?/i, '');

/**
 * Sequelize's SQLite driver opens connections itself (one more per transaction) and runs no
 * afterConnect hooks, so the pragmas are applied where it hands a new connection out.
 */
function applySqlitePragmas(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as { getConnection(options?: object): Promise<SqliteHandle> };
  const original = manager.getConnection.bind(manager);
  const prepared = new WeakSet<SqliteHandle>();
  manager.getConnection = async (options) => {
    const connection = await original(options);
    if (!prepared.has(connection)) {
      prepared.add(connection);
      for (const pragma of SQLITE_PRAGMAS) {
        await new Promise<void>((resolve, reject) => connection.exec(pragma, (error) => (error ? reject(error) : resolve())));
      }
    }
    return connection;
  };
}

export function createSequelize(config: Pick<Config, 'databaseUrl' | 'db'>, extra: Options = {}): Sequelize {
  const dialect = dialectOf(config.databaseUrl);
  const common: Options = {
    logging: false,
    pool: { max: config.db.poolMax, min: 0, acquire: config.db.acquireMs, idle: 10_000 },
    define: { underscored: true },
    ...extra,
  };
  let sequelize: Sequelize;
  if (dialect === 'sqlite') {
    // IMMEDIATE: a transaction takes the write lock when it begins, waiting for it (busy_timeout)
    // instead of failing when it later tries to write after another connection did.
    sequelize = new Sequelize({ ...common, dialect: 'sqlite', storage: sqliteFile(config.databaseUrl), transactionType: Transaction.TYPES.IMMEDIATE });
    applySqlitePragmas(sequelize);
  } else if (dialect === 'postgres') {
    sequelize = new Sequelize(config.databaseUrl, { ...common, dialect: 'postgres' });
  } else {
    // mysql:// and mariadb:// both go through mysql2, which speaks to MariaDB as well.
    const url = config.databaseUrl.replace(/^mariadb:/i, 'mysql:');
    sequelize = new Sequelize(url, { ...common, dialect: 'mysql', dialectOptions: { charset: 'utf8mb4' }, timezone: '+00:00' });
  }
  initModels(sequelize);
  return sequelize;
}
