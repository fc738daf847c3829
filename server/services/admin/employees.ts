import { col, fn, Op, where as sqlWhere, type Sequelize, type WhereOptions } from 'sequelize';
import { staffIdProblems, type StaffKind } from '../../domain/nip.js';
import { Employee, EmployeePhoto, PublicCode, Rating, WorkArea } from '../../db/models/index.js';
import { conflict, invalid, notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import { issuePublicCode, type Catalogue } from '../catalogue/catalogue.js';
import type { EmployeeCreateBody, EmployeeListQuery, EmployeeUpdateBody, EmployeeView } from './employee-schemas.js';
import { diff, officeOf, uniqueOr409 } from './fields.js';

type WithArea = Employee & { workArea: WorkArea };

/**
 * The staff of the admin's office. Employees are deactivated rather than deleted; only one who was
 * never rated may be deleted (a mistyped NIP, say).
 */
export class EmployeeAdmin {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
    private readonly catalogue: Catalogue,
  ) {}

  async list(actor: Actor, query: EmployeeListQuery): Promise<{ employees: EmployeeView[]; total: number }> {
    const officeId = officeOf(actor);
    const filters: WhereOptions<Employee>[] = [{ officeId }];
    if (query.workArea) filters.push({ workAreaId: (await this.#area(officeId, query.workArea, 'query')).id });
    if (query.kind) filters.push({ kind: query.kind });
    if (query.active !== undefined) filters.push({ active: query.active });
    // LIKE wildcards are dropped rather than escaped: databases disagree on the escape character.
    const q = query.q?.toLowerCase().replace(/[%_\\]/g, '');
    if (q)
      filters.push({
        [Op.or]: [sqlWhere(fn('LOWER', col('Employee.name')), Op.like, `%${q}%`), { nip: { [Op.like]: `${q.toUpperCase()}%` } }],
      });
    const { rows, count } = await Employee.findAndCountAll({
      where: { [Op.and]: filters },
      include: [{ model: WorkArea, as: 'workArea', required: true }],
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: query.limit,
      offset: query.offset,
    });
    const codes = await PublicCode.findAll({ where: { employeeId: rows.map((row) => row.id), replacedAt: null } });
    const codeOf = new Map(codes.map((code) => [code.employeeId, code.code]));
    return { total: count, employees: rows.map((row) => this.view(row as WithArea, codeOf.get(row.id) ?? null)) };
  }

  async get(actor: Actor, nip: string): Promise<EmployeeView> {
    const employee = await this.require(officeOf(actor), nip);
    return this.view(employee, await this.catalogue.currentCode(employee.id));
  }

  async create(actor: Actor, body: EmployeeCreateBody): Promise<EmployeeView> {
    const officeId = officeOf(actor);
    const area = await this.#area(officeId, body.workArea, 'body');
    const { employee, code } = await uniqueOr409(
      () =>
        this.db.transaction(async (transaction) => {
          const { workArea: _code, ...fields } = body;
          const created = await Employee.create({ ...fields, officeId, workAreaId: area.id }, { transaction });
          const issued = await issuePublicCode(created.id, transaction);
          await this.audit.record(
            actor,
            { officeId, action: 'employee.create', targetType: 'employee', targetId: body.nip, changes: body },
            transaction,
          );
          return { employee: created, code: issued.code };
        }),
      `The NIP or staff code "${body.nip}" (in this or another office)`,
    );
    return this.view(Object.assign(employee, { workArea: area }) as WithArea, code);
  }

  /** Edits and moves. Changing the kind re-checks the identifier against the new kind's rules. */
  async update(actor: Actor, nip: string, body: EmployeeUpdateBody): Promise<EmployeeView> {
    const officeId = officeOf(actor);
    const employee = await this.require(officeId, nip);
    if (body.kind && body.kind !== employee.kind) {
      const problems = staffIdProblems(employee.nip, body.kind as StaffKind);
      if (problems.length)
        throw invalid(
          problems.map((message) => ({
            path: 'kind',
            message: `the employee's identifier does not fit: ${message}`,
            code: 'kind_mismatch',
          })),
        );
    }
    const area =
      body.workArea && body.workArea !== employee.workArea.code ? await this.#area(officeId, body.workArea, 'body') : employee.workArea;
    const { workArea: _code, ...fields } = body;
    const changes: Record<string, unknown> = diff(employee.get(), fields);
    if (area.id !== employee.workAreaId) changes.workArea = { from: employee.workArea.code, to: area.code };
    if (Object.keys(changes).length) {
      await this.db.transaction(async (transaction) => {
        // Another address (or none) in place of an uploaded photo: its stored bytes go with it.
        if ('photoUrl' in changes) await EmployeePhoto.destroy({ where: { employeeId: employee.id }, transaction });
        await employee.update({ ...fields, workAreaId: area.id }, { transaction });
        await this.audit.record(
          actor,
          { officeId, action: 'employee.update', targetType: 'employee', targetId: nip, changes },
          transaction,
        );
      });
    }
    return this.get(actor, nip);
  }

  async setActive(actor: Actor, nip: string, active: boolean): Promise<EmployeeView> {
    const officeId = officeOf(actor);
    const employee = await this.require(officeId, nip);
    if (active && !employee.workArea.active) {
      throw conflict(
        'work-area-inactive',
        'Work area inactive',
        'The employee’s work area is deactivated. Move the employee to an active one first.',
      );
    }
    if (employee.active !== active) {
      await this.db.transaction(async (transaction) => {
        await employee.update({ active }, { transaction });
        const action = active ? 'employee.reactivate' : 'employee.deactivate';
        await this.audit.record(
          actor,
          { officeId, action, targetType: 'employee', targetId: nip, changes: { active: { from: !active, to: active } } },
          transaction,
        );
      });
    }
    return this.get(actor, nip);
  }

  /** Only an employee nobody has rated; anyone rated is deactivated instead (409). */
  async remove(actor: Actor, nip: string): Promise<void> {
    const officeId = officeOf(actor);
    const employee = await this.require(officeId, nip);
    if (await Rating.count({ where: { employeeId: employee.id } })) {
      throw conflict(
        'employee-rated',
        'Employee has ratings',
        'An employee with ratings is never deleted. Deactivate the employee instead.',
      );
    }
    await this.db.transaction(async (transaction) => {
      await PublicCode.destroy({ where: { employeeId: employee.id }, transaction });
      await EmployeePhoto.destroy({ where: { employeeId: employee.id }, transaction });
      await employee.destroy({ transaction });
      await this.audit.record(
        actor,
        { officeId, action: 'employee.delete', targetType: 'employee', targetId: nip, changes: { name: employee.name } },
        transaction,
      );
    });
  }

  /** Replaces the public code: the old QR code's link then answers 410, the new one works at once. */
  async replacePublicCode(actor: Actor, nip: string): Promise<{ code: string; ratingUrl: string; replaced: string[] }> {
    const officeId = officeOf(actor);
    const employee = await this.require(officeId, nip);
    return this.db.transaction(async (transaction) => {
      const current = await PublicCode.findAll({ where: { employeeId: employee.id, replacedAt: null }, transaction });
      await PublicCode.update({ replacedAt: new Date() }, { where: { id: current.map((code) => code.id) }, transaction });
      const issued = await issuePublicCode(employee.id, transaction);
      const replaced = current.map((code) => code.code);
      await this.audit.record(
        actor,
        {
          officeId,
          action: 'employee.replace-public-code',
          targetType: 'employee',
          targetId: nip,
          changes: { replaced, code: issued.code },
        },
        transaction,
      );
      return { code: issued.code, ratingUrl: this.catalogue.ratingUrl(issued.code), replaced };
    });
  }

  /** An employee of the office by NIP; another office's employee is answered 404 like a missing one. */
  async require(officeId: number, nip: string): Promise<WithArea> {
    const employee =
      nip.length <= 64
        ? await Employee.findOne({
            where: { officeId, nip: nip.trim().toUpperCase() },
            include: [{ model: WorkArea, as: 'workArea', required: true }],
          })
        : null;
    if (!employee) throw notFound('This office has no employee with that NIP or staff code.');
    return employee as WithArea;
  }

  view(employee: WithArea, code: string | null): EmployeeView {
    return {
      nip: employee.nip,
      name: employee.name,
      position: employee.position,
      kind: employee.kind,
      workArea: { code: employee.workArea.code, name: employee.workArea.name },
      active: employee.active,
      listed: employee.listed,
      photoUrl: employee.photoUrl ?? null,
      publicCode: code,
      ratingUrl: code ? this.catalogue.ratingUrl(code) : null,
      hasPin: Boolean(employee.pinHash),
    };
  }

  /** A work area of the office for a body field (422 when unknown or inactive) or a filter (404 when unknown). */
  async #area(officeId: number, code: string, from: 'body' | 'query'): Promise<WorkArea> {
    const area = await WorkArea.findOne({ where: { officeId, code } });
    if (from === 'query') {
      if (!area) throw notFound('This office has no work area with that code.');
      return area;
    }
    if (!area || !area.active) {
      throw invalid([
        { path: 'workArea', message: area ? 'is deactivated' : 'is not a work area of this office', code: 'unknown_work_area' },
      ]);
    }
    return area;
  }
}
