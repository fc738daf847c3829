import { Op, literal } from 'sequelize';
import type { Config } from '../../config.js';
import { isUniqueViolation } from '../../db/errors.js';
import { SignInThrottle } from '../../db/models/index.js';

/** One counter to bump on a failed sign-in, and how many failures it tolerates before locking. */
export interface ThrottleKey {
  key: string;
  limit: number;
}

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
