import type { Sequelize } from 'sequelize';
import type { Dialect } from './connection.js';
import { applyToDailyFigures } from './daily-figures.js';
import { isUniqueViolation } from './errors.js';
import { queueLowScoreAlert } from './alert-outbox.js';
import { Rating } from './models/index.js';
import { bumpCounters, countOf } from './rate-counters.js';
import { whyRefused } from './rating-refusals.js';
import { RatingLimitReached, type InsertOutcome, type NewRating, type RatingLimit, type RatingStore } from './rating-store.js';

/**
 * One transaction per rating through Sequelize, about six round trips: what MySQL runs (PostgreSQL and
 * MariaDB have lean stores of their own, see openRatingStore) and what report fixtures store with. The limits are counters in `rate_counters` bumped first in the same transaction: the
 * counter rows stay locked until commit, so ratings of one phone or address are counted in turn, and a
 * rating refused (over a limit, or by a unique index) rolls its counts back. The counters so count
 * stored ratings exactly, at the price of one more statement per rating (two on MySQL and MariaDB).
 */
export class SequelizeRatingStore implements RatingStore {
  constructor(private readonly sequelize: Sequelize) {}

  async insert(rating: NewRating, limits: RatingLimit[] = []): Promise<InsertOutcome> {
    try {
      const id = await this.sequelize.transaction(async (transaction) => {
        if (limits.length) {
          const counts = await bumpCounters(
            this.sequelize,
            limits.map((limit) => limit.counter),
            transaction,
          );
          const full = limits.find((limit) => countOf(counts, limit.counter) > limit.limit);
          if (full) throw new RatingLimitReached(full.kind);
        }
        const created = await Rating.create(rating, { transaction });
        const execute = (sql: string, replacements: unknown[]) => this.sequelize.query(sql, { replacements, transaction });
        await applyToDailyFigures(execute, this.sequelize.getDialect() as Dialect, [rating], 1);
        await queueLowScoreAlert(execute, created.id, rating);
        return created.id;
      });
      return { stored: true, id };
    } catch (error) {
      if (error instanceof RatingLimitReached) return { stored: false, ...(await whyRefused(rating, error.kind)) };
      if (isUniqueViolation(error)) return { stored: false, ...(await whyRefused(rating, null)) };
      throw error;
    }
  }

  async close(): Promise<void> {}
}
