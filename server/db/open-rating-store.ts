import type { Sequelize } from 'sequelize';
import type { Config } from '../config.js';
import type { RatingStore } from './rating-store.js';
import { MariadbRatingStore, mariadbGroupsSupported, mariadbGroupWriter } from './mariadb-rating-store.js';
import { GroupedCommits } from './grouped-commits.js';
import { PostgresRatingStore, postgresGroupWriter } from './postgres-rating-store.js';
import { SequelizeRatingStore } from './sequelize-rating-store.js';
import { dialectOf, sqliteBusyTimeout, sqliteStorage } from './connection.js';
import { SqliteWriterThread } from './sqlite-writer-thread.js';

/**
 * Each database gets a lean writer of its own for ratings, the one write that comes in floods: SQLite
 * the grouping writer (one durable commit for many ratings) on a thread of its own; PostgreSQL one
 * statement per rating on Sequelize's pool, and the ratings that arrive together in one call and one
 * commit (GroupedCommits); MariaDB the same, its groups written set by set in one statement. MySQL
 * (a mysql:// URL that turns out not to be MariaDB) keeps one Sequelize transaction per rating.
 */
export async function openRatingStore(sequelize: Sequelize, config: Pick<Config, 'databaseUrl' | 'db'>): Promise<RatingStore> {
  const dialect = dialectOf(config.databaseUrl);
  // The same wait for the write lock as Sequelize's own SQLite connections (connection.ts).
  if (dialect === 'sqlite')
    return SqliteWriterThread.open(sqliteStorage(config.databaseUrl), sqliteBusyTimeout(config.db.statementTimeoutMs));
  if (dialect === 'postgres') return new GroupedCommits(new PostgresRatingStore(sequelize), postgresGroupWriter(sequelize));
  if (await MariadbRatingStore.supported(sequelize)) {
    const single = new MariadbRatingStore(sequelize);
    return (await mariadbGroupsSupported(sequelize)) ? new GroupedCommits(single, mariadbGroupWriter(sequelize)) : single;
  }
  return new SequelizeRatingStore(sequelize);
}
