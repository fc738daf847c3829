import { HIGHEST_LOW_SCORE, INDICATOR_CODES } from '../domain/indicators.js';
import type { NewRating } from './rating-store.js';

/**
 * Who gets a rating's alert by mail, as a condition on `admin_users u` given the office's and the work
 * area's ids: the work area's active coordinators, unless they opted out, and the office's active admins
 * who opted in; only accounts with an address.
 */
const recipients = (office: string, workArea: string): string =>
  `u.office_id = ${office} AND u.active = TRUE AND u.email IS NOT NULL AND ((u.role = 'coordinator' AND u.work_area_id = ${workArea}
   AND (u.alert_mail IS NULL OR u.alert_mail = TRUE)) OR (u.role = 'admin' AND u.alert_mail = TRUE))`;

type Execute = (sql: string, replacements: unknown[]) => Promise<unknown>;

/**
 * Queues a low-score alert for a stored rating, in the caller's transaction: a row of `alert_outbox`
 * when any indicator is at or below the office's `feedback_low_score`. One statement, which reads the
 * office's threshold itself, so a good rating costs no more than that statement; and one row per
 * account that gets the alert by mail.
 */
export async function queueLowScoreAlert(execute: Execute, ratingId: number, rating: NewRating): Promise<void> {
  const lowest = Math.min(...INDICATOR_CODES.map((code) => rating[code]));
  // No office may call this low: no statement at all, so most ratings cost no extra round trip.
  if (lowest > HIGHEST_LOW_SCORE) return;
  await execute(
    `INSERT INTO alert_outbox (office_id, rating_id, status, attempts, next_attempt_at, created_at)
     SELECT id, ?, 'pending', 0, ?, ? FROM offices WHERE id = ? AND feedback_low_score >= ?`,
    [ratingId, rating.createdAt, rating.createdAt, rating.officeId, lowest],
  );
  await execute(
    `INSERT INTO alert_outbox (office_id, rating_id, channel, recipient_id, status, attempts, next_attempt_at, created_at)
     SELECT o.id, ?, 'mail', u.id, 'pending', 0, ?, ? FROM offices o JOIN admin_users u ON ${recipients('o.id', '?')}
     WHERE o.id = ? AND o.feedback_low_score >= ?`,
    [ratingId, rating.createdAt, rating.createdAt, rating.workAreaId, rating.officeId, lowest],
  );
}

/**
 * The same for the SQLite rating store, whose group INSERT stores many ratings in one statement: a
 * TEMP trigger of its connection adds the alert row in the group's transaction (as the daily figures'
 * trigger does). The rating's own created_at is already in the text form Sequelize reads.
 */
export function sqliteAlertOutboxTrigger(): string {
  const lowest = `min(${INDICATOR_CODES.map((code) => `NEW.${code}`).join(', ')})`;
  return `CREATE TEMP TRIGGER IF NOT EXISTS ratings_queue_low_score_alert AFTER INSERT ON main.ratings
WHEN ${lowest} <= COALESCE((SELECT feedback_low_score FROM main.offices WHERE id = NEW.office_id), 2)
BEGIN INSERT INTO main.alert_outbox (office_id, rating_id, status, attempts, next_attempt_at, created_at)
VALUES (NEW.office_id, NEW.id, 'pending', 0, NEW.created_at, NEW.created_at);
INSERT INTO main.alert_outbox (office_id, rating_id, channel, recipient_id, status, attempts, next_attempt_at, created_at)
SELECT NEW.office_id, NEW.id, 'mail', u.id, 'pending', 0, NEW.created_at, NEW.created_at FROM main.admin_users u
WHERE ${recipients('NEW.office_id', 'NEW.work_area_id')}; END`;
}

/**
 * The same for the lean stores of PostgreSQL and MariaDB, which write a rating and everything that
 * follows from it in one statement: two INSERT … SELECTs reading the stored rating from `row` (an
 * alias that `from` defines), the webhook's row and one row per account that gets the alert by mail,
 * added only when the office calls the lowest score low. `join` may be MariaDB's STRAIGHT_JOIN, to read
 * the rows of `from` first, whatever the optimizer makes of the tables' statistics.
 */
export function lowScoreAlertsFromRow(row: string, from: string, where = '1 = 1', join = 'JOIN'): [webhook: string, mail: string] {
  const lowest = `LEAST(${INDICATOR_CODES.map((code) => `${row}.${code}`).join(', ')})`;
  const low = `${from} ${join} offices ON offices.id = ${row}.office_id`;
  return [
    `INSERT INTO alert_outbox (office_id, rating_id, status, attempts, next_attempt_at, created_at)
SELECT offices.id, ${row}.id, 'pending', 0, ${row}.created_at, ${row}.created_at ${low}
WHERE ${where} AND offices.feedback_low_score >= ${lowest}`,
    `INSERT INTO alert_outbox (office_id, rating_id, channel, recipient_id, status, attempts, next_attempt_at, created_at)
SELECT offices.id, ${row}.id, 'mail', u.id, 'pending', 0, ${row}.created_at, ${row}.created_at ${low}
${join} admin_users u ON ${recipients('offices.id', `${row}.work_area_id`)}
WHERE ${where} AND offices.feedback_low_score >= ${lowest}`,
  ];
}
