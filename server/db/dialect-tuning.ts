import type { Sequelize } from 'sequelize';

/**
 * MySQL and MariaDB tables are created in 4-byte UTF-8 whatever the database's default is, so an emoji
 * in a comment is stored rather than refused. The 520 collation tells supplementary characters apart
 * (utf8mb4_unicode_ci weighs every emoji the same) and exists on MariaDB 10.0+ and MySQL 5.6+.
 */
export const TABLE_CHARSET = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_520_ci' } as const;

/** Settings every SQLite connection needs: WAL for concurrent readers, durable commits, waiting on locks. */
const SQLITE_PRAGMAS = ['PRAGMA journal_mode=WAL', 'PRAGMA synchronous=FULL', 'PRAGMA foreign_keys=ON'];

interface SqliteHandle {
  exec(sql: string, callback: (error: Error | null) => void): void;
}

/**
 * Sequelize's SQLite driver opens connections itself (one more per transaction) and runs no
 * afterConnect hooks, so the pragmas are applied where it hands a new connection out.
 */
export function sqlitePragmas(sequelize: Sequelize, busyTimeoutMs: number): void {
  const pragmas = [...SQLITE_PRAGMAS, `PRAGMA busy_timeout=${Math.floor(busyTimeoutMs)}`];
  const manager = sequelize.connectionManager as unknown as { getConnection(options?: object): Promise<SqliteHandle> };
  const original = manager.getConnection.bind(manager);
  const prepared = new WeakSet<SqliteHandle>();
  manager.getConnection = async (options) => {
    const connection = await original(options);
    if (!prepared.has(connection)) {
      prepared.add(connection);
      for (const pragma of pragmas) {
        await new Promise<void>((resolve, reject) => connection.exec(pragma, (error) => (error ? reject(error) : resolve())));
      }
    }
    return connection;
  };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** int8 as a number while it is exact (always, for counts); a string beyond 2^53 rather than a wrong number. */
const parseInt8 = (value: string): number | string => {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
};

/**
 * PostgreSQL returns COUNT(*) and SUM(integer) as int8 and AVG as numeric, which pg hands over as
 * strings; reports add and compare them, so they become numbers as on SQLite and MariaDB (where mysql2
 * gets `decimalNumbers`). Sequelize keeps its per-instance parsers in `oidParserMap`, consulted before
 * pg's global table, and fills it again (numeric as string) on its first connection, hence the wrapper.
 * The schema has no money columns: numeric is only ever an aggregate here.
 */
export function postgresNumberParsers(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager as unknown as {
    oidParserMap?: Map<number, (value: string) => unknown>;
    refreshTypeParser(dataTypes: unknown): void;
  };
  const map = manager.oidParserMap;
  if (!(map instanceof Map)) throw new Error('Sequelize no longer keeps oidParserMap: update dialect-tuning.ts');
  const ours = () => {
    map.set(INT8_OID, parseInt8);
    map.set(NUMERIC_OID, Number);
  };
  const refresh = manager.refreshTypeParser.bind(manager);
  manager.refreshTypeParser = (dataTypes) => {
    refresh(dataTypes);
    ours();
  };
  ours();
}

interface MysqlHandle {
  query(sql: string, callback: (error: (Error & { errno?: number }) | null) => void): void;
}

const ER_UNKNOWN_SYSTEM_VARIABLE = 1193;

const run = (connection: MysqlHandle, sql: string) =>
  new Promise<void>((resolve, reject) => connection.query(sql, (error) => (error ? reject(error) : resolve())));

/**
 * Limits how long one statement may run on a new MySQL-family connection: MariaDB's
 * max_statement_time (seconds, any statement), else MySQL's max_execution_time (milliseconds, SELECT only).
 */
export function mysqlSessionHook(statementTimeoutMs: number): (connection: unknown) => Promise<void> {
  return async (connection) => {
    if (!statementTimeoutMs) return;
    const handle = connection as MysqlHandle;
    try {
      await run(handle, `SET SESSION max_statement_time = ${statementTimeoutMs / 1000}`);
    } catch (error) {
      if ((error as { errno?: number }).errno !== ER_UNKNOWN_SYSTEM_VARIABLE) throw error;
      await run(handle, `SET SESSION max_execution_time = ${Math.floor(statementTimeoutMs)}`);
    }
  };
}
