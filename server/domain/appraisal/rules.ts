import { z } from 'zod';
import { INDICATOR_CODES, type IndicatorCode } from '../indicators.js';
import { CORE_VALUE_CODES, DEFAULT_MAPPING, type CoreValueMapping } from './core-values.js';
import { combinedRulesSchema, DEFAULT_COMBINED } from './combined.js';
import { PERIOD_KINDS } from './periods.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    // An impossible month (2026-13-01) is an invalid Date, whose toISOString would throw.
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, 'is not a real date');

const weight = z.number().min(0, 'must not be negative').max(1000, 'must be at most 1000');

/** The weights of the combined score's parts: none negative, not all zero; only their ratios count. */
export const weightsSchema = z
  .strictObject({ customers: weight, attendance: weight, skp: weight })
  .refine((w) => w.customers + w.attendance + w.skp > 0, 'must not all be zero');

/**
 * An office's appraisal rules as they stand from one date: its periodic evaluation, the BerAKHLAK
 * mapping of its indicators, the weights and rules of the combined score and the fewest ratings a
 * behaviour suggestion (and the combined score's customers' part) needs. Rules are never edited in place: a change is a new set
 * with the day it takes effect, so a past period keeps the rules of its time.
 */
export const appraisalRulesSchema = z.strictObject({
  effectiveFrom: isoDate,
  periodKind: z.enum(PERIOD_KINDS),
  mapping: z
    .strictObject(
      Object.fromEntries(INDICATOR_CODES.map((code) => [code, z.array(z.enum(CORE_VALUE_CODES)).max(7)])) as Record<
        IndicatorCode,
        z.ZodArray<z.ZodEnum<{ [K in (typeof CORE_VALUE_CODES)[number]]: K }>>
      >,
    )
    .refine(
      (mapping) => Object.values(mapping).every((values) => new Set(values).size === values.length),
      'names a core value twice for one indicator',
    ),
  weights: weightsSchema,
  /** Sets saved before the combined score's rules existed read as PACAK's defaults. */
  combined: combinedRulesSchema.default(DEFAULT_COMBINED),
  minRatings: z.number().int().min(1).max(1000),
});

export type AppraisalRulesInput = z.output<typeof appraisalRulesSchema>;

export interface AppraisalRules extends AppraisalRulesInput {
  mapping: CoreValueMapping;
  /** False for the product's defaults, which hold until an office sets rules of its own. */
  setByOffice: boolean;
}

/** What holds until an office sets its own: quarterly, as the office's satisfaction survey; customers' ratings only. */
export const DEFAULT_RULES: AppraisalRules = {
  effectiveFrom: '2000-01-01',
  periodKind: 'quarterly',
  mapping: DEFAULT_MAPPING,
  weights: { customers: 100, attendance: 0, skp: 0 },
  combined: DEFAULT_COMBINED,
  minRatings: 5,
  setByOffice: false,
};

/** The set in force on a day: the latest one that took effect on or before it. */
export function rulesOn<T extends { effectiveFrom: string }>(sets: T[], day: string): T | undefined {
  return sets.filter((set) => set.effectiveFrom <= day).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}
