import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { isTimeZone } from '../../config.js';
import { AdminUser, Employee, Office } from '../../db/models/index.js';
import { HIGHEST_LOW_SCORE } from '../../domain/indicators.js';
import { notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import { assertRole } from '../access/scope.js';
import { diff, officeOf, plainText, slugCode, uniqueOr409 } from './fields.js';

const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Jakarta, Asia/Makassar or Asia/Jayapura');

export const officeCreateSchema = z.strictObject({
  code: slugCode,
  name: plainText(200),
  /** The office's clock for the one-a-day rule and reports; TZ_DEFAULT when left out. */
  timezone: timeZone.optional(),
});

/** A name change, and the office's data protection contact for the form's privacy notice (null clears it). */
export const officeRenameSchema = z
  .strictObject({ name: plainText(200).optional(), privacyContact: plainText(300).nullable().optional() })
  .refine((body) => body.name !== undefined || body.privacyContact !== undefined, 'give name or privacyContact');

export type OfficeCreateBody = z.infer<typeof officeCreateSchema>;
export type OfficeRenameBody = z.infer<typeof officeRenameSchema>;

/** The complaint channel shown after a low score: a web address people can open (SP4N-LAPOR! or the office's own). */
const complaintUrl = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .refine(
    (value) => /^https?:\/\/[^\s/$.?#][^\s<>"]*$/i.test(value) && URL.canParse(value),
    'must be a web address starting with https://',
  );

/**
 * What an office's own admin may change about it: the data protection contact (null clears it), the
 * complaint link (null clears it) and the time zone (the one-a-day rule and reports from then on).
 */
export const officeOwnSchema = z
  .strictObject({
    privacyContact: plainText(300).nullable().optional(),
    complaintUrl: complaintUrl.nullable().optional(),
    timezone: timeZone.optional(),
    /** A rating with any indicator at or below this goes to the feedback inbox as low. */
    feedbackLowScore: z.number().int().min(1).max(HIGHEST_LOW_SCORE).optional(),
    /** Days to close a feedback case before it shows as overdue. */
    feedbackTargetDays: z.number().int().min(1).max(90).optional(),
    /** Where low-score alerts are posted, signed with the secret (null clears it). */
    alertWebhookUrl: complaintUrl.nullable().optional(),
    alertWebhookSecret: z.string().min(16, 'must be at least 16 characters').max(200).nullable().optional(),
  })
  .refine(
    (body) => Object.values(body).some((value) => value !== undefined),
    'give privacyContact, complaintUrl, timezone, feedbackLowScore, feedbackTargetDays, alertWebhookUrl or alertWebhookSecret',
  );
export type OfficeOwnBody = z.infer<typeof officeOwnSchema>;

export interface OfficeView {
  code: string;
  name: string;
  timezone: string;
  privacyContact: string | null;
  complaintUrl: string | null;
  feedbackLowScore: number;
  feedbackTargetDays: number;
  alertWebhookUrl: string | null;
  /** The secret is never answered: only whether one is set. */
  alertWebhookSecretSet: boolean;
  employees: number;
  admins: number;
  createdAt: string;
}

function superadmin(actor: Actor): void {
  if (!actor.user) return; // The command line acts as a superadmin.
  assertRole(actor.user, ['superadmin']);
}

/**
 * Offices, managed by a superadmin. An office's code is its permanent identifier (URLs, exports);
 * only its name changes. Offices are never deleted: ratings and the audit log point at them.
 */
export class OfficeAdmin {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
    private readonly defaultTimeZone: string,
  ) {}

  async list(actor: Actor): Promise<OfficeView[]> {
    superadmin(actor);
    const offices = await Office.findAll({ order: [['id', 'ASC']] });
    return Promise.all(offices.map((office) => this.#view(office)));
  }

  async create(actor: Actor, body: OfficeCreateBody): Promise<OfficeView> {
    superadmin(actor);
    const office = await uniqueOr409(
      () =>
        this.db.transaction(async (transaction) => {
          const created = await Office.create({ ...body, timezone: body.timezone ?? this.defaultTimeZone }, { transaction });
          await this.audit.record(
            actor,
            {
              officeId: created.id,
              action: 'office.create',
              targetType: 'office',
              targetId: created.code,
              changes: { ...body, timezone: created.timezone },
            },
            transaction,
          );
          return created;
        }),
      `The office code "${body.code}"`,
    );
    return this.#view(office);
  }

  async rename(actor: Actor, code: string, body: OfficeRenameBody): Promise<OfficeView> {
    superadmin(actor);
    return this.#update(actor, await this.require(code), body);
  }

  /** An office admin reads their own office's settings. */
  async own(actor: Actor): Promise<OfficeView> {
    return this.#view(await this.#own(actor));
  }

  /** An office admin sets their own office's data protection contact, complaint link and time zone. */
  async updateOwn(actor: Actor, body: OfficeOwnBody): Promise<OfficeView> {
    return this.#update(actor, await this.#own(actor), body);
  }

  async #own(actor: Actor): Promise<Office> {
    const office = await Office.findByPk(officeOf(actor));
    if (!office) throw notFound('No office has that code.');
    return office;
  }

  async #update(actor: Actor, office: Office, body: OfficeRenameBody | OfficeOwnBody): Promise<OfficeView> {
    const code = office.code;
    const values = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    const changes = diff(office.get(), values);
    if (Object.keys(changes).length) {
      await this.db.transaction(async (transaction) => {
        await office.update(values, { transaction });
        const action = changes.name ? 'office.rename' : 'office.update';
        await this.audit.record(actor, { officeId: office.id, action, targetType: 'office', targetId: code, changes }, transaction);
      });
    }
    return this.#view(office);
  }

  async require(code: string): Promise<Office> {
    const office = await Office.findOne({ where: { code } });
    if (!office) throw notFound('No office has that code.');
    return office;
  }

  async #view(office: Office): Promise<OfficeView> {
    const [employees, admins] = await Promise.all([
      Employee.count({ where: { officeId: office.id, active: true } }),
      AdminUser.count({ where: { officeId: office.id, role: 'admin', active: true } }),
    ]);
    return {
      code: office.code,
      name: office.name,
      timezone: office.timezone,
      privacyContact: office.privacyContact ?? null,
      complaintUrl: office.complaintUrl ?? null,
      feedbackLowScore: office.feedbackLowScore,
      feedbackTargetDays: office.feedbackTargetDays,
      alertWebhookUrl: office.alertWebhookUrl ?? null,
      alertWebhookSecretSet: !!office.alertWebhookSecret,
      employees,
      admins,
      createdAt: new Date(office.createdAt).toISOString(),
    };
  }
}
