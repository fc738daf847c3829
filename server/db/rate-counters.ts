import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { Dialect } from './connection.js';

/** One count to add to: a key (a keyed hash with a prefix saying what it counts) in a fixed window. */
export interface CounterHit {
  key: string;
  /** Seconds since the epoch when the window began. */
  windowStart: number;
}

const idOf = (hit: CounterHit): string => `${hit.key}@${hit.windowStart}`;

/**
 * Adds one to each counter in `rate_counters` and answers the counts after it, keyed `key@windowStart`.
 * The upsert is atomic on every database, and within a transaction it holds the counter rows until
 * commit, so concurrent requests for one key are counted one after the other and a rollback takes
 * the count back. Keys are bumped in a fixed order, so two transactions never wait on each other in
 * a circle. PostgreSQL and SQLite answer the counts with RETURNING (SQLite 3.35+); MySQL and MariaDB
 * before 10.5 have no RETURNING, so one key reads its count through LAST_INSERT_ID(expr), which the
 * statement's own result carries, and several keys are read back with a locking SELECT.
 */
export async function bumpCounters(sequelize: Sequelize, hits: CounterHit[], transaction?: Transaction): Promise<Map<string, number>> {
  const sorted = [...new Map(hits.map((hit) => [idOf(hit), hit])).values()].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
  const counts = new Map<string, number>();
  if (!sorted.length) return counts;
  const dialect = sequelize.getDialect() as Dialect;
  const values = sorted.map(() => '(?, ?, 1)').join(', ');
  const replacements = sorted.flatMap((hit) => [hit.key, hit.windowStart]);

  if (dialect === 'mysql' || dialect === 'mariadb') {
    if (sorted.length === 1) {
      const [insertId] = (await sequelize.query(
        'INSERT INTO rate_counters (key_hash, window_start, count) VALUES (?, ?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE count = LAST_INSERT_ID(count + 1)',
        { replacements, transaction, type: QueryTypes.INSERT },
      )) as unknown as [number, number];
      counts.set(idOf(sorted[0]), Number(insertId));
      return counts;
    }
    await sequelize.query(
      `INSERT INTO rate_counters (key_hash, window_start, count) VALUES ${values} ON DUPLICATE KEY UPDATE count = count + 1`,
      {
        replacements,
        transaction,
      },
    );
    const rows = await sequelize.query<{ key_hash: string; window_start: number | string; count: number }>(
      `SELECT key_hash, window_start, count FROM rate_counters WHERE ${sorted.map(() => '(key_hash = ? AND window_start = ?)').join(' OR ')} FOR UPDATE`,
      { replacements, transaction, type: QueryTypes.SELECT },
    );
    for (const row of rows) counts.set(`${row.key_hash}@${Number(row.window_start)}`, Number(row.count));
    return counts;
  }

  // The leading comment keeps Sequelize's SQLite dialect from running an INSERT as a statement without rows.
  const rows = await sequelize.query<{ key_hash: string; window_start: number | string; count: number }>(
    `/* rate counters */ INSERT INTO rate_counters (key_hash, window_start, count) VALUES ${values}
     ON CONFLICT (key_hash, window_start) DO UPDATE SET count = rate_counters.count + 1
     RETURNING key_hash, window_start, count`,
    { replacements, transaction, type: QueryTypes.SELECT },
  );
  for (const row of rows) counts.set(`${row.key_hash}@${Number(row.window_start)}`, Number(row.count));
  return counts;
}

/** The count `bumpCounters` answered for one hit. */
export const countOf = (counts: Map<string, number>, hit: CounterHit): number => counts.get(idOf(hit)) ?? Number.MAX_SAFE_INTEGER;

/** Forgets counters whose window began before `before` (seconds since the epoch); answers how many. */
export async function sweepCounters(sequelize: Sequelize, before: number): Promise<number> {
  const deleted = await sequelize.query('DELETE FROM rate_counters WHERE window_start < ?', {
    replacements: [before],
    type: QueryTypes.BULKDELETE,
  });
  return Number(deleted) || 0;
}
