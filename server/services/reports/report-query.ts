import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'is not a real date');

const code = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be a code of lowercase letters, digits and dashes');

/** Query parameters every report takes. Dates are office-local calendar days, both ends included. */
export const reportQuerySchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    workArea: code.optional(),
    serviceType: code.optional(),
    verified: z.enum(['true', 'false']).optional().transform((value) => value === 'true'),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
    minRatings: z.coerce.number().int().min(1).max(1000).default(5),
    weight: z.coerce.number().min(0).max(1000).default(10),
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
