import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { QueryTypes, type Sequelize } from 'sequelize';

/** How long a starting process waits for another one to finish migrating before giving up. */
const WAIT_MS = 120_000;

/** A constant key for pg_advisory_xact_lock; advisory locks are per database, so one key is enough. */
const POSTGRES_LOCK_KEY = 72_250_001;

export class StartupLockError extends Error {
  override name = 'StartupLockError';
}

/**
 * Runs `work` (migrate, seed, copy) while holding a lock on the database, so that several server
 * processes started together on one database migrate and seed one after the other instead of racing:
 * the second finds the schema current and the first office there. PostgreSQL uses a transaction-scoped
 * advisory lock and MySQL/MariaDB a named lock, each held by a connection of its own, so `sequelize`
 * needs a pool of at least two. SQLite, reached only from one machine, uses a lock file beside the database.
 */
export async function withStartupLock<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  const dialect = sequelize.getDialect();
  if (dialect === 'postgres') {
    return sequelize.transaction(async (transaction) => {
      await sequelize.query(`SET LOCAL lock_timeout = ${WAIT_MS}`, { transaction });
      await sequelize.query(`SELECT pg_advisory_xact_lock(${POSTGRES_LOCK_KEY})`, { transaction });
      return work();
    });
  }
  if (dialect === 'mysql') {
    return sequelize.transaction(async (transaction) => {
      const name = "LEFT(CONCAT('pacak-startup:', DATABASE()), 64)";
      const [row] = await sequelize.query<{ got: number | null }>(`SELECT GET_LOCK(${name}, ${WAIT_MS / 1000}) AS got`, {
        transaction,
        type: QueryTypes.SELECT,
      });
      if (row?.got !== 1) throw new StartupLockError('Another server process has been migrating this database for too long.');
      try {
        return await work();
      } finally {
        await sequelize.query(`SELECT RELEASE_LOCK(${name})`, { transaction });
      }
    });
  }
  const storage = (sequelize as unknown as { options: { storage?: string } }).options.storage ?? ':memory:';
  return storage === ':memory:' || storage === '' ? work() : withLockFile(`${storage}.startup-lock`, work);
}

async function withLockFile<T>(path: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone(path)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new StartupLockError(`${path} is held by another process; remove it if no server is starting.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(path, { force: true });
  }
}

/** A lock file left by a process that died (a crash during migration) must not block the next start. */
function holderIsGone(path: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
