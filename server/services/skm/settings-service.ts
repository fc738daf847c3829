import { z } from 'zod';
import { SKM_ELEMENT_CODES, type SkmElementCode } from '../../domain/skm/elements.js';
import type { SkmSettings, SkmSettingsVersion } from '../../domain/skm/settings.js';
import { SkmSettingsRecord } from '../../db/models/index.js';
import { invalid } from '../../domain/problem.js';

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
    .refine((value) => !/[\u0000-\u001F\u007F<>]/.test(value), 'must be plain text on one line');

const wording = z.strictObject({
  question: z.strictObject({ id: line(300).optional(), en: line(300).optional() }).optional(),
  options: z
    .strictObject({
      id: z.array(line(80)).length(4, 'must list the four answers, 1 to 4').optional(),
      en: z.array(line(80)).length(4, 'must list the four answers, 1 to 4').optional(),
    })
    .optional(),
});

/** The body of PUT /api/v1/admin/skm/settings: one version of the settings from a date on. */
export const skmSettingsBodySchema = z.strictObject({
  serviceType: z.string().max(64).nullable().default(null),
  effectiveFrom: z.iso.date('must be a date, YYYY-MM-DD'),
  notApplicable: z
    .array(z.enum(SKM_ELEMENT_CODES))
    .max(SKM_ELEMENT_CODES.length - 1, 'at least one element must stay in the survey')
    .refine((codes) => new Set(codes).size === codes.length, 'lists an element twice')
    .default([]),
  wording: z
    .strictObject(
      Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, wording.optional()])) as Record<
        SkmElementCode,
        z.ZodOptional<typeof wording>
      >,
    )
    .default({}),
  population: z.number().int('must be a whole number').min(0).max(100_000_000).nullable().default(null),
});

export type SkmSettingsBody = z.infer<typeof skmSettingsBodySchema>;

export const scopeOf = (serviceTypeId: number | null): string => (serviceTypeId === null ? 'office' : `service:${serviceTypeId}`);

const toVersion = (record: SkmSettingsRecord): SkmSettingsVersion => ({
  serviceTypeId: record.serviceTypeId,
  effectiveFrom: record.effectiveFrom,
  settings: JSON.parse(record.settings) as SkmSettings,
});

/** The stored versions of an office's SKM settings; a new version from a date replaces one of the same date. */
export class SkmSettingsService {
  async versions(officeId: number): Promise<SkmSettingsVersion[]> {
    const records = await SkmSettingsRecord.findAll({
      where: { officeId },
      order: [
        ['effectiveFrom', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    return records.map(toVersion);
  }

  /**
   * Saves one version. A version dated in the past would change the questionnaires already answered
   * under other rules, so it is refused; today or later is fine (a report reads what each
   * questionnaire answered, so even then nothing already given changes).
   */
  async put(
    officeId: number,
    serviceTypeId: number | null,
    body: SkmSettingsBody,
    today: string,
    userId: number | null,
  ): Promise<SkmSettingsVersion> {
    if (body.effectiveFrom < today) {
      throw invalid([
        {
          path: 'effectiveFrom',
          message: `must be today (${today}) or later: past questionnaires keep the rules they were answered under`,
        },
      ]);
    }
    const settings: SkmSettings = { notApplicable: body.notApplicable, wording: body.wording, population: body.population };
    const scope = scopeOf(serviceTypeId);
    const existing = await SkmSettingsRecord.findOne({ where: { officeId, scope, effectiveFrom: body.effectiveFrom } });
    if (existing) {
      await existing.update({ settings: JSON.stringify(settings), createdBy: userId });
      return toVersion(existing);
    }
    const created = await SkmSettingsRecord.create({
      officeId,
      scope,
      serviceTypeId,
      effectiveFrom: body.effectiveFrom,
      settings: JSON.stringify(settings),
      createdBy: userId,
    });
    return toVersion(created);
  }
}
