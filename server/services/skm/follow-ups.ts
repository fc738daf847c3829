import { z } from 'zod';
import { SKM_ELEMENT_CODES } from '../../domain/skm/elements.js';
import { parsePeriodKey } from '../../domain/skm/periods.js';
import { SkmFollowUp } from '../../db/models/index.js';
import { isUniqueViolation } from '../../db/errors.js';

export const FOLLOW_UP_STATUSES = ['direncanakan', 'berjalan', 'selesai'] as const;

/**
 * The body of PUT /api/v1/admin/skm/follow-ups: the office's follow-up plan (rencana tindak lanjut)
 * for one element of one period, office-wide or for one service type, and how far it has come.
 */
export const skmFollowUpBodySchema = z.strictObject({
  period: z.string().refine((key) => parsePeriodKey(key) !== null, 'must be a period: 2026-Q1, 2026-H1 or 2026'),
  serviceType: z.string().max(64).nullable().default(null),
  element: z.enum(SKM_ELEMENT_CODES),
  plan: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(2000, 'must be at most 2000 characters')
    .refine(
      // eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
      (value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value) && !/<\s*\/?\s*[a-z!?]/i.test(value),
      'must be plain text',
    ),
  status: z.enum(FOLLOW_UP_STATUSES),
  dueDate: z.iso.date('must be a date, YYYY-MM-DD').nullable().default(null),
});

export type SkmFollowUpBody = z.infer<typeof skmFollowUpBodySchema>;

export interface SkmFollowUpView {
  period: string;
  element: string;
  plan: string;
  status: string;
  dueDate: string | null;
  updatedAt: string;
}

const view = (record: SkmFollowUp): SkmFollowUpView => ({
  period: record.periodKey,
  element: record.element,
  plan: record.plan,
  status: record.status,
  dueDate: record.dueDate,
  updatedAt: new Date(record.updatedAt).toISOString(),
});

/** Follow-up plans by period, scope ('office' or 'service:<id>') and element; one per key, replaced on write. */
export class SkmFollowUps {
  async list(officeId: number, periodKey: string, scope: string): Promise<SkmFollowUpView[]> {
    const records = await SkmFollowUp.findAll({ where: { officeId, periodKey, scope }, order: [['element', 'ASC']] });
    return records.map(view);
  }

  async put(officeId: number, scope: string, body: SkmFollowUpBody, userId: number | null): Promise<SkmFollowUpView> {
    const key = { officeId, periodKey: body.period, scope, element: body.element };
    const values = { plan: body.plan, status: body.status, dueDate: body.dueDate, updatedBy: userId };
    for (let attempt = 0; ; attempt++) {
      const existing = await SkmFollowUp.findOne({ where: key });
      if (existing) return view(await existing.update(values));
      try {
        return view(await SkmFollowUp.create({ ...key, ...values }));
      } catch (error) {
        // Two admins saving the first plan at once: the second becomes an update of the first.
        if (!isUniqueViolation(error) || attempt > 0) throw error;
      }
    }
  }
}
