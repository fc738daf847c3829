import { INDICATOR_CODES, type IndicatorCode } from '../domain/indicators.js';
import type { Dialect } from './connection.js';

/** What a rating adds to (or, voided, takes from) the daily figures. */
export interface ScoredRating extends Record<IndicatorCode, number> {
  officeId: number;
  workAreaId: number;
  employeeId: number;
  serviceTypeId: number;
  localDate: string;
  verified: boolean;
}

/** Runs one statement with positional `?` parameters inside the caller's transaction. */
export type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

const SUMS = INDICATOR_CODES.map((code) => `sum_${code}`);

/** How many ratings gave each indicator 1 to 5 stars: `stars_profesional_1` … `stars_kolaboratif_5`. */
export const STAR_COLUMNS = INDICATOR_CODES.flatMap((code) => [1, 2, 3, 4, 5].map((star) => `stars_${code}_${star}`));

/** Every column a rating adds to: the count, a sum per indicator, a count per indicator and star. */
const ADDED = ['rating_count', ...SUMS, ...STAR_COLUMNS];

/** What one rating adds to each of ADDED, in that order. */
const addends = (rating: ScoredRating): number[] => [
  1,
  ...INDICATOR_CODES.map((code) => rating[code]),
  ...INDICATOR_CODES.flatMap((code) => [1, 2, 3, 4, 5].map((star) => (rating[code] === star ? 1 : 0))),
];

interface Table {
  name: string;
  key: string[];
  keyOf(rating: ScoredRating): unknown[];
}

/** The first day of a local date's month (YYYY-MM-01): the key of the monthly figures. */
export const monthStart = (localDate: string): string => `${localDate.slice(0, 8)}01`;

/** SQL for the first day of the month of a `local_date` expression, as each database writes it. */
const MONTH_OF: Record<Dialect, (date: string) => string> = {
  sqlite: (date) => `substr(${date}, 1, 8) || '01'`,
  postgres: (date) => `CAST(date_trunc('month', ${date}) AS DATE)`,
  mysql: (date) => `CAST(DATE_FORMAT(${date}, '%Y-%m-01') AS DATE)`,
  mariadb: (date) => `CAST(DATE_FORMAT(${date}, '%Y-%m-01') AS DATE)`,
};

/**
 * Daily figures, and the same folded into office-local months, so that a report over years reads its
 * whole months from a row per employee and month (reports.ts decides which table answers which days).
 */
const TABLES: Table[] = [
  {
    name: 'rating_daily',
    key: ['employee_id', 'service_type_id', 'work_area_id', 'local_date', 'verified'],
    keyOf: (r) => [r.employeeId, r.serviceTypeId, r.workAreaId, r.localDate, r.verified],
  },
  {
    name: 'rating_daily_employee',
    key: ['employee_id', 'work_area_id', 'local_date', 'verified'],
    keyOf: (r) => [r.employeeId, r.workAreaId, r.localDate, r.verified],
  },
  {
    name: 'rating_monthly',
    key: ['employee_id', 'service_type_id', 'work_area_id', 'local_month', 'verified'],
    keyOf: (r) => [r.employeeId, r.serviceTypeId, r.workAreaId, monthStart(r.localDate), r.verified],
  },
  {
    name: 'rating_monthly_employee',
    key: ['employee_id', 'work_area_id', 'local_month', 'verified'],
    keyOf: (r) => [r.employeeId, r.workAreaId, monthStart(r.localDate), r.verified],
  },
];

function upsertSql(dialect: Dialect, table: Table, rows: number): string {
  const columns = ['office_id', ...table.key, ...ADDED];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`;
  const added = ADDED;
  if (dialect === 'mysql' || dialect === 'mariadb') {
    return `${head} ON DUPLICATE KEY UPDATE ${added.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`;
  }
  return `${head} ON CONFLICT (${table.key.join(', ')}) DO UPDATE SET ${added
    .map((c) => `${c} = ${table.name}.${c} + excluded.${c}`)
    .join(', ')}`;
}

/**
 * The upserts, one per figures table, that add one stored rating to the figures, reading the rating's
 * columns from `row` (an alias the caller's SQL defines: SQLite's trigger row NEW, PostgreSQL's RETURNING
 * of the insert, MariaDB's freshly inserted row). `from` follows the values (PostgreSQL and MariaDB read
 * the row with INSERT … SELECT; SQLite's trigger has it at hand). The lean rating stores
 * (sqlite-rating-store.ts, postgres-rating-store.ts, mariadb-rating-store.ts) write their figures so;
 * everything else (voiding, the fixtures) goes through {@link applyToDailyFigures}.
 */
export function figureUpsertsFromRow(dialect: Dialect, row: string, from = ''): string[] {
  const stars = INDICATOR_CODES.flatMap((code) =>
    [1, 2, 3, 4, 5].map((star) => (dialect === 'postgres' ? `CAST(${row}.${code} = ${star} AS INTEGER)` : `(${row}.${code} = ${star})`)),
  );
  return TABLES.map((table) => {
    const columns = ['office_id', ...table.key, ...ADDED];
    const values = ['office_id', ...table.key]
      .map((c) => (c === 'local_month' ? MONTH_OF[dialect](`${row}.local_date`) : `${row}.${c}`))
      .concat(
        '1',
        INDICATOR_CODES.map((c) => `${row}.${c}`),
        stars,
      );
    const into = `INSERT INTO ${table.name} (${columns.join(', ')})`;
    const conflict = `ON CONFLICT (${table.key.join(', ')}) DO UPDATE SET`;
    if (dialect === 'sqlite') {
      return `${into} VALUES (${values.join(', ')}) ${conflict} ${ADDED.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
    }
    if (dialect === 'postgres') {
      return `INSERT INTO ${table.name} AS figures (${columns.join(', ')}) SELECT ${values.join(', ')} ${from} ${conflict} ${ADDED.map(
        (c) => `${c} = figures.${c} + excluded.${c}`,
      ).join(', ')}`;
    }
    return `${into} SELECT ${values.join(', ')} ${from} ON DUPLICATE KEY UPDATE ${ADDED.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ')}`;
  });
}

/**
 * PostgreSQL: the upserts, one per figures table, that add many stored ratings (the rows of `from`,
 * aliased `row`) at once. An upsert may change a row only once, so the ratings are summed by the
 * table's key first; the rows are written in the order of their keys, as every group writes them, so
 * two groups lock shared rows in one order. The grouped rating writer (postgres-rating-store.ts) uses them.
 */
export function summedFigureUpserts(row: string, from: string): string[] {
  const sums = ['COUNT(*)', ...INDICATOR_CODES.map((code) => `SUM(${row}.${code})`)].concat(
    INDICATOR_CODES.flatMap((code) => [1, 2, 3, 4, 5].map((star) => `COUNT(*) FILTER (WHERE ${row}.${code} = ${star})`)),
  );
  return TABLES.map((table) => {
    const key = ['office_id', ...table.key].map((c) => (c === 'local_month' ? MONTH_OF.postgres(`${row}.local_date`) : `${row}.${c}`));
    const positions = key.map((_, i) => i + 1).join(', ');
    return `INSERT INTO ${table.name} AS figures (${['office_id', ...table.key, ...ADDED].join(', ')})
SELECT ${key.join(', ')}, ${sums.join(', ')} ${from} GROUP BY ${positions} ORDER BY ${positions}
ON CONFLICT (${table.key.join(', ')}) DO UPDATE SET ${ADDED.map((c) => `${c} = figures.${c} + excluded.${c}`).join(', ')}`;
  });
}

/**
 * SQLite only: a TEMP trigger (it lives on the connection that creates it, not in the schema) that adds
 * each rating inserted on that connection to every figures table, in the same statement and so the same
 * transaction: what {@link applyToDailyFigures} with sign 1 does, without a statement of its own.
 * The grouping writer (sqlite-rating-store.ts) uses it.
 */
export function sqliteDailyFiguresTrigger(): string {
  const upserts = figureUpsertsFromRow('sqlite', 'NEW').map((upsert) => `${upsert};`);
  return `CREATE TEMP TRIGGER IF NOT EXISTS ratings_add_to_daily_figures AFTER INSERT ON main.ratings BEGIN ${upserts.join(' ')} END`;
}

/**
 * Adds ratings to the daily figures (sign 1) or takes them away (sign -1), in whatever transaction
 * `execute` runs in, so the figures change exactly when the ratings do. Ratings falling on the same
 * row are summed first: one statement per table, whatever the number of ratings.
 */
export async function applyToDailyFigures(
  execute: Execute,
  dialect: Dialect,
  ratings: ScoredRating[],
  sign: 1 | -1,
  toDbBoolean: (value: boolean) => unknown = (value) => value,
): Promise<void> {
  if (!ratings.length) return;
  for (const table of TABLES) {
    const rows = new Map<string, unknown[]>();
    for (const rating of ratings) {
      const key = table.keyOf(rating).map((part) => (typeof part === 'boolean' ? toDbBoolean(part) : part));
      const id = JSON.stringify(key);
      const row = rows.get(id) ?? [rating.officeId, ...key, ...ADDED.map(() => 0)];
      const base = 1 + key.length;
      addends(rating).forEach((value, i) => ((row[base + i] as number) += sign * value));
      rows.set(id, row);
    }
    await execute(upsertSql(dialect, table, rows.size), [...rows.values()].flat());
  }
}
