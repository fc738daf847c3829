import { Op, type Sequelize } from 'sequelize';
import { Rating } from '../db/models/index.js';
import { sweepCounters } from '../db/rate-counters.js';
import type { Logger } from '../logger.js';

const DAY_MS = 86_400_000;

export interface RetentionResult {
  /** Ratings whose readable phone number this pass erased. */
  erased: number;
  /** Rate-limit counters of windows long past that this pass forgot. */
  counters: number;
}

/**
 * Personal data past its time: erases the encrypted phone number (`phone_cipher`) of every rating
 * older than RETENTION_DAYS, keeping its keyed hash (the one-a-day rule, counting) and masked form
 * (reports), and forgets rate-limit counters of windows long past. Each step is an idempotent
 * UPDATE or DELETE of a bounded batch, so several processes may run it at once: a row one of them
 * erased is simply not found by the others. A pass looks only at rows created since the previous
 * pass's cutoff (less a day), so a pass on a large table stays an index range of new rows.
 */
export class RetentionJob {
  #checkedUpTo = 0;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly retentionDays: number,
    /** The longest rate-limit window in seconds: counters are kept twice that, and at least two days. */
    private readonly longestWindowSeconds: number,
    private readonly now: () => Date = () => new Date(),
    /** Ratings erased per statement: short transactions, so ratings arriving meanwhile wait little. */
    private readonly batchSize = 500,
  ) {}

  async run(): Promise<RetentionResult> {
    const now = this.now().getTime();
    const cutoff = new Date(now - this.retentionDays * DAY_MS);
    const since = new Date(Math.max(0, this.#checkedUpTo - DAY_MS));
    let erased = 0;
    for (;;) {
      const batch = await Rating.findAll({
        attributes: ['id'],
        where: { createdAt: { [Op.gte]: since, [Op.lt]: cutoff }, phoneCipher: { [Op.ne]: null } },
        order: [['createdAt', 'ASC']],
        limit: this.batchSize,
      });
      if (!batch.length) break;
      const [changed] = await Rating.update(
        { phoneCipher: null },
        { where: { id: batch.map((rating) => rating.id), phoneCipher: { [Op.ne]: null } } },
      );
      erased += changed;
      if (batch.length < this.batchSize) break;
    }
    this.#checkedUpTo = cutoff.getTime();
    const keepSeconds = Math.max(2 * 86_400, 2 * this.longestWindowSeconds);
    const counters = await sweepCounters(this.sequelize, Math.floor(now / 1000) - keepSeconds);
    return { erased, counters };
  }
}

export interface Schedule {
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

/** Runs the job now and then every `minutes`; a failed pass is logged and the next one tries again. */
export function schedule(job: RetentionJob, minutes: number, logger: Logger): Schedule {
  if (minutes <= 0) return { stop: async () => undefined };
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    running = job.run().then(
      (result) => {
        if (result.erased || result.counters) logger.info('retention', { ...result });
      },
      (error: unknown) => logger.error('retention failed', { error: (error as Error).message?.replace(/\d{9,}/g, '[digits]') }),
    );
  };
  const first = setTimeout(pass, 1_000);
  const timer = setInterval(pass, minutes * 60_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
