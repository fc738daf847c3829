import sqlite3 from 'sqlite3';
import { sqliteAlertOutboxTrigger } from './alert-outbox.js';
import { sqliteDailyFiguresTrigger } from './daily-figures.js';
import { GroupingQueue } from './grouping-queue.js';
import { RATING_COLUMN_NAMES, ratingValues } from './rating-columns.js';
import { RatingLimitReached, type NewRating, type RatingLimit } from './rating-store.js';

/**
 * A group of ratings in one statement with one parameter: a JSON array of rows, which SQLite takes
 * apart itself (json_each). Binding thousands of parameters one by one cost more than the insert.
 * `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to the SELECT.
 * The rows a unique index refused are the ones not returned.
 */
const INSERT = `INSERT INTO ratings (${RATING_COLUMN_NAMES.join(', ')})
SELECT ${RATING_COLUMN_NAMES.map((_, i) => `value->>${i}`).join(', ')} FROM json_each(?) WHERE true
ON CONFLICT DO NOTHING RETURNING id, client_id, receipt`;

/** The text form Sequelize's SQLite dialect writes dates in, so both read each other's rows. */
export const sqliteDate = (date: Date): string => `${date.toISOString().replace('T', ' ').replace('Z', '')} +00:00`;

const values = (r: NewRating): unknown[] =>
  ratingValues(r, {
    date: sqliteDate,
    flag: (value) => (value ? 1 : 0),
    // A lone surrogate becomes U+FFFD, as binding the string as a parameter would store it.
    comment: (value) => value.replace(/\p{Cs}/gu, '\uFFFD'),
  });

/**
 * The limits, in `rate_counters` like on the other databases, but checked inside this store's group
 * transaction: it holds SQLite's one write lock, which every process shares, so no count can change
 * between the check and the insert. One statement reads the counters of the whole group (point
 * lookups); the group's own ratings count against each other in memory; one statement adds what the
 * group stored before it commits, so a rolled-back group counts nothing.
 */
const COUNTS = `SELECT value->>0 AS key, value->>1 AS window,
  COALESCE((SELECT count FROM rate_counters WHERE key_hash = value->>0 AND window_start = value->>1), 0) AS count
FROM json_each(?)`;

/**
 * Adds a group's counts and commits, in one trip to SQLite's thread (`exec` runs several statements
 * but binds no parameters): the rows go in as a JSON text literal, quotes doubled. If the insert
 * fails, COMMIT does not run and the caller rolls back.
 */
const addCountsAndCommitSql = (rows: [string, number, number][]) =>
  `INSERT INTO rate_counters (key_hash, window_start, count)
SELECT value->>0, value->>1, value->>2 FROM json_each('${JSON.stringify(rows).replaceAll("'", "''")}') WHERE true
ON CONFLICT (key_hash, window_start) DO UPDATE SET count = rate_counters.count + excluded.count;
COMMIT;`;

/** What this store reads of a limit; its thread (sqlite-writer.ts) passes no more. */
export type StoreLimit = Pick<RatingLimit, 'kind' | 'counter' | 'limit'>;

const idOf = (limit: StoreLimit) => `${limit.counter.key}@${limit.counter.windowStart}`;

type Outcome = { id: number | null } | { error: unknown };

interface Pending {
  rating: NewRating;
  limits: StoreLimit[];
  resolve(id: number | null): void;
  reject(error: unknown): void;
}

interface Statements {
  begin: sqlite3.Statement;
  counts: sqlite3.Statement;
  insert: sqlite3.Statement;
  commit: sqlite3.Statement;
  rollback: sqlite3.Statement;
}

/** Largest group written in one transaction; more waiting ratings go in the next. */
const MAX_BATCH = 256;

/**
 * Writes ratings to SQLite through a connection of its own, grouping the ratings that arrive while
 * a commit is under way into the next transaction. SQLite commits one transaction at a time and a
 * durable commit costs an fsync, so one commit for many ratings is where the throughput comes from;
 * every caller still gets its answer only after the commit that holds its rating.
 *
 * A group is four trips to SQLite's thread: BEGIN, one read of the limit counters, one INSERT for all
 * its ratings, and the counters' update with the COMMIT. Each trip comes back through the event loop,
 * so the server runs this store on a thread of its own (sqlite-writer-thread.ts), where the loop is
 * free. The daily figures follow in the same transaction through a TEMP trigger of this connection
 * (see sqliteDailyFiguresTrigger).
 */
export class SqliteRatingStore {
  readonly #groups = new GroupingQueue<Pending>(MAX_BATCH, (batch) => this.#write(batch));

  private constructor(
    private readonly db: sqlite3.Database,
    private readonly statements: Statements,
  ) {}

  /** `busyTimeoutMs`: how long a commit waits for another connection's write lock before failing (503). */
  static async open(file: string, busyTimeoutMs: number): Promise<SqliteRatingStore> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
    });
    const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
    await exec(
      `PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=${Math.floor(busyTimeoutMs)}; PRAGMA foreign_keys=ON;`,
    );
    await exec(sqliteDailyFiguresTrigger());
    await exec(sqliteAlertOutboxTrigger());
    const prepare = (sql: string) =>
      new Promise<sqlite3.Statement>((resolve, reject) => {
        const prepared: sqlite3.Statement = db.prepare(sql, (error) => (error ? reject(error) : resolve(prepared)));
      });
    return new SqliteRatingStore(db, {
      begin: await prepare('BEGIN IMMEDIATE'),
      counts: await prepare(COUNTS),
      insert: await prepare(INSERT),
      commit: await prepare('COMMIT'),
      rollback: await prepare('ROLLBACK'),
    });
  }

  insert(rating: NewRating, limits: StoreLimit[] = []): Promise<number | null> {
    return new Promise((resolve, reject) => this.#groups.push({ rating, limits, resolve, reject }));
  }

  async #write(batch: Pending[]): Promise<void> {
    const outcomes = new Map<Pending, Outcome>();
    try {
      await this.#run(this.statements.begin);
      for (const [pending, error] of await this.#overLimit(batch)) outcomes.set(pending, { error });
      const within = batch.filter((pending) => !outcomes.has(pending));
      // A failing statement changes nothing (its trigger's work included) and leaves the transaction
      // open: then row by row, so one bad rating fails alone.
      const stored = within.length ? await this.#insert(within).catch(() => this.#insertEach(within)) : [];
      within.forEach((pending, i) => outcomes.set(pending, stored[i] as Outcome));
      await this.#countAndCommit(
        within.filter((_, i) => {
          const o = stored[i];
          return o && 'id' in o && o.id !== null;
        }),
      );
    } catch (error) {
      await this.#run(this.statements.rollback).catch(() => undefined);
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const pending of batch) {
      const outcome = outcomes.get(pending) as Outcome;
      if ('error' in outcome) pending.reject(outcome.error);
      else pending.resolve(outcome.id);
    }
  }

  /**
   * The ratings of a group whose limits are full: the counters read in one statement, then the group's
   * own ratings in order, so two that share a phone or an address count against each other.
   */
  async #overLimit(batch: Pending[]): Promise<Map<Pending, RatingLimitReached>> {
    const over = new Map<Pending, RatingLimitReached>();
    const limits = new Map(batch.flatMap((pending) => pending.limits).map((limit) => [idOf(limit), limit]));
    if (!limits.size) return over;
    const args = [...limits.values()].map((limit) => [limit.counter.key, limit.counter.windowStart]);
    const rows = await new Promise<{ key: string; window: number; count: number }[]>((resolve, reject) =>
      this.statements.counts.all([JSON.stringify(args)], (error: Error | null, found: { key: string; window: number; count: number }[]) =>
        error ? reject(error) : resolve(found),
      ),
    );
    const used = new Map(rows.map((row) => [`${row.key}@${row.window}`, Number(row.count)]));
    for (const pending of batch) {
      const full = pending.limits.find((limit) => (used.get(idOf(limit)) ?? 0) >= limit.limit);
      if (full) over.set(pending, new RatingLimitReached(full.kind));
      else for (const limit of pending.limits) used.set(idOf(limit), (used.get(idOf(limit)) ?? 0) + 1);
    }
    return over;
  }

  /** Adds the stored ratings of a group to their counters and commits the group. */
  async #countAndCommit(stored: Pending[]): Promise<void> {
    const added = new Map<string, [string, number, number]>();
    for (const limit of stored.flatMap((pending) => pending.limits)) {
      const row = added.get(idOf(limit)) ?? [limit.counter.key, limit.counter.windowStart, 0];
      row[2]++;
      added.set(idOf(limit), row);
    }
    if (!added.size) return this.#run(this.statements.commit);
    await new Promise<void>((resolve, reject) =>
      this.db.exec(addCountsAndCommitSql([...added.values()]), (error) => (error ? reject(error) : resolve())),
    );
  }

  /** Inserts ratings in one statement and tells each its id, or null when a unique index refused it. */
  async #insert(batch: Pending[]): Promise<{ id: number | null }[]> {
    const rows = await new Promise<{ id: number; client_id: string; receipt: string }[]>((resolve, reject) =>
      this.statements.insert.all(
        [JSON.stringify(batch.map((p) => values(p.rating)))],
        (error: Error | null, result: { id: number; client_id: string; receipt: string }[]) => (error ? reject(error) : resolve(result)),
      ),
    );
    // RETURNING does not promise the order of the rows, so they are matched by clientId and receipt.
    const ids = new Map(rows.map((row) => [`${row.client_id} ${row.receipt}`, row.id]));
    return batch.map(({ rating }) => {
      const key = `${rating.clientId} ${rating.receipt}`;
      const id = ids.get(key) ?? null;
      ids.delete(key); // The same rating twice in one group: the second was refused.
      return { id };
    });
  }

  async #insertEach(batch: Pending[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (const pending of batch) {
      outcomes.push(
        await this.#insert([pending]).then(
          ([outcome]) => outcome as Outcome,
          (error: unknown) => ({ error }),
        ),
      );
    }
    return outcomes;
  }

  #run(statement: sqlite3.Statement): Promise<void> {
    return new Promise((resolve, reject) => statement.run((error: Error | null) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    await this.#groups.idle();
    for (const statement of Object.values(this.statements)) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    await new Promise<void>((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }
}
