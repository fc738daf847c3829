import type { Sequelize } from 'sequelize';
import { lowScoreAlertsFromRow } from './alert-outbox.js';
import { figureUpsertsFromRow } from './daily-figures.js';
import { countersInLockOrder, fullLimitNamed, type LeanCounter } from './lean-limits.js';
import { DiscardConnection, withPooledConnection } from './pooled-connection.js';
import { RATING_COLUMN_NAMES, ratingValues } from './rating-columns.js';
import { whyRefused } from './rating-refusals.js';
import type { InsertOutcome, NewRating, RatingLimit, RatingStore } from './rating-store.js';

/** The text form of a DATETIME in UTC, as Sequelize writes it (its connections run in time zone +00:00). */
const mariadbDate = (date: Date): string => date.toISOString().replace('T', ' ').replace('Z', '');

const values = (r: NewRating): unknown[] => ratingValues(r, { date: mariadbDate, flag: (value) => (value ? 1 : 0) });

const ER_DUP_ENTRY = 1062;
/** Set in the status of a MariaDB answer while a transaction is open on the connection. */
const SERVER_STATUS_IN_TRANS = 1;

/**
 * One rating in one round trip: a compound statement (BEGIN NOT ATOMIC, prepared like any statement)
 * that runs the rating's whole transaction on the server. It bumps the limit counters (in lock order;
 * each row stays locked until the end, so ratings of one phone or address, from any process, are
 * counted one after the other), reads them back (a transaction sees its own changes, so these are
 * the counts after its bump), and either rolls back naming the full limits, or inserts the rating,
 * adds it to the daily and monthly figures, queues its low-score alert and commits. Any error (a
 * unique index refusing the rating among them) rolls back in the handler before it reaches the client.
 * `n` counters: one statement text per number of counters (0 to 3), each prepared once per connection.
 */
function insertRatingSql(n: number): string {
  const bump = n
    ? `INSERT INTO rate_counters (key_hash, window_start, count) VALUES ${Array(n).fill('(?, ?, 1)').join(', ')}
    ON DUPLICATE KEY UPDATE count = count + 1;
  SET v_full_limits = (SELECT GROUP_CONCAT(l.kind) FROM (${Array(n)
    .fill('SELECT ? AS key_hash, ? AS window_start, ? AS most, ? AS kind')
    .join(' UNION ALL ')}) AS l
    JOIN rate_counters c ON c.key_hash = l.key_hash AND c.window_start = l.window_start WHERE c.count > l.most);`
    : '';
  const fromStored = 'FROM ratings AS rating';
  return `BEGIN NOT ATOMIC
  DECLARE v_full_limits VARCHAR(200) DEFAULT NULL;
  DECLARE v_rating_id INT DEFAULT NULL;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  START TRANSACTION;
  ${bump}
  IF v_full_limits IS NOT NULL THEN
    ROLLBACK;
  ELSE
    INSERT INTO ratings (${RATING_COLUMN_NAMES.join(', ')}) VALUES (${RATING_COLUMN_NAMES.map(() => '?').join(', ')});
    SET v_rating_id = LAST_INSERT_ID();
    ${figureUpsertsFromRow('mariadb', 'rating', `${fromStored} WHERE rating.id = v_rating_id`).join(';\n    ')};
    ${lowScoreAlertsFromRow('rating', fromStored, 'rating.id = v_rating_id').join(';\n    ')};
    COMMIT;
  END IF;
  SELECT v_rating_id AS id, v_full_limits AS full_limits;
END`;
}

const STATEMENTS = [0, 1, 2, 3].map(insertRatingSql);

const counterParams = (counters: LeanCounter[]): unknown[] => [
  ...counters.flatMap((c) => [c.key, c.windowStart]),
  ...counters.flatMap((c) => [c.key, c.windowStart, c.most, c.kind]),
];

type Answer = [{ id: number | null; full_limits: string | null }[], { serverStatus?: number }];

/** What this store uses of mysql2's (callback) Connection. */
interface MysqlConnection {
  execute(sql: string, values: unknown[], callback: (error: Error | null, results: unknown) => void): void;
  query(sql: string, callback: (error: Error | null) => void): void;
}

const execute = (connection: MysqlConnection, sql: string, params: unknown[]) =>
  new Promise<Answer>((resolve, reject) =>
    connection.execute(sql, params, (error, results) => (error ? reject(error) : resolve(results as Answer))),
  );

/**
 * MariaDB's lean rating writer: the whole rating in one prepared compound statement (see
 * insertRatingSql) on a connection of Sequelize's pool. Its COMMIT is durable (InnoDB flushes its log
 * at commit), and InnoDB flushes the commits of concurrent ratings together, so the pool's
 * connections give grouped commits without a queue here. MySQL has no compound statements outside
 * stored programs: openRatingStore keeps it on SequelizeRatingStore.
 */
export class MariadbRatingStore implements RatingStore {
  constructor(private readonly sequelize: Sequelize) {}

  /** True when the database runs compound statements as prepared statements (MariaDB; not MySQL). */
  static async supported(sequelize: Sequelize): Promise<boolean> {
    try {
      const [rows] = await withPooledConnection<MysqlConnection, Answer>(sequelize, (connection) =>
        execute(connection, 'BEGIN NOT ATOMIC DECLARE v_id INT DEFAULT ?; SELECT v_id AS id, NULL AS full_limits; END', [1]),
      );
      return rows[0]?.id === 1;
    } catch {
      return false;
    }
  }

  async insert(rating: NewRating, limits: RatingLimit[] = []): Promise<InsertOutcome> {
    const counters = countersInLockOrder(limits);
    const sql = STATEMENTS[counters.length] ?? insertRatingSql(counters.length);
    const params = [...counterParams(counters), ...values(rating)];
    let answer: Answer;
    try {
      answer = await withPooledConnection<MysqlConnection, Answer>(this.sequelize, async (connection) => {
        try {
          const result = await execute(connection, sql, params);
          // The statement always ends its transaction; a connection that says otherwise is not reused.
          if ((result[1]?.serverStatus ?? 0) & SERVER_STATUS_IN_TRANS)
            throw new DiscardConnection(new Error('The rating transaction was left open'));
          return result;
        } catch (error) {
          if (error instanceof DiscardConnection || (error as { errno?: number }).errno === ER_DUP_ENTRY) throw error;
          // An interrupted statement (a time limit, a lost lock wait) may leave its transaction open.
          await new Promise<void>((resolve, reject) =>
            connection.query('ROLLBACK', (failed) => (failed ? reject(failed) : resolve())),
          ).catch(() => {
            throw new DiscardConnection(error);
          });
          throw error;
        }
      });
    } catch (error) {
      if ((error as { errno?: number }).errno === ER_DUP_ENTRY) return { stored: false, ...(await whyRefused(rating, null)) };
      throw error;
    }
    const [row] = answer[0];
    if (row?.full_limits) return { stored: false, ...(await whyRefused(rating, fullLimitNamed(row.full_limits, limits))) };
    if (!row?.id) throw new Error('The rating statement stored nothing and said nothing');
    return { stored: true, id: Number(row.id) };
  }

  async close(): Promise<void> {}
}
