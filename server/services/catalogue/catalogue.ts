import { Op, type Transaction } from 'sequelize';
import type { OfficeEmployees } from '../../../contract/index.js';
import { readThrough, type ReadThrough } from './read-through.js';
import { isUniqueViolation } from '../../db/errors.js';
import { canonicalStaffId, uncanonicalReason } from '../../domain/canonical.js';
import { Employee, Office, PublicCode, ServiceType, WorkArea } from '../../db/models/index.js';
import { notFound } from '../../domain/problem.js';
import { newPublicCode } from '../../domain/codes.js';

/** What the rating form may show of an employee: nothing of the NIP's personal parts beyond the NIP itself. */
export interface PublicEmployee {
  nip: string;
  name: string;
  position: string;
  workArea: { code: string; name: string };
  /**
   * `complaintUrl`: the office's complaint channel, null when it has none. `privacyContact`: its data
   * protection contact, null when not set; `retentionDays`: how long the readable phone number is kept.
   */
  office: { code: string; name: string; complaintUrl: string | null; privacyContact: string | null; retentionDays: number };
  photoUrl: string | null;
  ratingUrl: string;
}

export interface EmployeeRecord {
  employee: Employee;
  office: Office;
  workArea: WorkArea;
  code: string;
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'id', { sensitivity: 'base', ignorePunctuation: true });

// What office codes look like (slugCode in services/admin/fields.ts): lowercase words joined by dashes.
const OFFICE_CODE_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NIP_SHAPE = /^[0-9A-Za-z][0-9A-Za-z-]{2,31}$/;

/**
 * Reference data the public routes read on every request: employees, their codes, service types.
 * It is cached for `cacheTtlMs` (a change made in another server process shows within that time);
 * changes made through this process call `invalidate()`.
 */
export class Catalogue {
  readonly #employees: ReadThrough<string, EmployeeRecord | null>;
  readonly #serviceTypes: ReadThrough<number, { id: number; code: string; name: string }[]>;
  readonly #offices: ReadThrough<string, OfficeEmployees | null>;

  constructor(
    private readonly publicBaseUrl: string,
    cacheTtlMs = 15_000,
    private readonly retentionDays = 365,
  ) {
    this.#employees = readThrough(cacheTtlMs);
    this.#serviceTypes = readThrough(cacheTtlMs);
    this.#offices = readThrough(cacheTtlMs);
  }

  invalidate(): void {
    this.#employees.clear();
    this.#serviceTypes.clear();
    this.#offices.clear();
  }

  ratingUrl(code: string): string {
    return `${this.publicBaseUrl}/r/${code}`;
  }

  /** An active employee with their office, work area and current public code; null when unknown or inactive. */
  async findActiveEmployee(typed: string): Promise<EmployeeRecord | null> {
    // Looked up in canonical form only: full-width digits name the same NIP, not another row by collation.
    if (uncanonicalReason(typed)) return null;
    const nip = canonicalStaffId(typed);
    if (!NIP_SHAPE.test(nip)) return null;
    return this.#employees.get(nip, () => this.#loadActiveEmployee(nip));
  }

  async #loadActiveEmployee(nip: string): Promise<EmployeeRecord | null> {
    const employee = await Employee.findOne({
      where: { nip, active: true },
      include: [
        { model: Office, as: 'office', required: true },
        { model: WorkArea, as: 'workArea', required: true },
      ],
    });
    if (!employee) return null;
    const { office, workArea } = employee as Employee & { office: Office; workArea: WorkArea };
    return { employee, office, workArea, code: await this.currentCode(employee.id) };
  }

  async requireActiveEmployee(nip: string): Promise<EmployeeRecord> {
    const record = await this.findActiveEmployee(nip);
    if (!record) throw notFound('No active employee has that NIP or staff code.');
    return record;
  }

  toPublic({ employee, office, workArea, code }: EmployeeRecord): PublicEmployee {
    return {
      nip: employee.nip,
      name: employee.name,
      position: employee.position,
      workArea: { code: workArea.code, name: workArea.name },
      office: {
        code: office.code,
        name: office.name,
        complaintUrl: office.complaintUrl ?? null,
        privacyContact: office.privacyContact ?? null,
        retentionDays: this.retentionDays,
      },
      photoUrl: employee.photoUrl ?? null,
      ratingUrl: this.ratingUrl(code),
    };
  }

  /** The employee's current public code, made on first need so every employee has exactly one. */
  async currentCode(employeeId: number): Promise<string> {
    const current = await PublicCode.findOne({ where: { employeeId, replacedAt: null }, order: [['id', 'DESC']] });
    return current ? current.code : (await issuePublicCode(employeeId)).code;
  }

  /** Resolves a hosted-page code: the employee's record, 'replaced' for an old code, null when unknown. */
  async resolveCode(code: string): Promise<EmployeeRecord | 'replaced' | null> {
    const found = await PublicCode.findOne({ where: { code } });
    if (!found) return null;
    if (found.replacedAt) return 'replaced';
    const employee = await Employee.findByPk(found.employeeId);
    return employee?.active ? this.findActiveEmployee(employee.nip) : null;
  }

  async activeServiceTypes(officeId: number): Promise<{ code: string; name: string }[]> {
    return (await this.#activeServiceTypes(officeId)).map(({ code, name }) => ({ code, name }));
  }

  /** The id of an active service type of the office, or null. */
  async activeServiceTypeId(officeId: number, code: string): Promise<number | null> {
    return (await this.#activeServiceTypes(officeId)).find((type) => type.code === code)?.id ?? null;
  }

  #activeServiceTypes(officeId: number): Promise<{ id: number; code: string; name: string }[]> {
    return this.#serviceTypes.get(officeId, async () => {
      const types = await ServiceType.findAll({
        where: { officeId, active: true },
        order: [
          ['sortOrder', 'ASC'],
          ['id', 'ASC'],
        ],
        attributes: ['id', 'code', 'name'],
      });
      return types.map(({ id, code, name }) => ({ id, code, name }));
    });
  }

  /**
   * What an office shows customers to pick from (`GET /api/v1/offices/:office/employees`, the office's
   * page `/o/<code>`): its active employees that it lists (`listed`, the default) by name, each by public code and never by NIP, and the
   * work areas they belong to. Null for an unknown office, or a code no office could have.
   */
  async officeEmployees(typed: string): Promise<OfficeEmployees | null> {
    const officeCode = typed.trim().toLowerCase();
    if (officeCode.length > 64 || !OFFICE_CODE_SHAPE.test(officeCode)) return null;
    return this.#offices.get(officeCode, () => this.#loadOfficeEmployees(officeCode));
  }

  async #loadOfficeEmployees(officeCode: string): Promise<OfficeEmployees | null> {
    const office = await Office.findOne({ where: { code: officeCode } });
    if (!office) return null;
    const rows = (await Employee.findAll({
      where: { officeId: office.id, active: true, listed: true },
      include: [{ model: WorkArea, as: 'workArea', required: true }],
      order: [['id', 'ASC']],
    })) as (Employee & { workArea: WorkArea })[];
    // By name in one order on every database (their collations differ), whatever the case of "dr." or "Ns.".
    rows.sort((a, b) => byName(a.name, b.name));
    const current = rows.length
      ? await PublicCode.findAll({
          where: { employeeId: { [Op.in]: rows.map((row) => row.id) }, replacedAt: null },
          order: [['id', 'ASC']],
        })
      : [];
    const codes = new Map(current.map((row) => [row.employeeId, row.code]));
    const areas = new Map<string, { code: string; name: string }>();
    const employees = [];
    for (const { id, name, position, photoUrl, workArea } of rows) {
      const code = codes.get(id) ?? (await this.currentCode(id));
      areas.set(workArea.code, { code: workArea.code, name: workArea.name });
      employees.push({ code, name, position, workArea: { code: workArea.code, name: workArea.name }, photoUrl: photoUrl ?? null });
    }
    return {
      office: { code: office.code, name: office.name },
      workAreas: [...areas.values()].sort((a, b) => byName(a.name, b.name)),
      employees,
    };
  }

  /** The office ratings go to when a page names no employee: the first one created. */
  async defaultOffice(): Promise<Office> {
    const office = await Office.findOne({ order: [['id', 'ASC']] });
    if (!office) throw notFound('No office is set up yet.');
    return office;
  }
}

/** Gives an employee a new random public code, retrying on the rare collision with an existing one. */
export async function issuePublicCode(employeeId: number, transaction?: Transaction): Promise<PublicCode> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await PublicCode.create({ code: newPublicCode(), employeeId }, { transaction });
    } catch (error) {
      if (attempt >= 5 || !isUniqueViolation(error)) throw error;
    }
  }
}
