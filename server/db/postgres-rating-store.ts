import { createHash } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { lowScoreAlertsFromRow } from './alert-outbox.js';
import { figureUpsertsFromRow } from './daily-figures.js';
import type { GroupWriter } from './grouped-commits.js';
import { withPooledConnection } from './pooled-connection.js';
import { countersInLockOrder, fullLimitNamed, LIMIT_REACHED_SQLSTATE } from './lean-limits.js';
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

/**
 * The rating statement as it runs inside the group function: each parameter read from the rating's
 * JSON array instead (`$3::integer` becomes `(item->>2)::integer`, an array parameter the array at
 * that place), and the new id kept.
 */
const IN_GROUP = INSERT_RATING.replace(/\$(\d+)::(\w+)(\[\])?/g, (_, n: string, type: string, array?: string) =>
  array ? `ARRAY(SELECT jsonb_array_elements_text(item->${Number(n) - 1}))::${type}[]` : `(item->>${Number(n) - 1})::${type}`,
).replace(/SELECT id FROM stored$/, 'SELECT id INTO new_id FROM stored');
// A statement the rewrite missed would fail every group, and every group would fall back to one rating at a time unseen.
if (/\$\d/.test(IN_GROUP) || !IN_GROUP.endsWith('SELECT id INTO new_id FROM stored'))
  throw new Error('The rating statement no longer has the shape the group function is made from');

const GROUP_NAME = `pacak_rating_group_${createHash('sha256').update(IN_GROUP).digest('hex').slice(0, 16)}`;

/**
 * A group of ratings in one call (see GroupedCommits): a PL/pgSQL function that runs every rating's
 * statement in turn and answers their ids. A call is one statement, so one round trip and one commit,
 * and any refusal (a unique index, PK429 from a full limit) takes the whole group back. The function is
 * temporary (pg_temp): made on each connection the first time it writes a group, gone with the
 * connection, so the schema holds no copy of a statement that changes with the code.
 */
const CREATE_GROUP_FUNCTION = `CREATE OR REPLACE FUNCTION pg_temp.${GROUP_NAME}(ratings jsonb) RETURNS SETOF bigint LANGUAGE plpgsql AS $group$
#variable_conflict use_column
DECLARE
  item jsonb;
  new_id bigint;
BEGIN
  FOR item IN SELECT jsonb_array_elements(ratings) LOOP
    new_id := NULL;
    ${IN_GROUP};
    RETURN NEXT new_id;
  END LOOP;
END
$group$`;

const CALL_GROUP = `SELECT id FROM pg_temp.${GROUP_NAME}($1::jsonb) AS id`;

/** The connections on which the group function has been made. */
const withGroupFunction = new WeakSet<object>();

/** Writes a group of ratings in one call of the group function, on a connection of the pool (see GroupedCommits). */
export function postgresGroupWriter(sequelize: Sequelize): GroupWriter {
  return (group) =>
    withPooledConnection<PgClient, number[] | null>(sequelize, async (client) => {
      if (!withGroupFunction.has(client)) {
        await client.query(CREATE_GROUP_FUNCTION);
        withGroupFunction.add(client);
      }
      const ratings = JSON.stringify(group.map(({ rating, limits }) => parameters(rating, limits)));
      let rows: { id: number | null }[];
      try {
        ({ rows } = (await client.query({ name: GROUP_NAME, text: CALL_GROUP, values: [ratings] })) as { rows: { id: number | null }[] });
      } catch (error) {
        // A connection whose session was reset (by a pooler, say) has lost the function: made again next time.
        if ((error as { code?: string }).code === '42883') withGroupFunction.delete(client);
        return null; // Refused or failed: nothing of the group was kept.
      }
      const ids = rows.map((row) => row.id);
      return ids.length === group.length && ids.every((id) => id !== null) ? ids.map(Number) : null;
    });
}
