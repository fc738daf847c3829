import type { Sequelize } from 'sequelize';
import { SequelizeRatingStore, type RatingStore } from '../services/rating-store.js';
import { dialectOf, sqliteFile } from './connection.js';
import { SqliteRatingStore } from './sqlite-rating-store.js';

/** SQLite gets the grouping writer (one durable commit for many ratings); the servers commit in groups themselves. */
export async function openRatingStore(sequelize: Sequelize, databaseUrl: string): Promise<RatingStore> {
  const dialect = dialectOf(databaseUrl);
  if (dialect === 'sqlite') return SqliteRatingStore.open(sqliteFile(databaseUrl));
  return new SequelizeRatingStore(sequelize, dialect);
}
