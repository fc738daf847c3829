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
  /** SQLite's trigger: what a key column takes from the inserted rating, where it is not the column of the same name. */
  fromNew?: Record<string, string>;
}

/** The first day of a local date's month (YYYY-MM-01): the key of the monthly figures. */
export const monthStart = (localDate: string): string => `${localDate.slice(0, 8)}01`;

const BY_MONTH = { local_month: `substr(NEW.local_date, 1, 8) || '01'` };

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
    fromNew: BY_MONTH,
  },
  {
    name: 'rating_monthly_employee',
    key: ['employee_id', 'work_area_id', 'local_month', 'verified'],
    keyOf: (r) => [r.employeeId, r.workAreaId, monthStart(r.localDate), r.verified],
    fromNew: BY_MONTH,
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
 * SQLite only: a TEMP trigger (it lives on the connection that creates it, not in the schema) that adds
 * each rating inserted on that connection to every figures table, in the same statement and so the same
 * transaction: what {@link applyToDailyFigures} with sign 1 does, without a statement of its own.
 * The grouping writer (sqlite-rating-store.ts) uses it; every other writer calls applyToDailyFigures.
 */
export function sqliteDailyFiguresTrigger(): string {
  const added = ADDED;
  const stars = INDICATOR_CODES.flatMap((code) => [1, 2, 3, 4, 5].map((star) => `(NEW.${code} = ${star})`));
  const upserts = TABLES.map((table) => {
    const columns = ['office_id', ...table.key, ...added];
    const values = ['office_id', ...table.key]
      .map((c) => table.fromNew?.[c] ?? `NEW.${c}`)
      .concat(
        '1',
        INDICATOR_CODES.map((c) => `NEW.${c}`),
        stars,
      );
    return `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT (${table.key.join(', ')}) DO UPDATE SET ${added
      .map((c) => `${c} = ${c} + excluded.${c}`)
      .join(', ')};`;
  });
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
