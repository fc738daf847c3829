import { z } from 'zod';
import { CHANNELS, type RatingBody as ContractRatingBody } from '../../contract/index.js';
import { INDICATOR_CODES } from './indicators.js';
import { normalisePhone } from './phone.js';

/** Free text without control characters (tabs and line breaks aside): NUL bytes break PostgreSQL text. */
export const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'must not contain control characters');

const score = z
  .number({ error: 'must be a whole number from 1 to 5' })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be at least 1')
  .max(5, 'must be at most 5');

/** A mobile number as people write it, as E.164; anything else is an issue of the field. */
export function toMobileNumber(value: string, ctx: z.RefinementCtx): string {
  const e164 = normalisePhone(value);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: 'must be an Indonesian mobile number, e.g. 0812-3456-7890' });
    return z.NEVER;
  }
  return e164;
}

/** Optional free text shown in reports and dashboards, where markup has no place: trimmed, null when empty. */
export const plainComment = (max: number) =>
  text(max)
    .refine((value) => !/<\s*\/?\s*[a-z!?]/i.test(value), 'must not contain HTML tags')
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : null));

export { CHANNELS };

export const ratingBodySchema = z.strictObject({
  nip: text(32).pipe(z.string().trim().min(1, 'is required')),
  serviceType: text(64).pipe(z.string().trim().min(1, 'choose a service type')),
  scores: z.strictObject(
    Object.fromEntries(INDICATOR_CODES.map((code) => [code, score])) as Record<(typeof INDICATOR_CODES)[number], typeof score>,
  ),
  phone: text(40).transform(toMobileNumber),
  comment: plainComment(1000),
  channel: z.enum(CHANNELS).default('widget'),
  clientId: z.uuid('must be a UUID').optional(),
  // A one-service code from the employee's keypass page: the rating is then marked verified.
  serviceToken: z
    .string()
    .max(128, 'is not a one-service code')
    .regex(/^[A-Za-z0-9_-]+$/, 'is not a one-service code')
    .optional(),
  // The signed token of the form this rating was typed into (GET /api/v1/form-token); see FormTokens.
  formToken: z.string().max(200, 'is not a form token').optional(),
  // The customer may be contacted for follow-up (offered after a low score).
  contactConsent: z.boolean({ error: 'must be true or false' }).optional(),
  // The honeypot: a field people never see, so only scripts fill it in.
  website: z
    .string()
    .max(200)
    .optional()
    .refine((value) => !value, 'must be left empty'),
  // What this schema reads is the contract's rating body: a field added on one side only fails to compile.
}) satisfies z.ZodType<unknown, ContractRatingBody>;

export type RatingBody = z.infer<typeof ratingBodySchema>;
