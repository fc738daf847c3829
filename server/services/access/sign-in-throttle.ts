import { Op, QueryTypes, literal, type Sequelize } from 'sequelize';
import type { Config } from '../../config.js';
import { isUniqueViolation } from '../../db/errors.js';
import { SignInThrottle } from '../../db/models/index.js';

/** One counter to bump on a failed sign-in, and how many failures it tolerates before locking. */
export interface ThrottleKey {
  key: string;
  limit: number;
}

/** What a claimed attempt learned: refused (with seconds until the lock ends), or allowed as the nth in its window. */
export type Claim = { allowed: false; retryAfterSeconds: number } | { allowed: true; failures: number };

/**
 * Counts failed sign-ins per username and per client address in the database, so several server
 * processes agree. Within a window of `lockSeconds`, the failure that reaches a key's limit locks
 * that key for `lockSeconds`; while locked, every attempt is refused, the right password included.
 * A successful sign-in clears its username's count (not its address's: one known account must not
 * reset an address that is guessing at others).
 *
 * Every step is a single conditional UPDATE or an INSERT guarded by the primary key, so concurrent
 * failures are all counted without a lock held across statements.
 */
export class SignInThrottleService {
  #failuresSinceSweep = 0;

  constructor(
    private readonly settings: Config['signIn'],
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Claims one attempt on every key before the secret is checked: one conditional UPDATE per key
   * counts the attempt only when the key is neither locked nor full, and locks it in the same
   * statement when the attempt reaches its limit. Concurrent attempts therefore cannot all pass a
   * lock test that none of them has yet written to: at most `limit` secrets are ever checked per
   * window, in any number of processes. A refused claim gives back the claims already made on the
   * other keys. A claim counts as a failure until `release` (success on a shared key) or `clear`.
   */
  async claim(keys: ThrottleKey[]): Promise<Claim> {
    let highest = 0;
    const taken: ThrottleKey[] = [];
    for (const key of keys) {
      const claimed = await this.#claimOne(key);
      if (!claimed.allowed) {
        for (const done of taken) await this.release(done);
        return claimed;
      }
      taken.push(key);
      highest = Math.max(highest, claimed.failures);
    }
    if (++this.#failuresSinceSweep >= 100) await this.#sweep();
    return { allowed: true, failures: highest };
  }

  /** Gives back one claimed attempt that turned out right, lifting a lock that only it had set. */
  async release({ key, limit }: ThrottleKey): Promise<void> {
    await SignInThrottle.update(
      {
        lockedUntil: literal(`CASE WHEN failures - 1 < ${Number(limit)} THEN NULL ELSE locked_until END`),
        failures: literal('failures - 1'),
      },
      { where: { key, failures: { [Op.gt]: 0 } } },
    );
  }

  async #claimOne({ key, limit }: ThrottleKey): Promise<Claim> {
    const db = SignInThrottle.sequelize as Sequelize;
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.now();
      const lockUntil = new Date(now.getTime() + this.settings.lockSeconds * 1000);
      // A time as SQL; PostgreSQL types a bare string in a CASE as text, so it is cast there.
      const at = (time: Date) => (db.getDialect() === 'postgres' ? `CAST(${db.escape(time)} AS TIMESTAMPTZ)` : db.escape(time));
      const windowStart = at(new Date(now.getTime() - this.settings.lockSeconds * 1000));
      const stale = `window_started_at <= ${windowStart}`;
      const max = Number(limit);
      const q = (name: string) => db.getQueryInterface().quoteIdentifier(name);
      // Assignments in this order: MariaDB evaluates SET left to right, so each reads the old values.
      const update =
        `UPDATE sign_in_throttles SET ` +
        `locked_until = CASE WHEN (CASE WHEN ${stale} THEN 1 ELSE failures + 1 END) >= ${max} THEN ${at(lockUntil)} ELSE NULL END, ` +
        // On MariaDB LAST_INSERT_ID(n) hands this attempt's number back in the statement's own answer.
        (db.getDialect() === 'mysql'
          ? `failures = LAST_INSERT_ID(CASE WHEN ${stale} THEN 1 ELSE failures + 1 END), `
          : `failures = CASE WHEN ${stale} THEN 1 ELSE failures + 1 END, `) +
        `window_started_at = CASE WHEN ${stale} THEN ${at(now)} ELSE window_started_at END, ` +
        `updated_at = ${at(now)} ` +
        `WHERE ${q('key')} = ${db.escape(key)} AND (locked_until IS NULL OR locked_until <= ${at(now)}) AND (${stale} OR failures < ${max})`;
      const counted = await this.#countedAs(db, update);
      if (counted !== null) return { allowed: true, failures: counted };
      const row = await SignInThrottle.findByPk(key, { attributes: ['lockedUntil'] });
      const until = row?.lockedUntil ? (row.lockedUntil as Date).getTime() : 0;
      if (until > now.getTime()) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
      if (row) continue; // Made or unlocked by another process since the UPDATE: claim again.
      try {
        await SignInThrottle.create({ key, failures: 1, windowStartedAt: now, lockedUntil: max <= 1 ? lockUntil : null, updatedAt: now });
        return { allowed: true, failures: 1 };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // Another process made it first: claim on it instead.
      }
    }
    return { allowed: false, retryAfterSeconds: this.settings.lockSeconds };
  }

  /**
   * Runs the claiming UPDATE and answers the count it left (this attempt's number), or null when it
   * changed no row, in the one statement: SQLite and PostgreSQL by RETURNING, MariaDB (which has no
   * RETURNING on UPDATE) by the LAST_INSERT_ID(n) the statement set, which comes back as its insertId.
   * No lock is held beyond the statement.
   */
  async #countedAs(db: Sequelize, update: string): Promise<number | null> {
    if (db.getDialect() !== 'mysql') {
      const rows = await db.query<{ failures: number }>(`${update} RETURNING failures`, { type: QueryTypes.SELECT });
      return rows[0] ? Number(rows[0].failures) : null;
    }
    const [result] = await db.query(update);
    const { affectedRows, insertId } = result as { affectedRows?: number; insertId?: number };
    return affectedRows ? Number(insertId) : null;
  }

  /** Seconds until the longest lock among the keys ends, or 0 when none is locked. */
  async lockedFor(keys: string[]): Promise<number> {
    const now = this.now();
    const locked = await SignInThrottle.findAll({
      where: { key: { [Op.in]: keys }, lockedUntil: { [Op.gt]: now } },
      attributes: ['lockedUntil'],
    });
    const until = Math.max(0, ...locked.map((row) => (row.lockedUntil as Date).getTime()));
    return until ? Math.max(1, Math.ceil((until - now.getTime()) / 1000)) : 0;
  }

  /** Counts one failure on every key and locks those that reached their limit; returns the highest count. */
  async recordFailure(keys: ThrottleKey[]): Promise<number> {
    let highest = 0;
    for (const { key, limit } of keys) {
      const failures = await this.#bump(key);
      highest = Math.max(highest, failures);
      if (failures >= limit) {
        const now = this.now();
        await SignInThrottle.update(
          { lockedUntil: new Date(now.getTime() + this.settings.lockSeconds * 1000), updatedAt: now },
          { where: { key, [Op.or]: [{ lockedUntil: null }, { lockedUntil: { [Op.lte]: now } }] } },
        );
      }
    }
    if (++this.#failuresSinceSweep >= 100) await this.#sweep();
    return highest;
  }

  async clear(key: string): Promise<void> {
    await SignInThrottle.destroy({ where: { key } });
  }

  async #bump(key: string): Promise<number> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.now();
      const windowStart = new Date(now.getTime() - this.settings.lockSeconds * 1000);
      const [counted] = await SignInThrottle.update(
        { failures: literal('failures + 1'), updatedAt: now },
        { where: { key, windowStartedAt: { [Op.gt]: windowStart } } },
      );
      if (counted === 0) {
        // No row, or its window has passed: start counting again from one.
        const [restarted] = await SignInThrottle.update(
          { failures: 1, windowStartedAt: now, lockedUntil: null, updatedAt: now },
          { where: { key, windowStartedAt: { [Op.lte]: windowStart } } },
        );
        if (restarted === 0 && !(await this.#create(key, now))) continue;
      }
      const row = await SignInThrottle.findByPk(key, { attributes: ['failures'] });
      if (row) return row.failures;
    }
    return Number.MAX_SAFE_INTEGER; // Could not count after five tries: treat it as over every limit.
  }

  async #create(key: string, now: Date): Promise<boolean> {
    try {
      await SignInThrottle.create({ key, failures: 1, windowStartedAt: now, updatedAt: now });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false; // Another process made it first: count on it instead.
      throw error;
    }
  }

  /** Forgets counters nobody has touched for two windows and that hold no lock. */
  async #sweep(): Promise<void> {
    this.#failuresSinceSweep = 0;
    const now = this.now();
    await SignInThrottle.destroy({
      where: {
        updatedAt: { [Op.lt]: new Date(now.getTime() - 2 * this.settings.lockSeconds * 1000) },
        [Op.or]: [{ lockedUntil: null }, { lockedUntil: { [Op.lte]: now } }],
      },
    });
  }
}
