import { periodCodeOn, periodOf, type AppraisalPeriod } from './periods.js';

export const CADENCES = ['monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The last period of a cadence that has closed on an office-local day (YYYY-MM-DD): the one before today's. */
export function lastClosedPeriod(cadence: Cadence, today: string): string {
  const current = periodOf(periodCodeOn(cadence, today)) as AppraisalPeriod;
  return periodCodeOn(cadence, dayBefore(current.from));
}

/** The period after one (2026-12 → 2027-01, 2026-Q4 → 2027-Q1). */
export function periodAfter(cadence: Cadence, code: string): string {
  return periodCodeOn(cadence, dayAfter((periodOf(code) as AppraisalPeriod).to));
}

/**
 * The periods after `lastSent` that have closed by `today`, oldest first: what a subscription still owes.
 * Codes of one cadence compare as text in time order (2026-09 < 2026-10, 2026-Q3 < 2026-Q4).
 */
export function periodsDue(cadence: Cadence, lastSent: string, today: string): string[] {
  const closed = lastClosedPeriod(cadence, today);
  const due: string[] = [];
  for (let next = periodAfter(cadence, lastSent); next <= closed && due.length < 240; next = periodAfter(cadence, next)) due.push(next);
  return due;
}
