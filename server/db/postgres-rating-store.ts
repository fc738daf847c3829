import { createHash } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { lowScoreAlertsFromRow } from './alert-outbox.js';
import { figureUpsertsFromRow, summedFigureUpserts } from './daily-figures.js';
import type { GroupWriter } from './grouped-commits.js';
import { withPooledConnection } from './pooled-connection.js';
import { countersInLockOrder, fullLimitNamed, groupCountersJson, LIMIT_REACHED_SQLSTATE } from './lean-limits.js';
import { RATING_COLUMN_NAMES, RATING_COLUMNS, ratingValues } from './rating-columns.js';
import { whyRefused } from './rating-refusals.js';
import type { InsertOutcome, NewRating, RatingLimit, RatingStore } from './rating-store.js';

const values = (r: NewRating): unknown[] => ratingValues(r, { date: (value) => value, flag: (value) => value });

const LIMIT_PARAMS = RATING_COLUMNS.length + 1;

/**
 * One rating in one statement, so one round trip and one commit: data-modifying CTEs that bump the
 * limit counters, insert the rating, add it to the daily and monthly figures and queue its low-score
 * alert. A statement is atomic, so any failure takes everything back, counts included:
 * - a full limit: the counters come back from their upsert with RETURNING (which locks each row until
 *   commit, so concurrent ratings of one phone or address, from any process, are counted one after the
 *   other); the full ones go to `pacak_within_limits` (migration 2026.12.04T15.30.00), which raises
 *   LIMIT_REACHED_SQLSTATE naming them, before the rating is inserted;
 * - the unique indexes of `ratings` (clientId, one a day, one-service code, receipt) raise 23505.
 * The limits arrive as arrays, so one prepared statement serves any number of them; their counters are
 * bumped in a fixed order (see countersInLockOrder), so two ratings never wait on each other in a circle.
 */
const INSERT_RATING = `WITH limits AS (
  SELECT * FROM unnest($${LIMIT_PARAMS}::text[], $${LIMIT_PARAMS + 1}::bigint[], $${LIMIT_PARAMS + 2}::integer[], $${LIMIT_PARAMS + 3}::text[])
    WITH ORDINALITY AS limit_row (key_hash, window_start, most, kind, position)
), bumped AS (
  INSERT INTO rate_counters AS counter (key_hash, window_start, count)
  SELECT key_hash, window_start, 1 FROM limits ORDER BY position
  ON CONFLICT (key_hash, window_start) DO UPDATE SET count = counter.count + 1
  RETURNING key_hash, window_start, count
), stored AS (
  INSERT INTO ratings (${RATING_COLUMN_NAMES.join(', ')})
  SELECT ${RATING_COLUMNS.map(([, type], i) => `$${i + 1}::${type}`).join(', ')}
  WHERE pacak_within_limits((
    SELECT string_agg(limits.kind, ',') FROM bumped JOIN limits USING (key_hash, window_start) WHERE bumped.count > limits.most
  ))
  RETURNING *
)${figureUpsertsFromRow('postgres', 'rating', 'FROM stored AS rating')
  .map((upsert, i) => `, figures_${i + 1} AS (${upsert})`)
  .join('')}${lowScoreAlertsFromRow('rating', 'FROM stored AS rating')
  .map((insert, i) => `, alert_${i + 1} AS (${insert})`)
  .join('')}
SELECT id FROM stored`;

/** Prepared once per connection under this name; the name changes with the text, so two releases never mix them up. */
const STATEMENT_NAME = `pacak_rating_${createHash('sha256').update(INSERT_RATING).digest('hex').slice(0, 16)}`;

/** What this store uses of pg's Client. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: { id: number }[] }>;
  query(text: string): Promise<unknown>;
}

/** The statement's parameters: the rating's columns, then its limits' counters as four arrays. */
function parameters(rating: NewRating, limits: RatingLimit[]): unknown[] {
  const counters = countersInLockOrder(limits);
  return [
    ...values(rating),
    counters.map((c) => c.key),
    counters.map((c) => c.windowStart),
    counters.map((c) => c.most),
    counters.map((c) => c.kind),
  ];
}

const ratingStatement = (rating: NewRating, limits: RatingLimit[]) => ({
  name: STATEMENT_NAME,
  text: INSERT_RATING,
  values: parameters(rating, limits),
});

/**
 * PostgreSQL's lean rating writer: the whole rating in one prepared statement on a connection of
 * Sequelize's pool (see INSERT_RATING), committed on its own, so the 201 follows a durable commit.
 * Concurrent ratings on the pool's connections commit in groups of PostgreSQL's own making (one WAL
 * flush covers every commit waiting for it). A refused rating rolls back whole; only then do reads
 * (whyRefused) name the rule, as on the other stores.
 */
export class PostgresRatingStore implements RatingStore {
  constructor(private readonly sequelize: Sequelize) {}

  async insert(rating: NewRating, limits: RatingLimit[] = []): Promise<InsertOutcome> {
    try {
      const result = await withPooledConnection<PgClient, { rows: { id: number }[] }>(this.sequelize, (client) =>
        client.query(ratingStatement(rating, limits)),
      );
      const id = result.rows[0]?.id;
      if (id === undefined) throw new Error('The rating statement stored nothing and said nothing');
      return { stored: true, id: Number(id) };
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string };
      if (code === LIMIT_REACHED_SQLSTATE) return { stored: false, ...(await whyRefused(rating, fullLimitNamed(detail, limits))) };
      if (code === '23505') return { stored: false, ...(await whyRefused(rating, null)) };
      throw error;
    }
  }

  async close(): Promise<void> {}
}

/** The group's ratings, each a JSON array of its values in RATING_COLUMNS order, with its place in the group. */
const GROUP_RATINGS = `SELECT ${RATING_COLUMNS.map(([name, type], i) => `(item->>${i})::${type} AS ${name}`).join(', ')}, position
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS given (item, position)`;

/**
 * A group of ratings in one statement (see GroupedCommits), set by set instead of rating by rating:
 * the group's counters bumped by their number in one upsert (in the order of their keys, as every
 * writer bumps them), the ratings inserted together, then one upsert per figures table of the ratings
 * summed by its key, and the alert rows. Like the single statement it is atomic: a full counter
 * (PK429, raised before any rating is inserted) or a unique index (23505) takes the whole group back,
 * and each rating is then written alone. The ids come back with each rating's clientId (unique), so
 * nothing depends on the order RETURNING gives them in.
 */
const INSERT_GROUP = `WITH limits AS (
  SELECT counter->>0 AS key_hash, (counter->>1)::bigint AS window_start, COUNT(*)::integer AS added, MIN((counter->>2)::integer) AS most,
    string_agg(DISTINCT counter->>3, ',') AS kinds
  FROM jsonb_array_elements($2::jsonb) AS counter GROUP BY 1, 2
), bumped AS (
  INSERT INTO rate_counters AS counter (key_hash, window_start, count)
  SELECT key_hash, window_start, added FROM limits ORDER BY key_hash COLLATE "C", window_start
  ON CONFLICT (key_hash, window_start) DO UPDATE SET count = counter.count + excluded.count
  RETURNING key_hash, window_start, count
), stored AS (
  INSERT INTO ratings (${RATING_COLUMN_NAMES.join(', ')})
  SELECT ${RATING_COLUMN_NAMES.join(', ')} FROM (${GROUP_RATINGS}) AS given
  WHERE pacak_within_limits((
    SELECT string_agg(limits.kinds, ',') FROM bumped JOIN limits USING (key_hash, window_start) WHERE bumped.count > limits.most
  ))
  ORDER BY position
  RETURNING *
)${summedFigureUpserts('rating', 'FROM stored AS rating')
  .map((upsert, i) => `, figures_${i + 1} AS (${upsert})`)
  .join('')}${lowScoreAlertsFromRow('rating', 'FROM stored AS rating')
  .map((insert, i) => `, alert_${i + 1} AS (${insert})`)
  .join('')}
SELECT id, client_id FROM stored`;

const GROUP_NAME = `pacak_rating_group_${createHash('sha256').update(INSERT_GROUP).digest('hex').slice(0, 16)}`;

/** Writes a group of ratings in one statement (INSERT_GROUP) on a connection of the pool (see GroupedCommits). */
export function postgresGroupWriter(sequelize: Sequelize): GroupWriter {
  return (group) =>
    withPooledConnection<PgClient, number[] | null>(sequelize, async (client) => {
      const ratings = JSON.stringify(group.map(({ rating }) => values(rating)));
      const counters = groupCountersJson(group.map(({ limits }) => limits));
      let rows: { id: number; client_id: string }[];
      try {
        ({ rows } = (await client.query({ name: GROUP_NAME, text: INSERT_GROUP, values: [ratings, counters] })) as unknown as {
          rows: { id: number; client_id: string }[];
        });
      } catch {
        return null; // Refused or failed: nothing of the group was kept.
      }
      const ids = new Map(rows.map((row) => [row.client_id, Number(row.id)]));
      const answered = group.map(({ rating }) => ids.get(rating.clientId));
      return answered.every((id) => id !== undefined) ? (answered as number[]) : null;
    });
}
