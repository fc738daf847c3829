import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSequelize } from '../../server/db/connection.js';
import { probeDatabase } from '../helpers/db-probe.js';

export type BenchDb = 'sqlite' | 'postgres' | 'mariadb';

/** The database servers' admin URLs: the same variables as the test suites read. */
const ADMIN_URLS = {
  postgres: process.env.PACAK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  mariadb: process.env.PACAK_TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test',
} as const;

export interface ScratchDb {
  kind: BenchDb;
  url: string;
  /** A folder of the benchmark's own (the SQLite file, the server's DATA_DIR); removed by drop(). */
  dir: string;
  drop(): Promise<void>;
}

/** null when the database server answers, else why not (SQLite always answers). */
export async function unavailable(kind: BenchDb): Promise<string | null> {
  return kind === 'sqlite' ? null : probeDatabase(ADMIN_URLS[kind]);
}

const admin = (kind: 'postgres' | 'mariadb') =>
  openSequelize({ databaseUrl: ADMIN_URLS[kind], db: { poolMax: 1, acquireMs: 10_000, statementTimeoutMs: 0 } });

let counter = 0;

/**
 * A database of the benchmark's own: an SQLite file in a temporary folder, or a PostgreSQL or MariaDB
 * database named pacak_bench_<pid>_<n> (a prefix the test suites' sweeper leaves alone), dropped after.
 */
export async function scratchDb(kind: BenchDb): Promise<ScratchDb> {
  const dir = mkdtempSync(join(tmpdir(), 'pacak-bench-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (kind === 'sqlite') return { kind, url: `sqlite:${join(dir, 'pacak.sqlite')}`, dir, drop: async () => removeDir() };
  const name = `pacak_bench_${process.pid}_${++counter}`;
  const sequelize = admin(kind);
  try {
    await sequelize.query(kind === 'postgres' ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
  } finally {
    await sequelize.close();
  }
  const url = new URL(ADMIN_URLS[kind]);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    dir,
    drop: async () => {
      const again = admin(kind);
      try {
        await again.query(kind === 'postgres' ? `DROP DATABASE IF EXISTS ${name} WITH (FORCE)` : `DROP DATABASE IF EXISTS ${name}`);
      } finally {
        await again.close();
        removeDir();
      }
    },
  };
}
