import { z } from 'zod';
import { SKM_ELEMENT_CODES, SKM_MAX_SCORE, SKM_MIN_SCORE } from '../../domain/skm/elements.js';
import { profileCodes } from '../../domain/skm/respondent.js';
import { normalisePhone } from '../../domain/phone.js';

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'must not contain control characters');

const answer = z
  .number({ error: `must be a whole number from ${SKM_MIN_SCORE} to ${SKM_MAX_SCORE}` })
  .int(`must be a whole number from ${SKM_MIN_SCORE} to ${SKM_MAX_SCORE}`)
  .min(SKM_MIN_SCORE, `must be at least ${SKM_MIN_SCORE}`)
  .max(SKM_MAX_SCORE, `must be at most ${SKM_MAX_SCORE}`);

export const SKM_CHANNELS = ['widget', 'qr', 'after-rating'] as const;

/**
 * One answered questionnaire (POST /api/v1/skm/responses). Which elements must be answered depends on
 * the office's settings on the day (an element marked not applicable must be left out), so `answers`
 * lists every element as optional here and the intake checks the set against the settings.
 */
export const skmResponseBodySchema = z.strictObject({
  office: text(64).pipe(z.string().trim().min(1, 'is required')),
  serviceType: text(64).pipe(z.string().trim().min(1, 'choose the service you received')),
  profile: z.strictObject({
    sex: z.enum(profileCodes('sex'), 'choose one of the listed answers'),
    ageGroup: z.enum(profileCodes('ageGroup'), 'choose one of the listed answers'),
    education: z.enum(profileCodes('education'), 'choose one of the listed answers'),
    occupation: z.enum(profileCodes('occupation'), 'choose one of the listed answers'),
  }),
  answers: z.strictObject(
    Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, answer.optional()])) as Record<
      (typeof SKM_ELEMENT_CODES)[number],
      z.ZodOptional<typeof answer>
    >,
  ),
  // Optional here (unlike a rating): when given, one questionnaire per number per office and quarter.
  phone: text(40)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || !value.trim()) return null;
      const e164 = normalisePhone(value);
      if (!e164) {
        ctx.addIssue({ code: 'custom', message: 'must be an Indonesian mobile number, e.g. 0812-3456-7890' });
        return z.NEVER;
      }
      return e164;
    }),
  suggestion: text(1000)
    .refine((value) => !/<\s*\/?\s*[a-z!?]/i.test(value), 'must not contain HTML tags')
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : null)),
  channel: z.enum(SKM_CHANNELS).default('widget'),
  clientId: z.uuid('must be a UUID').optional(),
  formToken: z.string().max(200, 'is not a form token').optional(),
  website: z
    .string()
    .max(200)
    .optional()
    .refine((value) => !value, 'must be left empty'),
});

export type SkmResponseBody = z.infer<typeof skmResponseBodySchema>;
