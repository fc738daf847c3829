import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { openSequelize } from '../../server/db/connection.js';

export type TestDb = 'sqlite' | 'postgres' | 'mariadb';

/** The database this vitest project runs the server suites against (vitest.config.ts sets it per project). */
export const TEST_DB: TestDb = (() => {
  const value = process.env.PACAK_TEST_DB ?? 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres' && value !== 'mariadb')
    throw new Error(`PACAK_TEST_DB must be sqlite, postgres or mariadb, not ${value}`);
  return value;
})();

/** Where the test servers live; each test server gets a database of its own there. */
export const ADMIN_URLS = {
  postgres: process.env.PACAK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  mariadb: process.env.PACAK_TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test',
} as const;

export interface ScratchDatabase {
  kind: TestDb;
  /** What DATABASE_URL should say to reach it. */
  url: string;
  drop(): Promise<void>;
}

const PREFIX = 'pacak_t_';
let counter = 0;
let swept = false;

/** A second connection to a database, as another process or an operator would have: pool of two, no time limit. */
export function openSide(url: string): Sequelize {
  return openSequelize({ databaseUrl: url, db: { poolMax: 2, acquireMs: 10_000, statementTimeoutMs: 0 } });
}

async function withAdmin<T>(kind: 'postgres' | 'mariadb', work: (admin: Sequelize) => Promise<T>): Promise<T> {
  const admin = openSide(ADMIN_URLS[kind]);
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

/**
 * A fresh, empty database for one test server: an SQLite file, a PostgreSQL database or a MariaDB
 * database, dropped again by `drop()`. A database per server (rather than a PostgreSQL schema on a
 * search_path) keeps Sequelize's describeTable and showAllTables, which assume `public`, working as
 * in production. MariaDB databases are made latin1 on purpose: tables must be utf8mb4 on their own.
 */
export async function createScratchDatabase(
  kind: TestDb = TEST_DB,
  options: { dir?: string; template?: string } = {},
): Promise<ScratchDatabase> {
  if (kind === 'sqlite') {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'pacak-db-'));
    const file = join(dir, 'pacak.sqlite');
    return {
      kind,
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '.startup-lock']) rmSync(`${file}${suffix}`, { force: true });
        if (!options.dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `${PREFIX}${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  await withAdmin(kind, async (admin) => {
    if (!swept) await sweepAbandoned(kind, admin);
    swept = true;
    if (kind === 'mariadb') await admin.query(`CREATE DATABASE ${name} CHARACTER SET latin1`);
    else await createPostgresDatabase(admin, name, options.template);
  });
  const url = new URL(ADMIN_URLS[kind]);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    drop: () => withAdmin(kind, (admin) => dropDatabase(kind, admin, name)),
  };
}

/**
 * CREATE DATABASE, as a copy of `template` when given. PostgreSQL refuses to copy a template while
 * another session is on it, which a copy running in another test process can be for a moment: wait.
 */
async function createPostgresDatabase(admin: Sequelize, name: string, template?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
      return;
    } catch (error) {
      if (attempt >= 100 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

async function dropDatabase(kind: 'postgres' | 'mariadb', admin: Sequelize, name: string): Promise<void> {
  await admin.query(kind === 'postgres' ? `DROP DATABASE IF EXISTS ${name} WITH (FORCE)` : `DROP DATABASE IF EXISTS ${name}`);
}

/** Drops scratch databases whose test process has died (a crash or a killed run leaves them behind). */
async function sweepAbandoned(kind: 'postgres' | 'mariadb', admin: Sequelize): Promise<void> {
  const sql =
    kind === 'postgres'
      ? `SELECT datname AS name FROM pg_database WHERE datname LIKE '${PREFIX}%'`
      : `SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '${PREFIX}%'`;
  const rows = await admin.query<{ name: string }>(sql, { type: QueryTypes.SELECT });
  for (const { name } of rows) {
    const pid = Number(name.slice(PREFIX.length).split('_')[0]);
    if (Number.isInteger(pid) && !isAlive(pid)) await dropDatabase(kind, admin, name).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
