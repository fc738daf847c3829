import sqlite3 from 'sqlite3';
import { applyToDailyFigures } from './daily-figures.js';
import { RatingLimitReached, type RatingLimit } from '../services/rating-limits.js';
import type { NewRating, RatingStore } from '../services/rating-store.js';

const COLUMNS = [
  'office_id', 'employee_id', 'work_area_id', 'service_type_id',
  'profesional', 'amanah', 'cakap', 'akuntabel', 'kolaboratif',
  'comment', 'channel', 'client_id', 'receipt', 'phone_hash', 'phone_cipher', 'phone_masked',
  'ip_hash', 'local_date', 'verified', 'created_at', 'service_token_id',
] as const;

/**
 * The limits, in `rate_counters` like on the other databases, but checked inside this store's batch
 * transaction: it holds SQLite's one write lock, which every process shares, so no count can change
 * between the check and the insert. The insert checks room with a point lookup per limit, less what
 * earlier ratings of the same batch have used (kept in memory); the batch then adds its counts in one
 * statement before it commits, so a limit costs no statement per rating and a rolled-back batch counts
 * nothing.
 */
const MAX_LIMITS = 3;
const ROOM = '(COALESCE((SELECT count FROM rate_counters WHERE key_hash = ? AND window_start = ?), 0) < ?)';
const INSERT =
  `INSERT INTO ratings (${COLUMNS.join(', ')}) SELECT ${COLUMNS.map(() => '?').join(', ')} ` +
  `WHERE ${Array<string>(MAX_LIMITS).fill(ROOM).join(' AND ')} ON CONFLICT DO NOTHING`;
const COUNT = 'SELECT count FROM rate_counters WHERE key_hash = ? AND window_start = ?';
const addCountsSql = (rows: number) =>
  `INSERT INTO rate_counters (key_hash, window_start, count) VALUES ${Array<string>(rows).fill('(?, ?, ?)').join(', ')} ` +
  'ON CONFLICT (key_hash, window_start) DO UPDATE SET count = rate_counters.count + excluded.count';

/** Counts the batch has added so far, by `key@windowStart`. */
type BatchCounts = Map<string, { key: string; windowStart: number; added: number }>;
const idOf = (limit: RatingLimit) => `${limit.counter.key}@${limit.counter.windowStart}`;

/** The room check's parameters: key, window and remaining room per slot; a slot without a limit always has room. */
function roomValues(limits: RatingLimit[], batch: BatchCounts): unknown[] {
  if (limits.length > MAX_LIMITS) throw new Error(`at most ${MAX_LIMITS} limits per rating`);
  const slots = limits.map((l) => [l.counter.key, l.counter.windowStart, l.limit - (batch.get(idOf(l))?.added ?? 0)]);
  while (slots.length < MAX_LIMITS) slots.push(['', 0, 1]);
  return slots.flat();
}

/** The text form Sequelize's SQLite dialect writes dates in, so both read each other's rows. */
export const sqliteDate = (date: Date): string => `${date.toISOString().replace('T', ' ').replace('Z', '')} +00:00`;

function values(r: NewRating): unknown[] {
  return [
    r.officeId, r.employeeId, r.workAreaId, r.serviceTypeId,
    r.profesional, r.amanah, r.cakap, r.akuntabel, r.kolaboratif,
    r.comment, r.channel, r.clientId, r.receipt, r.phoneHash, r.phoneCipher, r.phoneMasked,
    r.ipHash, r.localDate, r.verified ? 1 : 0, sqliteDate(r.createdAt), r.serviceTokenId ?? null,
  ];
}

interface Pending {
  rating: NewRating;
  limits: RatingLimit[];
  resolve(id: number | null): void;
  reject(error: unknown): void;
}

/** Largest group written in one transaction; more waiting ratings go in the next. */
const MAX_BATCH = 256;

/**
 * Writes ratings to SQLite through a connection of its own, grouping the ratings that arrive while
 * a commit is under way into the next transaction. SQLite commits one transaction at a time and a
 * durable commit costs an fsync, so one commit for many ratings is where the throughput comes from;
 * every caller still gets its answer only after the commit that holds its rating.
 */
export class SqliteRatingStore implements RatingStore {
  readonly #queue: Pending[] = [];
  #busy = false;

  private constructor(
    private readonly db: sqlite3.Database,
    private readonly insertStatement: sqlite3.Statement,
  ) {}

  /** `busyTimeoutMs`: how long a commit waits for another connection's write lock before failing (503). */
  static async open(file: string, busyTimeoutMs: number): Promise<SqliteRatingStore> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
    });
    const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
    await exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=${Math.floor(busyTimeoutMs)}; PRAGMA foreign_keys=ON;`);
    const prepare = (sql: string) =>
      new Promise<sqlite3.Statement>((resolve, reject) => {
        const prepared: sqlite3.Statement = db.prepare(sql, (error) => (error ? reject(error) : resolve(prepared)));
      });
    return new SqliteRatingStore(db, await prepare(INSERT));
  }

  insert(rating: NewRating, limits: RatingLimit[] = []): Promise<number | null> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ rating, limits, resolve, reject });
      if (!this.#busy) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#busy = true;
    // Let the requests already parsed in this turn of the event loop join the first group.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#queue.length) await this.#write(this.#queue.splice(0, MAX_BATCH));
    this.#busy = false;
  }

  async #write(batch: Pending[]): Promise<void> {
    const outcomes: ({ id: number | null } | { error: unknown })[] = [];
    const counts: BatchCounts = new Map();
    try {
      await this.#run('BEGIN IMMEDIATE', []);
      for (const { rating, limits } of batch) {
        // A failing statement leaves the transaction open, so one bad rating fails alone.
        let outcome: { id: number | null } | { error: unknown } = await new Promise((resolve) =>
          this.insertStatement.run([...values(rating), ...roomValues(limits, counts)], function (this: sqlite3.RunResult, error: Error | null) {
            resolve(error ? { error } : { id: this.changes ? this.lastID : null });
          }),
        );
        if ('id' in outcome && outcome.id === null && limits.length) outcome = await this.#whyNotStored(limits, counts);
        else if ('id' in outcome) {
          for (const limit of limits) {
            const counted = counts.get(idOf(limit)) ?? { key: limit.counter.key, windowStart: limit.counter.windowStart, added: 0 };
            counted.added++;
            counts.set(idOf(limit), counted);
          }
        }
        outcomes.push(outcome);
      }
      if (counts.size) await this.#run(addCountsSql(counts.size), [...counts.values()].flatMap((c) => [c.key, c.windowStart, c.added]));
      const stored = batch.filter((_, i) => { const o = outcomes[i]; return o && 'id' in o && o.id !== null; });
      await applyToDailyFigures((sql, params) => this.#run(sql, params), 'sqlite', stored.map((p) => p.rating), 1, (v) => (v ? 1 : 0));
      await this.#run('COMMIT', []);
    } catch (error) {
      await this.#run('ROLLBACK', []).catch(() => undefined);
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i] as { id: number | null } | { error: unknown };
      if ('error' in outcome) pending.reject(outcome.error);
      else pending.resolve(outcome.id);
    });
  }

  /** Not inserted: a full limit (told as RatingLimitReached) or a unique index (null, the caller tells which). */
  async #whyNotStored(limits: RatingLimit[], batch: BatchCounts): Promise<{ id: null } | { error: unknown }> {
    for (const limit of limits) {
      const row = await new Promise<{ count: number } | undefined>((resolve, reject) =>
        this.db.get(COUNT, [limit.counter.key, limit.counter.windowStart], (error: Error | null, found: { count: number } | undefined) =>
          error ? reject(error) : resolve(found),
        ),
      );
      if ((row?.count ?? 0) + (batch.get(idOf(limit))?.added ?? 0) >= limit.limit) return { error: new RatingLimitReached(limit.kind) };
    }
    return { id: null };
  }


  #run(sql: string, params: unknown[]): Promise<void> {
    return new Promise((resolve, reject) => this.db.run(sql, params, (error: Error | null) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    while (this.#busy || this.#queue.length) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise<void>((resolve) => this.insertStatement.finalize(() => resolve()));
    await new Promise<void>((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }
}
