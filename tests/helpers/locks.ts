import { QueryTypes, Transaction, type Sequelize } from 'sequelize';
import type { ScratchDatabase } from './databases.js';
import { openSide } from './databases.js';

export interface HeldLock {
  side: Sequelize;
  /** Ids of the server's connections now waiting on the lock (empty on SQLite, which cannot tell). */
  waiting(): Promise<number[]>;
  /** Waits until `count` server connections are blocked on the lock (on SQLite, a pause). */
  waitForBlocked(count?: number): Promise<number[]>;
  /** Lets the blocked statements go on; calling it again does nothing. */
  release(): Promise<void>;
}

/**
 * Holds the ratings table from another connection, as a long report or an operator would, so that a
 * rating sent now stays in flight until `release()`: PostgreSQL LOCK TABLE, MariaDB LOCK TABLES, and
 * on SQLite the write lock of an IMMEDIATE transaction (readers go on, writers wait on busy_timeout).
 */
export async function lockRatings(database: ScratchDatabase): Promise<HeldLock> {
  const side = openSide(database.url);
  const kind = database.kind;
  const transaction = await side.transaction(kind === 'sqlite' ? { type: Transaction.TYPES.IMMEDIATE } : {});
  if (kind === 'postgres') await side.query('LOCK TABLE ratings IN ACCESS EXCLUSIVE MODE', { transaction });
  if (kind === 'mariadb') await side.query('LOCK TABLES ratings WRITE', { transaction });

  let released = false;
  const waiting = async (): Promise<number[]> => {
    if (kind === 'sqlite') return [];
    const sql =
      kind === 'postgres'
        ? "SELECT pid AS id FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pacak-rating' AND wait_event_type = 'Lock'"
        : // A rating waits on the table lock, or on a row lock held by one that does (InnoDB shows that as an
          // ordinary running query): every query of this database still running but this one's is waiting.
          "SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND COMMAND IN ('Query', 'Execute') AND ID <> CONNECTION_ID()";
    const rows = await side.query<{ id: number }>(sql, { type: QueryTypes.SELECT });
    return rows.map((row) => Number(row.id));
  };

  return {
    side,
    waiting,
    async waitForBlocked(count = 1) {
      if (kind === 'sqlite') {
        // SQLite cannot show who waits; give the requests time to reach their insert (generous on a busy machine).
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return [];
      }
      const deadline = Date.now() + 10_000;
      for (;;) {
        const ids = await waiting();
        if (ids.length >= count) return ids;
        if (Date.now() > deadline) throw new Error(`only ${ids.length} of ${count} requests reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      if (released) return;
      released = true;
      if (kind === 'mariadb') await side.query('UNLOCK TABLES', { transaction });
      await transaction.rollback().catch(() => undefined);
      await side.close();
    },
  };
}

/** Ends a server connection from outside, as a database restart or an operator would. */
export async function killConnection(lock: HeldLock, kind: ScratchDatabase['kind'], id: number): Promise<void> {
  if (kind === 'postgres') await lock.side.query(`SELECT pg_terminate_backend(${Number(id)})`);
  else if (kind === 'mariadb') await lock.side.query(`KILL CONNECTION ${Number(id)}`);
  else throw new Error('SQLite has no server connections to end');
}
