import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { openSequelize } from '../../server/db/connection.js';
import { projectRoot } from '../../server/paths.js';
import { chromiumPath } from '../helpers/requirements.js';
import { unavailable, type BenchDb } from './databases.js';

export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  memoryGiB: number;
  loadAtStart: number[];
  versions: Record<string, string>;
}

const ADMIN_URLS: Record<BenchDb, string> = {
  sqlite: 'sqlite::memory:',
  postgres: process.env.PACAK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  mariadb: process.env.PACAK_TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test',
};

async function databaseVersion(db: BenchDb): Promise<string> {
  if (await unavailable(db)) return 'not running';
  const sequelize = openSequelize({ databaseUrl: ADMIN_URLS[db], db: { poolMax: 1, acquireMs: 5_000, statementTimeoutMs: 0 } });
  try {
    const sql = db === 'sqlite' ? 'SELECT sqlite_version() AS v' : db === 'postgres' ? 'SHOW server_version' : 'SELECT VERSION() AS v';
    const [row] = await sequelize.query<Record<string, string>>(sql, { type: QueryTypes.SELECT });
    return String(Object.values(row ?? {})[0] ?? '?');
  } finally {
    await sequelize.close();
  }
}

const packageVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

export async function describeMachine(): Promise<Machine> {
  const chromium = chromiumPath();
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    versions: {
      node: process.versions.node,
      sqlite: await databaseVersion('sqlite'),
      postgresql: await databaseVersion('postgres'),
      mariadb: await databaseVersion('mariadb'),
      chromium: chromium ? execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim() : 'not installed',
      koa: packageVersion('koa'),
      sequelize: packageVersion('sequelize'),
      sqlite3: packageVersion('sqlite3'),
      autocannon: packageVersion('autocannon'),
      'playwright-core': packageVersion('playwright-core'),
    },
  };
}
