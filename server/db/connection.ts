import { Sequelize, Transaction, type Options } from 'sequelize';
import type { Config } from '../config.js';
import { mysqlSessionHook, postgresNumberParsers, sqlitePragmas, TABLE_CHARSET } from './dialect-tuning.js';
import { initModels } from './models/index.js';

export type Dialect = 'sqlite' | 'postgres' | 'mysql' | 'mariadb';

export type ConnectionConfig = Pick<Config, 'databaseUrl' | 'db'>;

const SQLITE_MAX_BUSY_MS = 5_000;

/**
 * How long an SQLite write waits for another connection's lock before SQLITE_BUSY (503). At most 5 s:
 * node-sqlite3 finalizes statements on the main thread, which waits for a writer sleeping in the busy handler.
 */
export const sqliteBusyTimeout = (statementTimeoutMs: number): number =>
  Math.min(statementTimeoutMs || SQLITE_MAX_BUSY_MS, SQLITE_MAX_BUSY_MS);

export function dialectOf(url: string): Dialect {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'sqlite') return 'sqlite';
  if (scheme === 'postgres' || scheme === 'postgresql') return 'postgres';
  if (scheme === 'mysql') return 'mysql';
  if (scheme === 'mariadb') return 'mariadb';
  throw new Error(`DATABASE_URL must start with sqlite:, postgres://, mysql:// or mariadb:// (got "${scheme}:")`);
}

/** The file an `sqlite:` URL names (`sqlite:./data/x.sqlite`, `sqlite:///abs/x.sqlite` or `sqlite::memory:`). */
export function sqliteStorage(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/i, '');
}

/** True for MySQL and MariaDB, which Sequelize both drives through its mysql dialect and mysql2. */
export const isMysqlFamily = (sequelize: Sequelize): boolean => sequelize.getDialect() === 'mysql';

/**
 * A Sequelize instance for DATABASE_URL with no models bound: what migrations, the startup lock and
 * `db:copy` use. Every dialect is tuned here so that all three behave alike: UTC on the wire, numbers
 * for COUNT and SUM, 4-byte UTF-8, and a limit on how long one statement may hold a connection.
 */
export function openSequelize(config: ConnectionConfig, extra: Options = {}): Sequelize {
  const dialect = dialectOf(config.databaseUrl);
  const { poolMax, acquireMs, statementTimeoutMs } = config.db;
  const common: Options = {
    logging: false,
    pool: { max: poolMax, min: 0, acquire: acquireMs, idle: 10_000 },
    define: { underscored: true },
    ...extra,
  };
  if (dialect === 'sqlite') {
    // IMMEDIATE: a transaction takes the write lock when it begins, waiting for it (busy_timeout)
    // instead of failing when it later tries to write after another connection did.
    const sequelize = new Sequelize({
      ...common,
      dialect: 'sqlite',
      storage: sqliteStorage(config.databaseUrl),
      transactionType: Transaction.TYPES.IMMEDIATE,
    });
    sqlitePragmas(sequelize, sqliteBusyTimeout(statementTimeoutMs));
    return sequelize;
  }
  if (dialect === 'postgres') {
    const sequelize = new Sequelize(config.databaseUrl, {
      ...common,
      dialect: 'postgres',
      dialectOptions: {
        application_name: 'pacak-rating',
        connectionTimeoutMillis: acquireMs,
        ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
      },
    });
    postgresNumberParsers(sequelize);
    return sequelize;
  }
  // mysql:// and mariadb:// both go through mysql2, which speaks to MariaDB as well.
  const url = config.databaseUrl.replace(/^mariadb:/i, 'mysql:');
  return new Sequelize(url, {
    ...common,
    dialect: 'mysql',
    // decimalNumbers: SUM and AVG are DECIMAL in MySQL, which mysql2 would otherwise hand over as strings.
    dialectOptions: { charset: TABLE_CHARSET.charset, decimalNumbers: true, connectTimeout: acquireMs },
    define: { ...common.define, ...TABLE_CHARSET },
    timezone: '+00:00',
    hooks: { afterConnect: mysqlSessionHook(statementTimeoutMs) },
  });
}

/** The serving instance: {@link openSequelize} with this release's models bound to it. */
export function createSequelize(config: ConnectionConfig, extra: Options = {}): Sequelize {
  const sequelize = openSequelize(config, extra);
  initModels(sequelize);
  return sequelize;
}
