import { Op, type Sequelize } from 'sequelize';
import { Office, Rating } from '../../db/models/index.js';
import { sweepCounters } from '../../db/rate-counters.js';
import type { Logger } from '../../logger.js';
import { localDate } from '../../domain/local-date.js';

const DAY_MS = 86_400_000;

export interface RetentionResult {
  /** Ratings whose readable phone number this pass erased. */
  erased: number;
  /** Rate-limit counters of windows long past that this pass forgot. */
  counters: number;
}

/**
 * Personal data past its time: erases the encrypted phone number (`phone_cipher`) of every rating
 * made more than RETENTION_DAYS office-local days ago, keeping its keyed hash (the one-a-day rule,
 * counting) and masked form (reports), and forgets rate-limit counters of windows long past. Each step
 * is an idempotent UPDATE or DELETE of a bounded batch, so several processes may run it at once: a row
 * one of them erased is simply not found by the others. Rows are found per office by local day through
 * the (office_id, local_date) index, which ratings have anyway; after a pass, the next looks only at
 * days since the previous cutoff (less one), so an hourly pass over a large table stays small.
 */
export class RetentionJob {
  readonly #checkedBefore = new Map<number, string>();

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
    const now = this.now();
    let erased = 0;
    for (const office of await Office.findAll({ attributes: ['id', 'timezone'] })) {
      // A rating of local day D is erased once D is more than RETENTION_DAYS days before today.
      const cutoff = localDate(new Date(now.getTime() - this.retentionDays * DAY_MS), office.timezone);
      const since = this.#checkedBefore.get(office.id);
      const days = since ? { [Op.gte]: previousDay(since), [Op.lt]: cutoff } : { [Op.lt]: cutoff };
      for (;;) {
        const batch = await Rating.findAll({
          attributes: ['id'],
          where: { officeId: office.id, localDate: days, phoneCipher: { [Op.ne]: null } },
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
      this.#checkedBefore.set(office.id, cutoff);
    }
    const keepSeconds = Math.max(2 * 86_400, 2 * this.longestWindowSeconds);
    const counters = await sweepCounters(this.sequelize, Math.floor(now.getTime() / 1000) - keepSeconds);
    return { erased, counters };
  }
}

const previousDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

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
