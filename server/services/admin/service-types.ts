import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { ServiceType } from '../../db/models/index.js';
import { conflict, invalid, notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import { diff, officeOf, plainText, slugCode, uniqueOr409 } from './fields.js';

export const serviceTypeCreateSchema = z.strictObject({ code: slugCode, name: plainText(200) });
export const serviceTypeRenameSchema = z.strictObject({ name: plainText(200) });
/** The office's service type codes, every one of them (retired too), in the wanted order. */
export const serviceTypeOrderSchema = z.strictObject({ codes: z.array(slugCode).min(1).max(500) });

export type ServiceTypeCreateBody = z.infer<typeof serviceTypeCreateSchema>;
export type ServiceTypeRenameBody = z.infer<typeof serviceTypeRenameSchema>;
export type ServiceTypeOrderBody = z.infer<typeof serviceTypeOrderSchema>;

export interface ServiceTypeView {
  code: string;
  name: string;
  active: boolean;
  sortOrder: number;
}

const view = (type: ServiceType): ServiceTypeView => ({ code: type.code, name: type.name, active: type.active, sortOrder: type.sortOrder });

/**
 * The service standards (Jenis Pelayanan) of the admin's office. A retired type leaves the rating
 * form but stays in the table: ratings keep the type they were given, and it can come back.
 */
export class ServiceTypeAdmin {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<ServiceTypeView[]> {
    const officeId = officeOf(actor);
    const types = await ServiceType.findAll({
      where: { officeId },
      order: [
        ['sortOrder', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    return types.map(view);
  }

  /** Adds a type at the end of the list. */
  async create(actor: Actor, body: ServiceTypeCreateBody): Promise<ServiceTypeView> {
    const officeId = officeOf(actor);
    return uniqueOr409(
      () =>
        this.db.transaction(async (transaction) => {
          const last = (await ServiceType.max('sortOrder', { where: { officeId }, transaction })) as number | null;
          const created = await ServiceType.create({ officeId, ...body, sortOrder: (last ?? 0) + 1 }, { transaction });
          await this.audit.record(
            actor,
            { officeId, action: 'service-type.create', targetType: 'service-type', targetId: body.code, changes: body },
            transaction,
          );
          return view(created);
        }),
      `The service type code "${body.code}"`,
    );
  }

  async rename(actor: Actor, code: string, body: ServiceTypeRenameBody): Promise<ServiceTypeView> {
    return this.#change(actor, code, 'service-type.rename', body);
  }

  /** Refused (409) for the last active type: the rating form needs at least one. */
  async retire(actor: Actor, code: string): Promise<ServiceTypeView> {
    const officeId = officeOf(actor);
    const type = await this.#require(officeId, code);
    if (type.active && (await ServiceType.count({ where: { officeId, active: true } })) <= 1) {
      throw conflict('last-service-type', 'Last active service type', 'At least one service type must stay active for the rating form.');
    }
    return this.#change(actor, code, 'service-type.retire', { active: false });
  }

  async reactivate(actor: Actor, code: string): Promise<ServiceTypeView> {
    return this.#change(actor, code, 'service-type.reactivate', { active: true });
  }

  /** Sets the order the rating form lists them in; the body must name every type of the office once. */
  async reorder(actor: Actor, body: ServiceTypeOrderBody): Promise<ServiceTypeView[]> {
    const officeId = officeOf(actor);
    const types = await ServiceType.findAll({ where: { officeId } });
    const byCode = new Map(types.map((type) => [type.code, type]));
    const seen = new Set<string>();
    const errors = body.codes.flatMap((code, index) => {
      const problem = !byCode.has(code) ? 'is not a service type of this office' : seen.has(code) ? 'is listed twice' : null;
      seen.add(code);
      return problem ? [{ path: `codes.${index}`, message: `"${code}" ${problem}`, code: 'invalid_order' }] : [];
    });
    const missing = types.filter((type) => !seen.has(type.code)).map((type) => type.code);
    if (missing.length) errors.push({ path: 'codes', message: `must also list ${missing.join(', ')}`, code: 'invalid_order' });
    if (errors.length) throw invalid(errors, 'List every service type of the office exactly once.');

    await this.db.transaction(async (transaction) => {
      for (const [index, code] of body.codes.entries()) {
        await ServiceType.update({ sortOrder: index + 1 }, { where: { id: (byCode.get(code) as ServiceType).id }, transaction });
      }
      await this.audit.record(
        actor,
        { officeId, action: 'service-type.reorder', targetType: 'service-type', changes: { order: body.codes } },
        transaction,
      );
    });
    return this.list(actor);
  }

  async #require(officeId: number, code: string): Promise<ServiceType> {
    const type = await ServiceType.findOne({ where: { officeId, code } });
    if (!type) throw notFound('This office has no service type with that code.');
    return type;
  }

  async #change(actor: Actor, code: string, action: string, values: { name?: string; active?: boolean }): Promise<ServiceTypeView> {
    const officeId = officeOf(actor);
    const type = await this.#require(officeId, code);
    const changes = diff(type.get(), values);
    if (Object.keys(changes).length) {
      await this.db.transaction(async (transaction) => {
        await type.update(values, { transaction });
        await this.audit.record(actor, { officeId, action, targetType: 'service-type', targetId: code, changes }, transaction);
      });
    }
    return view(type);
  }
}
