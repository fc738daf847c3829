import type { Sequelize } from 'sequelize';
import { lowScoreAlertsFromRow } from './alert-outbox.js';
import { figureUpsertsFromRow } from './daily-figures.js';
import type { GroupWriter } from './grouped-commits.js';
import { countersInLockOrder, fullLimitNamed, groupCountersJson, type LeanCounter } from './lean-limits.js';
import { TABLE_CHARSET } from './dialect-tuning.js';
import { DiscardConnection, withPooledConnection } from './pooled-connection.js';
import { RATING_COLUMN_NAMES, RATING_COLUMNS, ratingValues } from './rating-columns.js';
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

/** The row a rating's statement answers (full_limits), or a group's (stored), and the answer's status. */
type Answer = [{ id: number | null; full_limits?: string | null; stored?: number }[], { serverStatus?: number }];

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
 * Runs a compound statement that opens and ends its own transaction. A connection left inside a
 * transaction (the statement says so, or an interrupted statement could not be rolled back) is not
 * reused; a unique index's refusal was rolled back by the statement's handler.
 */
async function inTransactionStatement(connection: MysqlConnection, sql: string, params: unknown[]): Promise<Answer> {
  try {
    const result = await execute(connection, sql, params);
    if ((result[1]?.serverStatus ?? 0) & SERVER_STATUS_IN_TRANS)
      throw new DiscardConnection(new Error('The rating transaction was left open'));
    return result;
  } catch (error) {
    if (error instanceof DiscardConnection || (error as { errno?: number }).errno === ER_DUP_ENTRY) throw error;
    // An interrupted statement (a time limit, a lost lock wait) may leave its transaction open.
    await new Promise<void>((resolve, reject) => connection.query('ROLLBACK', (failed) => (failed ? reject(failed) : resolve()))).catch(
      () => {
        throw new DiscardConnection(error);
      },
    );
    throw error;
  }
}

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
      answer = await withPooledConnection<MysqlConnection, Answer>(this.sequelize, (connection) =>
        inTransactionStatement(connection, sql, params),
      );
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

/** Text as the tables hold it, so that it compares with their columns (and their indexes serve). */
const TEXT = `CHARACTER SET ${TABLE_CHARSET.charset} COLLATE ${TABLE_CHARSET.collate}`;

/** How a rating's column reads from its place in a group's JSON array (JSON_TABLE's column types). */
const JSON_COLUMN_TYPES: Record<(typeof RATING_COLUMNS)[number][1], string> = {
  integer: 'INT',
  smallint: 'SMALLINT',
  text: `TEXT ${TEXT}`,
  date: 'DATE',
  boolean: 'TINYINT',
  // As the single statement sends it: the text form of the DATETIME, converted by the insert itself.
  timestamptz: `VARCHAR(32) ${TEXT}`,
};

/** The group's ratings as rows: `ord` their place in the group, then RATING_COLUMNS. */
const GROUP_RATINGS = `JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, ${RATING_COLUMNS.map(
  ([name, type], i) => `${name} ${JSON_COLUMN_TYPES[type]} PATH '$[${i}]'`,
).join(', ')})) AS given`;

/** The group's counters, one row per rating and counter: key, window, most, kind. */
const GROUP_COUNTERS = `JSON_TABLE(?, '$[*]' COLUMNS (key_hash VARCHAR(100) ${TEXT} PATH '$[0]', window_start BIGINT PATH '$[1]',
  most INT PATH '$[2]', kind VARCHAR(16) ${TEXT} PATH '$[3]')) AS counter`;

/**
 * The group's new ratings, read by their ids. The primary key is named: with the ids in variables, the
 * optimizer may otherwise walk an office's whole index of ratings (ratings_office_date) to find them.
 */
const NEW_RATINGS = 'ratings AS rating FORCE INDEX (PRIMARY)';
const NEW_IDS = 'rating.id BETWEEN v_first_id AND v_first_id + v_stored - 1';

/**
 * A group of ratings in one statement (see GroupedCommits), set by set instead of rating by rating:
 * the group's counters bumped by their number in one upsert (in the order of their keys' code points,
 * as every writer bumps them: see countersInLockOrder), the full ones counted,
 * the ratings inserted with one INSERT … SELECT in the group's order, then one upsert per figures
 * table and the alert rows for the whole range of new ids, and one commit. InnoDB gives the ratings of
 * one INSERT … SELECT consecutive ids when innodb_autoinc_lock_mode is 0 or 1 (MariaDB's default; see
 * mariadbGroupsSupported), so the first id and the group's order name every rating's. The figures are added
 * in the order of their keys, as every group does, so two processes' groups lock them in one order.
 * A full limit answers no id and rolls back; any error (a unique index among them) rolls back in the
 * handler: either way nothing of the group is kept and each rating is written alone.
 */
const INSERT_GROUP = `BEGIN NOT ATOMIC
  DECLARE v_first_id BIGINT DEFAULT NULL;
  DECLARE v_stored INT DEFAULT 0;
  DECLARE v_full_counters INT DEFAULT 0;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
  START TRANSACTION;
  INSERT INTO rate_counters (key_hash, window_start, count)
    SELECT key_hash, window_start, COUNT(*) FROM ${GROUP_COUNTERS} GROUP BY key_hash, window_start
    ORDER BY key_hash COLLATE ${TABLE_CHARSET.charset}_bin, window_start
    ON DUPLICATE KEY UPDATE count = count + VALUES(count);
  SET v_full_counters = (SELECT COUNT(*) FROM (SELECT key_hash, window_start, MIN(most) AS most FROM ${GROUP_COUNTERS}
    GROUP BY key_hash, window_start) AS l STRAIGHT_JOIN rate_counters c FORCE INDEX (PRIMARY)
    ON c.key_hash = l.key_hash AND c.window_start = l.window_start WHERE c.count > l.most);
  IF v_full_counters > 0 THEN
    ROLLBACK;
  ELSE
    INSERT INTO ratings (${RATING_COLUMN_NAMES.join(', ')}) SELECT ${RATING_COLUMN_NAMES.join(', ')} FROM ${GROUP_RATINGS} ORDER BY ord;
    SET v_stored = ROW_COUNT();
    SET v_first_id = LAST_INSERT_ID();
    ${figureUpsertsFromRow(
      'mariadb',
      'rating',
      `FROM ${NEW_RATINGS} WHERE ${NEW_IDS} ORDER BY rating.employee_id, rating.work_area_id, rating.local_date, rating.verified, rating.service_type_id`,
    ).join(';\n    ')};
    ${lowScoreAlertsFromRow('rating', `FROM ${NEW_RATINGS}`, NEW_IDS, 'STRAIGHT_JOIN').join(';\n    ')};
    COMMIT;
  END IF;
  SELECT v_first_id AS id, v_stored AS stored;
END`;

/**
 * True when this MariaDB can write groups: it has JSON_TABLE (10.6 and later), and InnoDB gives the
 * rows of one INSERT … SELECT consecutive ids (innodb_autoinc_lock_mode 0 or 1).
 */
export async function mariadbGroupsSupported(sequelize: Sequelize): Promise<boolean> {
  try {
    // A plain SELECT answers its rows alone (a compound statement answers result sets and a status).
    const rows = (await withPooledConnection<MysqlConnection, Answer>(sequelize, (connection) =>
      execute(connection, `SELECT @@innodb_autoinc_lock_mode AS id FROM JSON_TABLE('[1]', '$[*]' COLUMNS (one INT PATH '$')) AS t`, []),
    )) as unknown as { id: number }[];
    return Number(rows[0]?.id) <= 1;
  } catch {
    return false;
  }
}

/** Writes a group of ratings in one statement (INSERT_GROUP) on a connection of the pool (see GroupedCommits). */
export function mariadbGroupWriter(sequelize: Sequelize): GroupWriter {
  return async (group) => {
    const ratings = JSON.stringify(group.map(({ rating }) => values(rating)));
    const counters = groupCountersJson(group.map(({ limits }) => limits));
    const [rows] = await withPooledConnection<MysqlConnection, Answer>(sequelize, (connection) =>
      inTransactionStatement(connection, INSERT_GROUP, [counters, counters, ratings]),
    );
    const row = rows[0];
    if (!row?.id || Number(row.stored) !== group.length) return null;
    return group.map((_, i) => Number(row.id) + i);
  };
}
