import type { Sequelize } from 'sequelize';
import type { Config } from '../config.js';
import type { RatingStore } from './rating-store.js';
import { SequelizeRatingStore } from './sequelize-rating-store.js';
import { dialectOf, sqliteBusyTimeout, sqliteStorage } from './connection.js';
import { SqliteWriterThread } from './sqlite-writer-thread.js';

/**
 * SQLite gets the grouping writer (one durable commit for many ratings) on a thread of its own; the
 * servers commit in groups themselves.
 */
export async function openRatingStore(sequelize: Sequelize, config: Pick<Config, 'databaseUrl' | 'db'>): Promise<RatingStore> {
  const dialect = dialectOf(config.databaseUrl);
  // The same wait for the write lock as Sequelize's own SQLite connections (connection.ts).
  if (dialect === 'sqlite')
    return SqliteWriterThread.open(sqliteStorage(config.databaseUrl), sqliteBusyTimeout(config.db.statementTimeoutMs));
  return new SequelizeRatingStore(sequelize);
}
