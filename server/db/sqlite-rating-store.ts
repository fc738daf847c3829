import sqlite3 from 'sqlite3';
import { applyToDailyFigures } from './daily-figures.js';
import { RatingLimitReached, type RatingLimit, type RatingLimitKind } from '../services/rating-limits.js';
import type { NewRating, RatingStore } from '../services/rating-store.js';

const COLUMNS = [
  'office_id', 'employee_id', 'work_area_id', 'service_type_id',
  'profesional', 'amanah', 'cakap', 'akuntabel', 'kolaboratif',
  'comment', 'channel', 'client_id', 'receipt', 'phone_hash', 'phone_cipher', 'phone_masked',
  'ip_hash', 'local_date', 'verified', 'created_at', 'service_token_id',
] as const;

/**
 * The limits, counted on the ratings themselves: this store's transactions hold SQLite's one write
 * lock, which every process shares, so the counts cannot change between the check and the insert.
 */
const COUNTS = {
  phone: 'SELECT COUNT(*) FROM ratings WHERE phone_hash = ? AND local_date = ? AND office_id = ?',
  address: 'SELECT COUNT(*) FROM ratings WHERE ip_hash = ? AND created_at >= ?',
  burst: 'SELECT COUNT(*) FROM ratings WHERE ip_hash = ? AND created_at >= ?',
} as const;
const KINDS = Object.keys(COUNTS) as RatingLimitKind[];

/** One statement: the insert happens only while every limit has room (the room check is three index range counts). */
const INSERT =
  `INSERT INTO ratings (${COLUMNS.join(', ')}) SELECT ${COLUMNS.map(() => '?').join(', ')} ` +
  `WHERE ${KINDS.map((kind) => `(${COUNTS[kind]}) < ?`).join(' AND ')} ON CONFLICT DO NOTHING`;
const DIAGNOSE = `SELECT ${KINDS.map((kind) => `(${COUNTS[kind]}) AS ${kind}`).join(', ')}`;

/** The parameters of the three counts and their limits; a limit not asked for never fills. */
function limitValues(r: NewRating, limits: RatingLimit[]): { counts: unknown[][]; limits: number[] } {
  const byKind = new Map(limits.map((limit) => [limit.kind, limit]));
  const counts = KINDS.map((kind) => {
    const limit = byKind.get(kind);
    if (kind === 'phone') return [r.phoneHash, r.localDate, r.officeId];
    return [r.ipHash, sqliteDate(limit?.windowStart ?? new Date(0))];
  });
  return { counts, limits: KINDS.map((kind) => byKind.get(kind)?.limit ?? Number.MAX_SAFE_INTEGER) };
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
    const statement = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const prepared: sqlite3.Statement = db.prepare(INSERT, (error) => (error ? reject(error) : resolve(prepared)));
    });
    return new SqliteRatingStore(db, statement);
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
    try {
      await this.#run('BEGIN IMMEDIATE', []);
      for (const { rating, limits } of batch) {
        const limit = limitValues(rating, limits);
        const params = [...values(rating), ...limit.counts.flatMap((count, i) => [...count, limit.limits[i]])];
        // A failing statement leaves the transaction open, so one bad rating fails alone.
        let outcome: { id: number | null } | { error: unknown } = await new Promise((resolve) =>
          this.insertStatement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
            resolve(error ? { error } : { id: this.changes ? this.lastID : null });
          }),
        );
        if ('id' in outcome && outcome.id === null && limits.length) outcome = await this.#whyNotStored(limit);
        outcomes.push(outcome);
      }
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
  async #whyNotStored(limit: { counts: unknown[][]; limits: number[] }): Promise<{ id: null } | { error: unknown }> {
    const row = await new Promise<Record<RatingLimitKind, number> | undefined>((resolve, reject) =>
      this.db.get(DIAGNOSE, limit.counts.flat(), (error: Error | null, found: Record<RatingLimitKind, number> | undefined) =>
        error ? reject(error) : resolve(found),
      ),
    );
    const full = KINDS.find((kind, i) => row && row[kind] >= limit.limits[i]!);
    return full ? { error: new RatingLimitReached(full) } : { id: null };
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
