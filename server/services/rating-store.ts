import type { InferAttributes, Sequelize } from 'sequelize';
import type { Dialect } from '../db/connection.js';
import { applyToDailyFigures } from '../db/daily-figures.js';
import { isUniqueViolation } from '../db/errors.js';
import { Rating } from '../db/models/index.js';

/** A rating ready to store: every column but the id. */
export type NewRating = Omit<InferAttributes<Rating>, 'id' | 'voidedAt' | 'voidReason' | 'voidedBy' | 'verified' | 'createdAt'> & {
  verified: boolean;
  createdAt: Date;
};

/**
 * Where ratings are written. `insert` stores the rating and its share of the daily figures in one
 * transaction and answers its id, or null when a unique index refused it (the same clientId, the
 * one-a-day rule, a one-service code already spent, or a receipt already taken); the caller tells which.
 */
export interface RatingStore {
  insert(rating: NewRating): Promise<number | null>;
  close(): Promise<void>;
}

/** One transaction per rating through Sequelize: PostgreSQL and MariaDB commit concurrent ones in groups themselves. */
export class SequelizeRatingStore implements RatingStore {
  constructor(private readonly sequelize: Sequelize) {}

  async insert(rating: NewRating): Promise<number | null> {
    try {
      return await this.sequelize.transaction(async (transaction) => {
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
