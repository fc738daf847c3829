import { z } from 'zod';
import type { Predikat, SkpLevel } from './predikat.js';

/**
 * The combined score: one figure per employee and period from up to three parts, each first brought to
 * 0-100, then weighed by the office's weights over the parts that are present (the weights of the
 * present parts are scaled up to add to one). A part the office made required and weighs above zero
 * that is missing gives no score ("not enough data"), never a zero.
 *
 * - customers: the employee's Bayesian average (the ranking's, weight 10, towards the office's mean of
 *   the period) / 5 x 100; present with at least the rules' `minRatings` ratings in the period.
 * - attendance: days present / (working days - leave days) x 100, minus `latePerHour` points per hour
 *   late and `earlyLeavePerHour` points per hour left early (minutes summed over the period's months),
 *   kept within 0-100; present when the months were imported with a working day that is not leave.
 * - skp: the work-result rating (hasil kerja) of the SKP result imported for exactly the period, as the
 *   office's value for its level (default below 60, meeting 80, above 100).
 */

export const COMBINED_PARTS = ['customers', 'attendance', 'skp'] as const;
export type CombinedPart = (typeof COMBINED_PARTS)[number];

const points = z.number().min(0, 'must not be negative').max(100, 'must be at most 100');

export const combinedRulesSchema = z.strictObject({
  /** Parts without which no combined score is given (a part weighing 0 is never required). */
  required: z
    .array(z.enum(COMBINED_PARTS))
    .max(3)
    .refine((parts) => new Set(parts).size === parts.length, 'names a part twice'),
  attendancePenalty: z.strictObject({ latePerHour: points, earlyLeavePerHour: points }),
  skpValues: z.strictObject({ below: points, meeting: points, above: points }),
});

export type CombinedRules = z.infer<typeof combinedRulesSchema>;

/** PACAK's defaults, not a regulation: the customers' part is required, the others count when present. */
export const DEFAULT_COMBINED: CombinedRules = {
  required: ['customers'],
  attendancePenalty: { latePerHour: 0.5, earlyLeavePerHour: 0.5 },
  skpValues: { below: 60, meeting: 80, above: 100 },
};

export type Weights = Record<CombinedPart, number>;

/** What one employee has for a period, as read from ratings, attendance and SKP imports. */
export interface CombinedInputs {
  /** Exact Bayesian average 1-5 and the number of ratings, or null without ratings. */
  customers: { bayesian: number; count: number } | null;
  attendance: { workingDays: number; presentDays: number; leaveDays: number; lateMinutes: number; earlyLeaveMinutes: number } | null;
  skpWorkResult: SkpLevel | null;
}

export interface CombinedScore {
  /** 0-100, one decimal; null when a required part is missing or no weighed part is present. */
  score: number | null;
  /** Each part's value 0-100 (one decimal), null when missing. */
  parts: Record<CombinedPart, number | null>;
  /** The weights as used, scaled over the parts present (adding to 1), four decimals. */
  usedWeights: Record<CombinedPart, number>;
  /** Required parts (weighing above 0) that are missing. */
  missing: CombinedPart[];
  /** Days present of the days expected (working days less leave), 0-100, one decimal, before penalties. */
  attendanceRate: number | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const clamp = (value: number) => Math.min(100, Math.max(0, value));

export function combinedScore(inputs: CombinedInputs, weights: Weights, rules: CombinedRules, minRatings: number): CombinedScore {
  const customers = inputs.customers && inputs.customers.count >= minRatings ? (inputs.customers.bayesian / 5) * 100 : null;
  const a = inputs.attendance;
  const expected = a ? a.workingDays - a.leaveDays : 0;
  const rate = a && expected > 0 ? (a.presentDays / expected) * 100 : null;
  const attendance =
    a && rate !== null
      ? clamp(
          rate -
            (a.lateMinutes / 60) * rules.attendancePenalty.latePerHour -
            (a.earlyLeaveMinutes / 60) * rules.attendancePenalty.earlyLeavePerHour,
        )
      : null;
  const skp = inputs.skpWorkResult ? rules.skpValues[inputs.skpWorkResult] : null;
  const exact: Record<CombinedPart, number | null> = { customers, attendance, skp };

  const weighed = COMBINED_PARTS.filter((part) => weights[part] > 0);
  const missing = weighed.filter((part) => rules.required.includes(part) && exact[part] === null);
  const present = weighed.filter((part) => exact[part] !== null);
  const total = present.reduce((sum, part) => sum + weights[part], 0);
  const usedWeights = Object.fromEntries(
    COMBINED_PARTS.map((part) => [part, present.includes(part) && total > 0 ? round(weights[part] / total, 4) : 0]),
  ) as Record<CombinedPart, number>;
  const score =
    missing.length || !present.length
      ? null
      : round(present.reduce((sum, part) => sum + (exact[part] as number) * weights[part], 0) / total, 1);
  return {
    score,
    parts: Object.fromEntries(COMBINED_PARTS.map((part) => [part, exact[part] === null ? null : round(exact[part], 1)])) as Record<
      CombinedPart,
      number | null
    >,
    usedWeights,
    missing,
    attendanceRate: rate === null ? null : round(rate, 1),
  };
}

/** What reports and exports show of an employee's appraisal beside the customers' figures. */
export interface KinerjaCells {
  /** Days present of the days expected, 0-100, one decimal; null without imported attendance. */
  attendanceRate: number | null;
  /** The SKP work-result rating imported for exactly the report's period. */
  skpWorkResult: SkpLevel | null;
  /** The combined score, 0-100, one decimal; null when not enough data. */
  combinedScore: number | null;
  /** The predikat of the SKP result imported for exactly the report's period, when there is one. */
  predikat: Predikat | null;
}
