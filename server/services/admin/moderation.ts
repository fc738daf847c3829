import { Op, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import type { Dialect } from '../../db/connection.js';
import { applyToDailyFigures } from '../../db/daily-figures.js';
import { z } from 'zod';
import { INDICATOR_CODES } from '../../domain/indicators.js';
import { AdminUser, Employee, Rating, ServiceType, WorkArea } from '../../db/models/index.js';
import { conflict, invalid, notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import { maskPhonesIn, withoutCustomer } from '../privacy/free-text.js';
import { scrubCustomerFromAudit } from '../privacy/audit-scrub.js';
import { normalisePhone, type PhoneVault } from '../../domain/phone.js';
import { officeOf, plainText, queryBoolean, reasonBody, slugCode } from './fields.js';

const isoDate = z.iso.date('must be a date YYYY-MM-DD');

export const ratingListSchema = z.strictObject({
  /** Office-local days, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  nip: z.string().trim().max(64).optional(),
  serviceType: slugCode.optional(),
  workArea: slugCode.optional(),
  /** true: only voided ones; false: only counted ones; left out: both. */
  voided: queryBoolean.optional(),
  /** Given ratings only, by id, comma-separated (at most 100): the ratings behind an anomaly flag. */
  ids: z
    .string()
    .regex(/^[1-9]\d{0,15}(,[1-9]\d{0,15}){0,99}$/, 'must be up to 100 rating ids separated by commas')
    .transform((text) => text.split(',').map(Number))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const voidSchema = z.strictObject({ reason: plainText(500) });
export const unvoidSchema = reasonBody;
export const phoneReadSchema = z.strictObject({ reason: plainText(500) });
export const phoneEraseSchema = z.strictObject({ phone: z.string().max(40, 'must be at most 40 characters'), reason: plainText(500) });

/** A reason typed by an admin may quote the customer's number; the audit log must not keep it. */
const withoutNumbers = (text: string): string => maskPhonesIn(text).replace(/\+?\d(?:[\s.-]?\d){7,}/g, '[nomor]');

/** What an erased rating shows where the masked number was. */
export const ERASED_MASK = '****';

export type RatingListQuery = z.infer<typeof ratingListSchema>;

type Loaded = Rating & { employee: Employee; serviceType: ServiceType; workArea: WorkArea };

const include = [
  { model: Employee, as: 'employee', required: true, attributes: ['nip', 'name'] },
  { model: ServiceType, as: 'serviceType', required: true, attributes: ['code', 'name'] },
  { model: WorkArea, as: 'workArea', required: true, attributes: ['code'] },
];

/**
 * Moderation of the office's ratings. Voiding keeps the rating stored but stops it counting in every
 * report; it can be undone. Voiding and unvoiding go only through this class, so anything kept in
 * step with the counted ratings (daily figures) has one place to follow them. Lists show phone numbers
 * masked; reading a full number is its own action, with a reason, and audited.
 */
export class Moderation {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
    private readonly vault: PhoneVault,
  ) {}

  async list(actor: Actor, query: RatingListQuery): Promise<{ ratings: unknown[]; total: number }> {
    const officeId = officeOf(actor);
    const where: WhereOptions<Rating>[] = [{ officeId }];
    if (query.from) where.push({ localDate: { [Op.gte]: query.from } });
    if (query.to) where.push({ localDate: { [Op.lte]: query.to } });
    if (query.voided !== undefined) where.push({ voidedAt: query.voided ? { [Op.ne]: null } : null });
    if (query.ids) where.push({ id: query.ids });
    const narrowed = await this.#narrow(officeId, query);
    if (!narrowed) return { ratings: [], total: 0 };
    const { rows, count } = await Rating.findAndCountAll({
      where: { [Op.and]: [...where, narrowed] },
      include,
      order: [['id', 'DESC']],
      limit: query.limit,
      offset: query.offset,
    });
    const voiders = await this.#usernames(rows.map((row) => row.voidedBy));
    return { total: count, ratings: rows.map((row) => this.#view(row as Loaded, voiders)) };
  }

  async void(actor: Actor, id: number, typedReason: string): Promise<unknown> {
    // The reason is shown beside the rating and kept in the audit log: a quoted phone number is masked first.
    const reason = maskPhonesIn(typedReason);
    const rating = await this.#require(actor, id);
    const voidedAt = new Date();
    const voidedBy = actor.user?.id ?? null;
    await this.#setCounted(rating, false, { voidedAt, voidReason: reason, voidedBy }, async (transaction) => {
      await this.audit.record(
        actor,
        { officeId: rating.officeId, action: 'rating.void', targetType: 'rating', targetId: id, changes: { reason } },
        transaction,
      );
    });
    rating.set({ voidedAt, voidReason: reason, voidedBy });
    return this.#view(rating, await this.#usernames([rating.voidedBy]));
  }

  async unvoid(actor: Actor, id: number, reason: string | undefined): Promise<unknown> {
    const rating = await this.#require(actor, id);
    const changes = { reason: reason ?? null, voidReason: rating.voidReason };
    await this.#setCounted(rating, true, { voidedAt: null, voidReason: null, voidedBy: null }, async (transaction) => {
      await this.audit.record(
        actor,
        { officeId: rating.officeId, action: 'rating.unvoid', targetType: 'rating', targetId: id, changes },
        transaction,
      );
    });
    rating.set({ voidedAt: null, voidReason: null, voidedBy: null });
    return this.#view(rating, new Map());
  }

  /**
   * Voids or restores a rating and moves its share of the daily figures with it, in one transaction.
   * The update is conditional on the rating's current state, so of two moderators acting at once
   * only one changes it (and the figures); the other is told it was done already.
   */
  async #setCounted(
    rating: Loaded,
    counted: boolean,
    values: { voidedAt: Date | null; voidReason: string | null; voidedBy: number | null },
    alsoDo: (transaction: Transaction) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async (transaction) => {
      const [changed] = await Rating.update(values, {
        where: { id: rating.id, voidedAt: counted ? { [Op.ne]: null } : null },
        transaction,
      });
      if (changed !== 1) {
        throw counted
          ? conflict('not-voided', 'Not voided', 'This rating counts already.')
          : conflict('already-voided', 'Already voided', 'This rating is voided already.');
      }
      const execute = (sql: string, replacements: unknown[]) => this.db.query(sql, { replacements, transaction });
      await applyToDailyFigures(execute, this.db.getDialect() as Dialect, [rating], counted ? 1 : -1);
      await alsoDo(transaction);
    });
  }

  /**
   * The customer's full number, to follow up a complaint. The reading is audited with its reason
   * (never the number) before the number is answered. After RETENTION_DAYS only the hash is left: 410.
   */
  async readPhone(actor: Actor, id: number, reason: string): Promise<{ id: number; receipt: string; phone: string; national: string }> {
    const rating = await this.#require(actor, id);
    const phone = this.vault.readStored(rating.phoneCipher);
    await this.audit.record(actor, {
      officeId: rating.officeId,
      action: 'rating.read-phone',
      targetType: 'rating',
      targetId: id,
      changes: { reason },
    });
    return { id: rating.id, receipt: rating.receipt, phone, national: `0${phone.replace(/^\+62/, '')}` };
  }

  /**
   * A customer's request to erase their data (UU 27/2022): every rating of the admin's office from that
   * number, found by its keyed hash, loses its encrypted number and its masked form. The hash stays, so
   * the one-a-day rule and the counts still hold; the ratings themselves stay, as every rating does.
   * Audited with the count and the reason, never the number. Answers how many ratings were erased
   * (0 when none, or all were already: asking twice is harmless).
   */
  async erasePhone(actor: Actor, phone: string, reason: string): Promise<{ erased: number; ratings: number }> {
    const officeId = officeOf(actor);
    const e164 = normalisePhone(phone);
    if (!e164)
      throw invalid([{ path: 'phone', message: 'must be an Indonesian mobile number, e.g. 0812-3456-7890', code: 'invalid_phone' }]);
    const phoneHash = this.vault.hash(e164);
    return this.db.transaction(async (transaction) => {
      const ids = (await Rating.findAll({ where: { officeId, phoneHash }, attributes: ['id'], transaction })).map((row) => row.id);
      const ratings = ids.length;
      // Earlier audit entries may quote the number (a reason typed before masking, or its masked form).
      await scrubCustomerFromAudit(officeId, ids, e164, transaction);
      const [erased] = await Rating.update(
        { phoneCipher: null, phoneMasked: ERASED_MASK },
        {
          where: { officeId, phoneHash, [Op.or]: [{ phoneCipher: { [Op.ne]: null } }, { phoneMasked: { [Op.ne]: ERASED_MASK } }] },
          transaction,
        },
      );
      await this.audit.record(
        actor,
        {
          officeId,
          action: 'rating.erase-phone',
          targetType: 'rating',
          changes: { erased, ratings, reason: withoutCustomer(withoutNumbers(reason), e164) },
        },
        transaction,
      );
      return { erased, ratings };
    });
  }

  /** Filters by code that must resolve in the office; a code that matches nothing gives an empty list. */
  async #narrow(officeId: number, query: RatingListQuery): Promise<WhereOptions<Rating> | null> {
    const filters: WhereOptions<Rating>[] = [];
    if (query.nip) {
      const employee = await Employee.findOne({ where: { officeId, nip: query.nip.toUpperCase() }, attributes: ['id'] });
      if (!employee) return null;
      filters.push({ employeeId: employee.id });
    }
    if (query.serviceType) {
      const type = await ServiceType.findOne({ where: { officeId, code: query.serviceType }, attributes: ['id'] });
      if (!type) return null;
      filters.push({ serviceTypeId: type.id });
    }
    if (query.workArea) {
      const area = await WorkArea.findOne({ where: { officeId, code: query.workArea }, attributes: ['id'] });
      if (!area) return null;
      filters.push({ workAreaId: area.id });
    }
    return { [Op.and]: filters };
  }

  async #require(actor: Actor, id: number): Promise<Loaded> {
    const officeId = officeOf(actor);
    const rating = Number.isSafeInteger(id) ? await Rating.findOne({ where: { id, officeId }, include }) : null;
    if (!rating) throw notFound('Your office has no rating with that id.');
    return rating as Loaded;
  }

  async #usernames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const users = await AdminUser.findAll({ where: { id: wanted }, attributes: ['id', 'username'] });
    return new Map(users.map((user) => [user.id, user.username]));
  }

  #view(rating: Loaded, voiders: Map<number, string>) {
    return {
      id: rating.id,
      receipt: rating.receipt,
      createdAt: new Date(rating.createdAt).toISOString(),
      localDate: rating.localDate,
      employee: { nip: rating.employee.nip, name: rating.employee.name },
      workArea: rating.workArea.code,
      serviceType: { code: rating.serviceType.code, name: rating.serviceType.name },
      scores: Object.fromEntries(INDICATOR_CODES.map((code) => [code, rating[code]])),
      comment: rating.comment,
      channel: rating.channel,
      phone: rating.phoneMasked,
      voided: rating.voidedAt
        ? {
            at: new Date(rating.voidedAt).toISOString(),
            reason: rating.voidReason,
            by: rating.voidedBy ? (voiders.get(rating.voidedBy) ?? null) : null,
          }
        : null,
    };
  }
}
