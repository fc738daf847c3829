import { Op, type InferCreationAttributes, type Sequelize, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { FEEDBACK_STATUSES, type FeedbackItem, type FeedbackStatus } from '../../../contract/index.js';
import { AdminUser, Employee, FeedbackCase, Office, Rating, ServiceType, WorkArea } from '../../db/models/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import { INDICATOR_CODES } from '../../domain/indicators.js';
import { conflict, invalid, notFound } from '../../domain/problem.js';
import type { PhoneVault } from '../../domain/phone.js';
import { assertRole, scopeOf, type AuthUser, type ReadScope } from '../access/scope.js';
import type { Actor, AuditLog } from '../admin/audit.js';
import { plainText, queryBoolean, slugCode } from '../admin/fields.js';
import { maskPhonesIn } from '../privacy/free-text.js';

/** Who works the inbox: an office's admins (the whole office) and coordinators (their work area). */
export const FEEDBACK_ROLES = ['admin', 'coordinator'] as const;

export const feedbackListSchema = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  workArea: slugCode.optional(),
  /** `me`, `none`, or an account's username. */
  assigned: z.string().trim().min(1).max(64).optional(),
  /** Only ratings with a low score (left out: comments too). */
  low: queryBoolean.optional(),
  /** Only open cases past the office's target days. */
  overdue: queryBoolean.optional(),
  /** One rating only (an alert mail links to it). */
  rating: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FeedbackListQuery = z.infer<typeof feedbackListSchema>;

/** A move to `ditangani` or `selesai`; closing needs the follow-up note. */
export const feedbackStatusSchema = z
  .strictObject({
    status: z.enum(['ditangani', 'selesai']),
    note: plainText(2000).optional(),
  })
  .refine((body) => body.status !== 'selesai' || body.note !== undefined, { message: 'is required to close', path: ['note'] });
export type FeedbackStatusBody = z.infer<typeof feedbackStatusSchema>;

/** Reading a consenting customer's number needs a reason, kept in the audit log. */
export const feedbackPhoneSchema = z.strictObject({ reason: plainText(500) });

/** Assigns to an account of the office by id, or null for nobody. */
export const feedbackAssignSchema = z.strictObject({ assignee: z.number().int().positive().nullable() });

/** The moves allowed from each status: forward only; a closed case stays closed. */
const NEXT: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  baru: ['ditangani', 'selesai'],
  ditangani: ['selesai'],
  selesai: [],
};

const DAY_MS = 24 * 60 * 60 * 1000;

type Loaded = Rating & { employee: Employee; serviceType: ServiceType; workArea: WorkArea; feedbackCase: FeedbackCase | null };

const include = (caseWhere?: WhereOptions<FeedbackCase>, caseRequired = false) => [
  { model: Employee, as: 'employee', required: true, attributes: ['nip', 'name'] },
  { model: ServiceType, as: 'serviceType', required: true, attributes: ['code', 'name'] },
  { model: WorkArea, as: 'workArea', required: true, attributes: ['code', 'name'] },
  { model: FeedbackCase, as: 'feedbackCase', required: caseRequired, ...(caseWhere ? { where: caseWhere } : {}) },
];

interface OfficeSettings {
  lowScore: number;
  targetDays: number;
}

/**
 * The feedback inbox: every counted rating of the user's scope with a comment or a low score, newest
 * first, and its follow-up (new, being handled, closed with a note), assigned to an account. A rating
 * has no case row until someone acts on it: it is new. Every change is conditional on the status read,
 * so of two people acting at once one wins and the other gets a 409; every change is audited.
 */
export class FeedbackInbox {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
    private readonly vault: PhoneVault,
  ) {}

  async list(user: AuthUser, query: FeedbackListQuery): Promise<{ items: FeedbackItem[]; total: number; settings: OfficeSettings }> {
    assertRole(user, FEEDBACK_ROLES);
    const scope = scopeOf(user);
    const settings = await this.#settings(scope.officeId);
    const lowWhere = { [Op.or]: INDICATOR_CODES.map((code) => ({ [code]: { [Op.lte]: settings.lowScore } })) };
    const where: WhereOptions<Rating>[] = [this.#scopeWhere(scope), { voidedAt: null }];
    where.push(query.low ? lowWhere : { [Op.or]: [lowWhere, { comment: { [Op.ne]: null } }] });
    if (query.rating) where.push({ id: query.rating });
    if (query.workArea) {
      const area = await WorkArea.findOne({ where: { officeId: scope.officeId, code: query.workArea }, attributes: ['id'] });
      if (!area) return { items: [], total: 0, settings };
      where.push({ workAreaId: area.id });
    }
    const caseFilters: WhereOptions[] = [];
    if (query.status === 'baru') caseFilters.push({ [Op.or]: [{ '$feedbackCase.id$': null }, { '$feedbackCase.status$': 'baru' }] });
    else if (query.status) caseFilters.push({ '$feedbackCase.status$': query.status });
    if (query.assigned) {
      const assignee = await this.#assigneeFilter(user, scope, query.assigned);
      if (assignee === undefined) return { items: [], total: 0, settings };
      caseFilters.push(
        assignee === null
          ? { [Op.or]: [{ '$feedbackCase.id$': null }, { '$feedbackCase.assigned_to$': null }] }
          : { '$feedbackCase.assigned_to$': assignee },
      );
    }
    if (query.overdue) {
      where.push({ createdAt: { [Op.lt]: new Date(Date.now() - settings.targetDays * DAY_MS) } });
      caseFilters.push({ [Op.or]: [{ '$feedbackCase.id$': null }, { '$feedbackCase.status$': { [Op.ne]: 'selesai' } }] });
    }
    const { rows, count } = await Rating.findAndCountAll({
      where: { [Op.and]: [...where, ...caseFilters] },
      include: include(),
      order: [['id', 'DESC']],
      limit: query.limit,
      offset: query.offset,
      subQuery: false,
      distinct: true,
    });
    const names = await this.#usernames(rows.map((row) => (row as Loaded).feedbackCase?.assignedTo ?? null));
    return { total: count, settings, items: rows.map((row) => this.#view(row as Loaded, settings, names)) };
  }

  /** Accounts a case may be assigned to: the office's active admins, and coordinators of the rating's work area. */
  async assignees(user: AuthUser): Promise<{ id: number; username: string; role: string; workArea: string | null }[]> {
    assertRole(user, FEEDBACK_ROLES);
    const scope = scopeOf(user);
    const accounts = await AdminUser.findAll({
      where: {
        officeId: scope.officeId,
        active: true,
        [Op.or]: [{ role: 'admin' }, { role: 'coordinator', ...(scope.workAreaId ? { workAreaId: scope.workAreaId } : {}) }],
      },
      include: [{ model: WorkArea, as: 'workArea', required: false, attributes: ['code'] }],
      order: [['username', 'ASC']],
    });
    return accounts.map((account) => ({
      id: account.id,
      username: account.username,
      role: account.role,
      workArea: (account as AdminUser & { workArea: WorkArea | null }).workArea?.code ?? null,
    }));
  }

  /** Moves a case on (new → being handled → closed), with an optional note (required to close). */
  async setStatus(actor: Actor, ratingId: number, body: FeedbackStatusBody): Promise<FeedbackItem> {
    const rating = await this.#require(actor, ratingId);
    const current = (rating.feedbackCase?.status ?? 'baru') as FeedbackStatus;
    if (!NEXT[current].includes(body.status)) {
      throw current === 'selesai'
        ? conflict('feedback-closed', 'Already closed', 'This feedback was closed already.')
        : conflict('feedback-status', 'Status changed', `This feedback is "${current}" already.`);
    }
    const note = body.note === undefined ? undefined : maskPhonesIn(body.note);
    await this.#change(actor, rating, current, 'feedback.status', {
      values: {
        status: body.status,
        ...(note === undefined ? {} : { note }),
        ...(body.status === 'selesai' ? { closedAt: new Date() } : {}),
      },
      changes: { status: { from: current, to: body.status }, ...(note === undefined ? {} : { note }) },
    });
    return this.#reload(actor, ratingId);
  }

  /** Assigns an open case to an account (an admin of the office, or a coordinator of the rating's work area), or to nobody. */
  async assign(actor: Actor, ratingId: number, assignee: number | null): Promise<FeedbackItem> {
    const rating = await this.#require(actor, ratingId);
    const current = (rating.feedbackCase?.status ?? 'baru') as FeedbackStatus;
    if (current === 'selesai') throw conflict('feedback-closed', 'Already closed', 'This feedback was closed already.');
    let username: string | null = null;
    if (assignee !== null) {
      const account = await AdminUser.findOne({ where: { id: assignee, officeId: rating.officeId, active: true } });
      const fits = account && (account.role === 'admin' || (account.role === 'coordinator' && account.workAreaId === rating.workAreaId));
      if (!account || !fits) {
        throw invalid([
          {
            path: 'assignee',
            message: 'must be an active admin of the office or a coordinator of the rating’s work area',
            code: 'invalid_assignee',
          },
        ]);
      }
      username = account.username;
    }
    const before = rating.feedbackCase?.assignedTo ?? null;
    const names = await this.#usernames([before]);
    await this.#change(actor, rating, current, 'feedback.assign', {
      values: { assignedTo: assignee },
      changes: { assignedTo: { from: before === null ? null : (names.get(before) ?? null), to: username } },
    });
    return this.#reload(actor, ratingId);
  }

  /**
   * The customer's full number, to follow up their feedback: only when they agreed to be contacted
   * (409 otherwise), audited with the reason (never the number) as `rating.read-phone`; 410 once erased.
   */
  async readPhone(actor: Actor, ratingId: number, reason: string): Promise<{ id: number; phone: string; national: string }> {
    const rating = await this.#require(actor, ratingId);
    if (!rating.contactConsent) {
      throw conflict('no-contact-consent', 'No consent to contact', 'The customer did not agree to be contacted for follow-up.');
    }
    const phone = this.vault.readStored(rating.phoneCipher);
    await this.audit.record(actor, {
      officeId: rating.officeId,
      action: 'rating.read-phone',
      targetType: 'rating',
      targetId: rating.id,
      changes: { reason: maskPhonesIn(reason), via: 'feedback' },
    });
    return { id: rating.id, phone, national: `0${phone.replace(/^\+62/, '')}` };
  }

  /**
   * One change of a case, conditional on the status read: the case row is made first when there is
   * none (a concurrent maker wins, which is fine: the status update below still decides), then updated
   * only if its status is still the one read, with the audit entry in the same transaction.
   */
  async #change(
    actor: Actor,
    rating: Loaded,
    current: FeedbackStatus,
    action: string,
    { values, changes }: { values: Partial<InferCreationAttributes<FeedbackCase>>; changes: Record<string, unknown> },
  ): Promise<void> {
    if (!rating.feedbackCase) {
      try {
        await FeedbackCase.create({
          ratingId: rating.id,
          officeId: rating.officeId,
          status: 'baru',
          assignedTo: null,
          note: null,
          updatedBy: null,
          closedAt: null,
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    await this.db.transaction(async (transaction) => {
      const [changed] = await FeedbackCase.update(
        { ...values, updatedBy: actor.user?.id ?? null },
        { where: { ratingId: rating.id, status: current }, transaction },
      );
      if (changed !== 1) {
        throw conflict('feedback-status', 'Status changed', 'Someone else changed this feedback meanwhile; reload it and try again.');
      }
      await this.audit.record(
        actor,
        { officeId: rating.officeId, action, targetType: 'rating', targetId: rating.id, changes },
        transaction,
      );
    });
  }

  async #reload(actor: Actor, ratingId: number): Promise<FeedbackItem> {
    const rating = await this.#require(actor, ratingId);
    const settings = await this.#settings(rating.officeId);
    return this.#view(rating, settings, await this.#usernames([rating.feedbackCase?.assignedTo ?? null]));
  }

  /** A counted rating of the actor's scope that is feedback (a comment or a low score); anything else is a 404. */
  async #require(actor: Actor, ratingId: number): Promise<Loaded> {
    if (!actor.user) throw notFound('No such feedback.');
    assertRole(actor.user, FEEDBACK_ROLES);
    const scope = scopeOf(actor.user);
    const rating = (await Rating.findOne({
      where: { [Op.and]: [{ id: ratingId }, this.#scopeWhere(scope), { voidedAt: null }] },
      include: include(),
    })) as Loaded | null;
    if (!rating) throw notFound('Your scope has no feedback with that id.');
    const { lowScore } = await this.#settings(scope.officeId);
    if (!rating.comment && !INDICATOR_CODES.some((code) => rating[code] <= lowScore)) {
      throw notFound('That rating has neither a comment nor a low score.');
    }
    return rating;
  }

  #scopeWhere(scope: ReadScope): WhereOptions<Rating> {
    return { officeId: scope.officeId, ...(scope.workAreaId ? { workAreaId: scope.workAreaId } : {}) };
  }

  /** `me`, `none` (null), or a username of the office; undefined when it names nobody there. */
  async #assigneeFilter(user: AuthUser, scope: ReadScope, assigned: string): Promise<number | null | undefined> {
    if (assigned === 'none') return null;
    if (assigned === 'me') return user.id;
    const account = await AdminUser.findOne({ where: { officeId: scope.officeId, username: assigned }, attributes: ['id'] });
    return account?.id;
  }

  async #settings(officeId: number): Promise<OfficeSettings> {
    const office = await Office.findByPk(officeId, { attributes: ['id', 'feedbackLowScore', 'feedbackTargetDays'] });
    return { lowScore: office?.feedbackLowScore ?? 2, targetDays: office?.feedbackTargetDays ?? 5 };
  }

  async #usernames(ids: (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const users = await AdminUser.findAll({ where: { id: wanted }, attributes: ['id', 'username'] });
    return new Map(users.map((account) => [account.id, account.username]));
  }

  #view(rating: Loaded, settings: OfficeSettings, names: Map<number, string>): FeedbackItem {
    const scores = Object.fromEntries(INDICATOR_CODES.map((code) => [code, rating[code]]));
    const lowest = Math.min(...INDICATOR_CODES.map((code) => rating[code]));
    const record = rating.feedbackCase;
    const status = (record?.status ?? 'baru') as FeedbackStatus;
    const createdAt = new Date(rating.createdAt);
    const dueAt = new Date(createdAt.getTime() + settings.targetDays * DAY_MS);
    return {
      id: rating.id,
      receipt: rating.receipt,
      createdAt: createdAt.toISOString(),
      employee: { nip: rating.employee.nip, name: rating.employee.name },
      workArea: { code: rating.workArea.code, name: rating.workArea.name },
      serviceType: { code: rating.serviceType.code, name: rating.serviceType.name },
      scores,
      lowest,
      low: lowest <= settings.lowScore,
      comment: rating.comment,
      contactConsent: rating.contactConsent,
      // The masked number only where the customer may be contacted, and while it can still be read.
      phone: rating.contactConsent && rating.phoneCipher ? rating.phoneMasked : null,
      status,
      assignedTo: record?.assignedTo ? { id: record.assignedTo, username: names.get(record.assignedTo) ?? '' } : null,
      note: record?.note ?? null,
      updatedAt: record ? new Date(record.updatedAt).toISOString() : null,
      closedAt: record?.closedAt ? new Date(record.closedAt).toISOString() : null,
      dueAt: dueAt.toISOString(),
      overdue: status !== 'selesai' && dueAt.getTime() < Date.now(),
    };
  }
}
