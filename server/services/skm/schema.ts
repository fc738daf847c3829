import { z } from 'zod';
import { SKM_ELEMENT_CODES, SKM_MAX_SCORE, SKM_MIN_SCORE } from '../../domain/skm/elements.js';
import { profileCodes } from '../../domain/skm/respondent.js';
import { plainComment, text, toMobileNumber } from '../../domain/rating-schema.js';

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
    .transform((value, ctx) => (value === undefined || !value.trim() ? null : toMobileNumber(value, ctx))),
  suggestion: plainComment(1000),
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
