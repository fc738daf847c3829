import type { InferAttributes, Sequelize } from 'sequelize';
import type { Dialect } from './connection.js';
import { applyToDailyFigures } from './daily-figures.js';
import { isUniqueViolation } from './errors.js';
import { Rating } from './models/index.js';
import { bumpCounters, countOf } from './rate-counters.js';
import { RatingLimitReached, type RatingLimit } from '../services/intake/rating-limits.js';

/** A rating ready to store: every column but the id. */
export type NewRating = Omit<InferAttributes<Rating>, 'id' | 'voidedAt' | 'voidReason' | 'voidedBy' | 'verified' | 'createdAt'> & {
  verified: boolean;
  createdAt: Date;
};

/**
 * Where ratings are written. `insert` stores the rating and its share of the daily figures in one
 * transaction and answers its id, or null when a unique index refused it (the same clientId, the
 * one-a-day rule, a one-service code already spent, or a receipt already taken); the caller tells which.
 * It throws RatingLimitReached, storing nothing, when one of `limits` is full: the limits are checked
 * in the same transaction as the insert, so concurrent ratings (from any process) cannot overshoot.
 */
export interface RatingStore {
  insert(rating: NewRating, limits?: RatingLimit[]): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * One transaction per rating through Sequelize: PostgreSQL and MariaDB commit concurrent ones in groups
 * themselves. The limits are counters in `rate_counters` bumped first in the same transaction: the
 * counter rows stay locked until commit, so ratings of one phone or address are counted in turn, and a
 * rating refused (over a limit, or by a unique index) rolls its counts back. The counters so count
 * stored ratings exactly, at the price of one more statement per rating (two on MySQL and MariaDB).
 */
export class SequelizeRatingStore implements RatingStore {
  constructor(private readonly sequelize: Sequelize) {}

  async insert(rating: NewRating, limits: RatingLimit[] = []): Promise<number | null> {
    try {
      return await this.sequelize.transaction(async (transaction) => {
        if (limits.length) {
          const counts = await bumpCounters(this.sequelize, limits.map((limit) => limit.counter), transaction);
          const full = limits.find((limit) => countOf(counts, limit.counter) > limit.limit);
          if (full) throw new RatingLimitReached(full.kind);
        }
        const created = await Rating.create(rating, { transaction });
        const execute = (sql: string, replacements: unknown[]) => this.sequelize.query(sql, { replacements, transaction });
        await applyToDailyFigures(execute, this.sequelize.getDialect() as Dialect, [rating], 1);
        return created.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async close(): Promise<void> {}
}
