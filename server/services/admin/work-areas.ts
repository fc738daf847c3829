import { fn, col, type Sequelize } from 'sequelize';
import { z } from 'zod';
import { AdminUser, Employee, WorkArea } from '../../db/models/index.js';
import { conflict, notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import { diff, officeOf, plainText, slugCode, uniqueOr409 } from './fields.js';

/** `07:30-16:00`: when a post serves customers, office-local; a close before the open spans midnight. */
export const serviceHoursSchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must be opening and closing time as HH:MM-HH:MM, e.g. 07:30-16:00')
  .refine((value) => value.slice(0, 5) !== value.slice(6), 'must open and close at different times');

export const workAreaCreateSchema = z.strictObject({
  code: slugCode,
  name: plainText(200),
  serviceHours: serviceHoursSchema.nullable().optional(),
});
export const workAreaRenameSchema = z
  .strictObject({ name: plainText(200).optional(), serviceHours: serviceHoursSchema.nullable().optional() })
  .refine((body) => body.name !== undefined || body.serviceHours !== undefined, 'give name or serviceHours');

export type WorkAreaCreateBody = z.infer<typeof workAreaCreateSchema>;
export type WorkAreaRenameBody = z.infer<typeof workAreaRenameSchema>;

export interface WorkAreaView {
  code: string;
  name: string;
  active: boolean;
  /** `HH:MM-HH:MM` office-local, or null when not set. */
  serviceHours: string | null;
  /** Active employees placed there. */
  employees: number;
}

/** Finds a work area of an office by code; another office's area is as unknown as a missing one (404). */
export async function requireWorkArea(officeId: number, code: string): Promise<WorkArea> {
  const area = await WorkArea.findOne({ where: { officeId, code } });
  if (!area) throw notFound('This office has no work area with that code.');
  return area;
}

/**
 * The posts of the admin's office (Kantor Induk, Wilker, Pos). A work area is deactivated, never
 * deleted, and only once nobody works there any more: its ratings keep pointing at it.
 */
export class WorkAreaAdmin {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<WorkAreaView[]> {
    const officeId = officeOf(actor);
    const [areas, counts] = await Promise.all([
      WorkArea.findAll({ where: { officeId }, order: [['id', 'ASC']] }),
      Employee.findAll({
        where: { officeId, active: true },
        attributes: ['workAreaId', [fn('COUNT', col('id')), 'count']],
        // The column itself, not the select alias: every database groups by a column the same way.
        group: [col('work_area_id')],
        raw: true,
      }) as unknown as Promise<{ workAreaId: number; count: number | string }[]>,
    ]);
    const byArea = new Map(counts.map((row) => [row.workAreaId, Number(row.count)]));
    return areas.map((area) => this.#view(area, byArea.get(area.id) ?? 0));
  }

  async create(actor: Actor, body: WorkAreaCreateBody): Promise<WorkAreaView> {
    const officeId = officeOf(actor);
    const area = await uniqueOr409(
      () =>
        this.db.transaction(async (transaction) => {
          const created = await WorkArea.create({ officeId, ...body }, { transaction });
          await this.audit.record(
            actor,
            { officeId, action: 'work-area.create', targetType: 'work-area', targetId: body.code, changes: body },
            transaction,
          );
          return created;
        }),
      `The work area code "${body.code}"`,
    );
    return this.#view(area, 0);
  }

  async rename(actor: Actor, code: string, body: WorkAreaRenameBody): Promise<WorkAreaView> {
    const values = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return this.#change(actor, code, body.name !== undefined ? 'work-area.rename' : 'work-area.update', values);
  }

  /** Refused (409) while active employees or coordinators are placed there: move them first. */
  async deactivate(actor: Actor, code: string): Promise<WorkAreaView> {
    const officeId = officeOf(actor);
    const area = await requireWorkArea(officeId, code);
    const [employees, coordinators] = await Promise.all([
      Employee.count({ where: { workAreaId: area.id, active: true } }),
      AdminUser.count({ where: { workAreaId: area.id, active: true } }),
    ]);
    if (employees || coordinators) {
      throw conflict(
        'work-area-in-use',
        'Work area in use',
        `${employees} active employee(s) and ${coordinators} active coordinator(s) are placed in this work area. Move or deactivate them first.`,
      );
    }
    return this.#change(actor, code, 'work-area.deactivate', { active: false });
  }

  async reactivate(actor: Actor, code: string): Promise<WorkAreaView> {
    return this.#change(actor, code, 'work-area.reactivate', { active: true });
  }

  async #change(
    actor: Actor,
    code: string,
    action: string,
    values: { name?: string; active?: boolean; serviceHours?: string | null },
  ): Promise<WorkAreaView> {
    const officeId = officeOf(actor);
    const area = await requireWorkArea(officeId, code);
    const changes = diff(area.get(), values);
    if (Object.keys(changes).length) {
      await this.db.transaction(async (transaction) => {
        await area.update(values, { transaction });
        await this.audit.record(actor, { officeId, action, targetType: 'work-area', targetId: code, changes }, transaction);
      });
    }
    return this.#view(area, await Employee.count({ where: { workAreaId: area.id, active: true } }));
  }

  #view(area: WorkArea, employees: number): WorkAreaView {
    return { code: area.code, name: area.name, active: area.active, serviceHours: area.serviceHours ?? null, employees };
  }
}
