import type { RatingLimit, RatingLimitKind } from './rating-store.js';

/**
 * The SQLSTATE PostgreSQL's `pacak_within_limits` raises for a rating over a limit (its DETAIL names the
 * full limits, comma-separated); MariaDB's statement answers them in a column instead.
 */
export const LIMIT_REACHED_SQLSTATE = 'PK429';

/** One counter a rating bumps, with the most it may reach and the limit it belongs to. */
export interface LeanCounter {
  key: string;
  windowStart: number;
  most: number;
  kind: RatingLimitKind;
}

const idOf = (limit: RatingLimit): string => `${limit.counter.key}@${limit.counter.windowStart}`;

/**
 * A rating's counters, each once, in the order every writer bumps them (rate-counters.ts sorts the
 * same way): two transactions that share counters lock them in one order and so never wait on each
 * other in a circle.
 */
export function countersInLockOrder(limits: RatingLimit[]): LeanCounter[] {
  const unique = new Map(limits.map((limit) => [idOf(limit), limit]));
  return [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, limit]) => ({ key: limit.counter.key, windowStart: limit.counter.windowStart, most: limit.limit, kind: limit.kind }));
}

/**
 * The counters of a group's ratings as one JSON array of `[key, windowStart, most, kind]`, each rating's
 * in lock order: what the grouped writers of PostgreSQL and MariaDB bump in one upsert.
 */
export function groupCountersJson(limitsOfEach: RatingLimit[][]): string {
  return JSON.stringify(limitsOfEach.flatMap((limits) => countersInLockOrder(limits).map((c) => [c.key, c.windowStart, c.most, c.kind])));
}

/**
 * Which limit a refused rating is told about: of the full ones the database named (comma-separated),
 * the first in the order the service gave them (the phone's before the address's), as the other stores answer.
 */
export function fullLimitNamed(named: string | null | undefined, limits: RatingLimit[]): RatingLimitKind {
  const full = new Set((named ?? '').split(','));
  const limit = limits.find((candidate) => full.has(candidate.kind));
  if (!limit) throw new Error(`The database named a full limit it was not given: ${named}`);
  return limit.kind;
}
