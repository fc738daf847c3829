import { z } from 'zod';
import { PERIOD_CODE, periodOf, periodOfRange } from '../../domain/appraisal/periods.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'is not a real date',
  );

const code = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a code of lowercase letters, digits and dashes');

const periodCode = z
  .string()
  .regex(PERIOD_CODE, 'must be a period code: 2026-10 (a month), 2026-Q3 (a quarter), 2026-S1 (a half year) or 2026')
  .refine((value) => periodOf(value) !== null, 'is not a period between 2000 and 2100');

/**
 * Query parameters every report takes. Dates are office-local calendar days, both ends included; a
 * `period` code (2026-Q3) gives them instead, and a report for exactly a period's dates carries its
 * name either way. `lang` chooses the language of export file, sheet and column names.
 */
export const reportQuerySchema = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    period: periodCode.optional(),
    workArea: code.optional(),
    serviceType: code.optional(),
    verified: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    lang: z.enum(['id', 'en']).default('id'),
    minRatings: z.coerce.number().int().min(1).max(1000).default(5),
    weight: z.coerce.number().min(0).max(1000).default(10),
    /** The ranking's order: the Bayesian average of customers' ratings, or the combined score. */
    orderBy: z.enum(['bayesian', 'combined']).default('bayesian'),
  })
  .superRefine((query, ctx) => {
    if (query.period && (query.from || query.to)) {
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'give a period or from and to, not both' });
    } else if (!query.period) {
      if (!query.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required unless a period is given' });
      if (!query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required unless a period is given' });
    }
  })
  .transform(({ period: code, from = '', to = '', ...rest }) => {
    const period = code ? periodOf(code) : periodOfRange(from, to);
    return { ...rest, from: code ? (period?.from ?? '') : from, to: code ? (period?.to ?? '') : to, period };
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 3 * 366 * 86_400_000, {
    path: ['to'],
    message: 'a report covers at most three years',
  });

export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** Whose ratings a reader may see: their office, and for a coordinator one work area of it. */
export interface ReportScope {
  officeId: number;
  workAreaId?: number | null;
}
