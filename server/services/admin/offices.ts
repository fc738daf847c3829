import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { isTimeZone } from '../../config.js';
import { AdminUser, Employee, Office } from '../../db/models/index.js';
import { notFound } from '../../http/problem.js';
import type { Actor, AuditLog } from '../audit.js';
import { assertRole } from '../scope.js';
import { diff, plainText, slugCode, uniqueOr409 } from './fields.js';

const timeZone = z.string().trim().max(64).refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Jakarta, Asia/Makassar or Asia/Jayapura');

export const officeCreateSchema = z.strictObject({
  code: slugCode,
  name: plainText(200),
  /** The office's clock for the one-a-day rule and reports; TZ_DEFAULT when left out. */
  timezone: timeZone.optional(),
});

export const officeRenameSchema = z.strictObject({ name: plainText(200) });

export type OfficeCreateBody = z.infer<typeof officeCreateSchema>;
export type OfficeRenameBody = z.infer<typeof officeRenameSchema>;

export interface OfficeView {
  code: string;
  name: string;
  timezone: string;
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
            { officeId: created.id, action: 'office.create', targetType: 'office', targetId: created.code, changes: { ...body, timezone: created.timezone } },
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
    const office = await this.require(code);
    const changes = diff(office.get(), body);
    if (Object.keys(changes).length) {
      await this.db.transaction(async (transaction) => {
        await office.update(body, { transaction });
        await this.audit.record(actor, { officeId: office.id, action: 'office.rename', targetType: 'office', targetId: code, changes }, transaction);
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
      employees,
      admins,
      createdAt: new Date(office.createdAt).toISOString(),
    };
  }
}
