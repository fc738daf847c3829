import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { QueryTypes, type Sequelize } from 'sequelize';
import { projectRoot } from '../../server/paths.js';
import { ADMIN_URLS, createScratchDatabase, openSide, type ScratchDatabase, type TestDb } from './databases.js';

/**
 * Migrating and seeding a fresh database is most of a test server's start (on MariaDB about five
 * seconds, on PostgreSQL two), and every suite starts many. So the first test server of a run builds a
 * template (a database migrated and seeded exactly as a test server's is, the demo admin's password
 * chosen) and every later one starts on a copy: an SQLite file copy, PostgreSQL's `CREATE DATABASE …
 * TEMPLATE`, and on MariaDB, which has no templates, the template's own DDL and rows replayed in one
 * round trip. The template is named by a hash of the server's sources and of this helper's build
 * step, so a change to a migration or the seed makes a new one; test processes and runs share it.
 */

const TEMPLATE_PREFIX = 'pacak_template_';
/** Templates of other sources are dropped once this old: another checkout may still be using a newer one. */
const SWEEP_AFTER_MS = 2 * 60 * 60 * 1000;
/** A MariaDB template builds in seconds; waiting longer than this means something is wrong (under the hook timeout). */
const BUILD_WAIT_MS = 50_000;

/** How a template is made ready: start a test server on the database, as a suite would, and close it. */
export type TemplateBuild = (database: ScratchDatabase) => Promise<void>;

let cachedKey: string | undefined;

function sourcesKey(): string {
  if (cachedKey) return cachedKey;
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) hash.update(path.slice(projectRoot.length)).update(readFileSync(path));
    }
  };
  visit(join(projectRoot, 'server'));
  for (const helper of ['server.ts', 'template-databases.ts']) hash.update(readFileSync(join(projectRoot, 'tests', 'helpers', helper)));
  cachedKey = hash.digest('hex').slice(0, 16);
  return cachedKey;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const withAdmin = async <T>(kind: 'postgres' | 'mariadb', work: (admin: Sequelize) => Promise<T>): Promise<T> => {
  const admin = openSide(ADMIN_URLS[kind]);
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
};

const databaseName = (url: string): string => new URL(url).pathname.slice(1);
const urlOf = (kind: 'postgres' | 'mariadb', name: string): string => {
  const url = new URL(ADMIN_URLS[kind]);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * A fresh database of `kind` holding what a test server's database holds right after its first start.
 * For SQLite it is the file `pacak.sqlite` in `dir`.
 */
export async function createSeededDatabase(kind: TestDb, dir: string, build: TemplateBuild): Promise<ScratchDatabase> {
  if (kind === 'sqlite') return cloneSqlite(dir, build);
  // A copy fails if another checkout's sweep dropped the template at that moment: build it again, once.
  for (let attempt = 1; ; attempt++) {
    try {
      return kind === 'postgres' ? await clonePostgres(build) : await cloneMariadb(build);
    } catch (error) {
      if (attempt >= 2 || !isMissingTemplate(error)) throw error;
      mariadbPlans.clear();
    }
  }
}

const isMissingTemplate = (error: unknown): boolean =>
  /does not exist|doesn't exist|Unknown database/i.test(error instanceof Error ? error.message : String(error));

// SQLite: a file per template in the temporary folder, written whole and renamed into place.

async function cloneSqlite(dir: string, build: TemplateBuild): Promise<ScratchDatabase> {
  const folder = join(tmpdir(), 'pacak-templates');
  mkdirSync(folder, { recursive: true });
  const template = join(folder, `${sourcesKey()}.sqlite`);
  if (!existsSync(template)) {
    sweepFiles(folder);
    const scratch = await createScratchDatabase('sqlite');
    try {
      await build(scratch);
      const partial = `${template}.${process.pid}.partial`;
      const side = openSide(scratch.url);
      try {
        // A consistent, checkpointed copy: no WAL file to carry along.
        await side.query(`VACUUM INTO '${partial}'`);
      } finally {
        await side.close();
      }
      renameSync(partial, template);
    } finally {
      await scratch.drop();
    }
  }
  const database = await createScratchDatabase('sqlite', { dir });
  copyFileSync(template, database.url.slice('sqlite:'.length));
  return database;
}

function sweepFiles(folder: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (Date.now() - statSync(path).mtimeMs > SWEEP_AFTER_MS) rmSync(path, { force: true });
  }
}

// PostgreSQL: the template is a database built as a scratch one and renamed, so its name appears only
// when it is complete; copies are CREATE DATABASE … TEMPLATE, which wants no session on the template.

async function clonePostgres(build: TemplateBuild): Promise<ScratchDatabase> {
  const template = `${TEMPLATE_PREFIX}${sourcesKey()}`;
  const exists = async () =>
    withAdmin('postgres', async (admin) => {
      const rows = await admin.query('SELECT 1 FROM pg_database WHERE datname = :template', {
        replacements: { template },
        type: QueryTypes.SELECT,
      });
      return rows.length > 0;
    });
  if (!(await exists())) {
    await sweepPostgres(template);
    const scratch = await createScratchDatabase('postgres');
    try {
      await build(scratch);
      await withAdmin('postgres', (admin) => admin.query(`ALTER DATABASE ${databaseName(scratch.url)} RENAME TO ${template}`));
    } catch (error) {
      await scratch.drop();
      // Another process finished the same template first: use theirs.
      if (!(await exists())) throw error;
    }
  }
  return createScratchDatabase('postgres', { template });
}

async function sweepPostgres(current: string): Promise<void> {
  await withAdmin('postgres', async (admin) => {
    const rows = await admin.query<{ name: string; made: Date | null }>(
      `SELECT datname AS name, (pg_stat_file('base/' || oid || '/PG_VERSION', true)).modification AS made
         FROM pg_database WHERE datname LIKE '${TEMPLATE_PREFIX.replace(/_/g, '\\_')}%'`,
      { type: QueryTypes.SELECT },
    );
    for (const { name, made } of rows) {
      if (name === current || !made || Date.now() - new Date(made).getTime() < SWEEP_AFTER_MS) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
    }
  });
}

// MariaDB: no templates and no RENAME DATABASE. The process that creates the template's database builds
// it in place and marks it ready with a table of its own; the others wait for that table. A copy replays
// the template's tables (SHOW CREATE TABLE, so foreign keys come along), rows, triggers and routines.

const READY_TABLE = 'template_ready';
/** Holds the building process's id, so a template left unfinished by a process that died is seen at once. */
const BUILDER_TABLE = 'template_builder';

interface MariadbPlan {
  script: string;
  /** Triggers and routines, one statement each: their bodies hold semicolons of their own. */
  compound: string[];
}

const mariadbPlans = new Map<string, MariadbPlan>();

async function cloneMariadb(build: TemplateBuild): Promise<ScratchDatabase> {
  const template = `${TEMPLATE_PREFIX}${sourcesKey()}`;
  await ensureMariadbTemplate(template, build);
  const plan = mariadbPlans.get(template) ?? (await planMariadbCopy(template));
  mariadbPlans.set(template, plan);
  const copy = await createScratchDatabase('mariadb');
  try {
    const connection = await createConnection({ uri: copy.url, multipleStatements: true });
    try {
      await connection.query(plan.script);
      for (const statement of plan.compound) await connection.query(statement);
    } finally {
      await connection.end();
    }
  } catch (error) {
    await copy.drop();
    throw error;
  }
  return copy;
}

async function ensureMariadbTemplate(template: string, build: TemplateBuild, retry = true): Promise<void> {
  const ready = () =>
    withAdmin('mariadb', async (admin) => {
      const rows = await admin.query('SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = :template AND TABLE_NAME = :table', {
        replacements: { template, table: READY_TABLE },
        type: QueryTypes.SELECT,
      });
      return rows.length > 0;
    });
  if (await ready()) return;
  const claimed = await withAdmin('mariadb', async (admin) => {
    await sweepMariadb(admin, template);
    try {
      await admin.query(`CREATE DATABASE ${template} CHARACTER SET latin1`);
      await admin.query(`CREATE TABLE ${template}.${BUILDER_TABLE} (pid INT)`);
      await admin.query(`INSERT INTO ${template}.${BUILDER_TABLE} VALUES (${process.pid})`);
      return true;
    } catch (error) {
      if ((error as { original?: { errno?: number } }).original?.errno === 1007) return false;
      throw error;
    }
  });
  if (claimed) {
    try {
      await build({ kind: 'mariadb', url: urlOf('mariadb', template), drop: async () => undefined });
      await withAdmin('mariadb', (admin) => admin.query(`CREATE TABLE ${template}.${READY_TABLE} (made DATETIME)`));
    } catch (error) {
      await withAdmin('mariadb', (admin) => admin.query(`DROP DATABASE IF EXISTS ${template}`));
      throw error;
    }
    return;
  }
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (!(await ready())) {
    if (retry && (await builderDied(template))) {
      await withAdmin('mariadb', (admin) => admin.query(`DROP DATABASE IF EXISTS ${template}`));
      return ensureMariadbTemplate(template, build, false);
    }
    if (Date.now() > deadline) throw new Error(`the test template ${template} is still not ready; drop it if no test run is building it`);
    await sleep(250);
  }
}

/** True when the process building the template is gone (test runs share this machine's database servers). */
async function builderDied(template: string): Promise<boolean> {
  const rows = await withAdmin('mariadb', (admin) =>
    admin.query<{ pid: number }>(`SELECT pid FROM ${template}.${BUILDER_TABLE}`, { type: QueryTypes.SELECT }).catch(() => []),
  );
  const pid = rows[0]?.pid;
  if (!pid) return false; // Claimed a moment ago: the id comes next.
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function sweepMariadb(admin: Sequelize, current: string): Promise<void> {
  const rows = await admin.query<{ name: string; made: Date | null }>(
    `SELECT s.SCHEMA_NAME AS name, t.CREATE_TIME AS made FROM information_schema.SCHEMATA s
       LEFT JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = s.SCHEMA_NAME AND t.TABLE_NAME = '${READY_TABLE}'
      WHERE s.SCHEMA_NAME LIKE '${TEMPLATE_PREFIX.replace(/_/g, '\\_')}%'`,
    { type: QueryTypes.SELECT },
  );
  for (const { name, made } of rows) {
    if (name === current || !made || Date.now() - new Date(made).getTime() < SWEEP_AFTER_MS) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
  }
}

async function planMariadbCopy(template: string): Promise<MariadbPlan> {
  return withAdmin('mariadb', async (admin) => {
    const select = <T extends object>(sql: string) => admin.query<T>(sql, { replacements: { template }, type: QueryTypes.SELECT });
    const views = await select<{ name: string }>(
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = :template AND TABLE_TYPE = 'VIEW'`,
    );
    if (views.length) throw new Error(`the test template copy does not replay views (${views.map((v) => v.name).join(', ')})`);
    const tables = await select<{ name: string }>(
      `SELECT TABLE_NAME AS name FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = :template AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT IN ('${READY_TABLE}', '${BUILDER_TABLE}') ORDER BY TABLE_NAME`,
    );
    const statements = ['SET FOREIGN_KEY_CHECKS = 0'];
    for (const { name } of tables) {
      const [created] = await admin.query<Record<string, string>>(`SHOW CREATE TABLE ${template}.\`${name}\``, { type: QueryTypes.SELECT });
      statements.push(created!['Create Table']!);
      const [{ rows }] = await select<{ rows: number }>(`SELECT COUNT(*) AS \`rows\` FROM ${template}.\`${name}\``);
      if (Number(rows) === 0) continue;
      const columns = await select<{ name: string }>(
        `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS
          WHERE TABLE_SCHEMA = :template AND TABLE_NAME = '${name}' AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION`,
      );
      const list = columns.map((column) => `\`${column.name}\``).join(', ');
      statements.push(`INSERT INTO \`${name}\` (${list}) SELECT ${list} FROM ${template}.\`${name}\``);
    }
    statements.push('SET FOREIGN_KEY_CHECKS = 1');
    const compound: string[] = [];
    for (const { name } of await select<{ name: string }>(
      `SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = :template`,
    )) {
      const [row] = await admin.query<Record<string, string>>(`SHOW CREATE TRIGGER ${template}.\`${name}\``, { type: QueryTypes.SELECT });
      compound.push(row!['SQL Original Statement']!);
    }
    const routines = await select<{ name: string; type: string }>(
      `SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS type FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = :template`,
    );
    for (const { name, type } of routines) {
      const [row] = await admin.query<Record<string, string>>(`SHOW CREATE ${type} ${template}.\`${name}\``, { type: QueryTypes.SELECT });
      compound.push(row![type === 'PROCEDURE' ? 'Create Procedure' : 'Create Function']!);
    }
    return { script: statements.join(';\n'), compound };
  });
}
