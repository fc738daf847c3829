import { z } from 'zod';
import type { Dialect } from '../../db/connection.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a real date',
  );

const whole = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** The longest period one anomaly report covers: the burst check compares ratings pairwise per employee and day. */
export const MAX_ANOMALY_DAYS = 92;

/**
 * `GET /api/v1/reports/anomalies`: the period (office-local days, both included) and the thresholds,
 * each with a default that suits one office's usual traffic.
 */
export const anomalyQuerySchema = z
  .strictObject({
    /** Office-local days; without them the 30 days up to the office's today (its time zone, not the reader's). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** A burst: at least `burstCount` ratings of one employee within `burstMinutes`. */
    burstCount: whole(2, 1000, 5),
    burstMinutes: whole(1, 1440, 10),
    /** Far above the work area: more than `medianFactor` times its median count, and at least `medianMin`. */
    medianFactor: z.coerce.number().min(1).max(100).default(3),
    medianMin: whole(1, 100_000, 10),
    /** One phone number rating at least this many employees in a day. */
    phoneEmployees: whole(2, 1000, 4),
    /** At least this many ratings from one client address in a day. */
    addressRatings: whole(2, 100_000, 10),
    /** Flags per kind at most, largest first. */
    limit: whole(1, 500, 50),
  })
  .refine((query) => !query.to || query.from, { path: ['from'], message: 'is required with to (neither: the last 30 days)' })
  .refine((query) => !query.from || query.to, { path: ['to'], message: 'is required with from (neither: the last 30 days)' })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ['to'], message: 'must not be before from' })
  .refine((query) => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) < MAX_ANOMALY_DAYS * 86_400_000, {
    path: ['to'],
    message: `an anomaly report covers at most ${MAX_ANOMALY_DAYS} days`,
  });

export type AnomalyQuery = z.infer<typeof anomalyQuerySchema>;

/** The default period: 30 days. */
export const DEFAULT_ANOMALY_DAYS = 30;

/** Whole seconds since the epoch of a timestamp column, in each dialect's SQL (all store UTC). */
export function epochSeconds(dialect: Dialect, column: string): string {
  if (dialect === 'sqlite') return `CAST(strftime('%s', ${column}) AS INTEGER)`;
  if (dialect === 'postgres') return `CAST(FLOOR(EXTRACT(EPOCH FROM ${column})) AS BIGINT)`;
  return `TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', ${column})`;
}

/**
 * The office-local minute of the day (0-1439) of a timestamp column, for a zone `offset` minutes ahead
 * of UTC. A fixed offset is exact for Indonesia's zones (WIB, WITA, WIT keep no summer time); a zone
 * that does would be off by its shift on the far side of a change within the period.
 */
export function localMinuteOfDay(dialect: Dialect, column: string, offset: number): string {
  const minutes =
    dialect === 'mysql' || dialect === 'mariadb'
      ? `FLOOR(${epochSeconds(dialect, column)} / 60)`
      : `(${epochSeconds(dialect, column)} / 60)`;
  return `((${minutes} + ${Math.trunc(offset) + 1440 * 7}) % 1440)`;
}

/** Opening and closing minutes of `HH:MM-HH:MM`. */
export function parseServiceHours(hours: string): { open: number; close: number } | null {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(hours);
  if (!match) return null;
  const [, oh, om, ch, cm] = match.map(Number) as [number, number, number, number, number];
  return { open: oh * 60 + om, close: ch * 60 + cm };
}

/** SQL that is true for a minute of the day outside the hours (a close before the open spans midnight). */
export function outsideHours(minute: string, hours: { open: number; close: number }): string {
  return hours.open < hours.close
    ? `(${minute} < ${hours.open} OR ${minute} >= ${hours.close})`
    : `(${minute} >= ${hours.close} AND ${minute} < ${hours.open})`;
}
