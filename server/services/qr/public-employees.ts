import { Op } from 'sequelize';
import { Employee, Office, PublicCode, WorkArea } from '../../db/models/index.js';
import type { PublicEmployee, PublicWorkArea } from '../../domain/public-employee.js';
import type { Catalogue } from '../catalogue/catalogue.js';

const withoutScheme = (url: string): string => url.replace(/^https?:\/\//, '');

/**
 * Finds employees to share or print. The employee comes from the catalogue's short cache, but the code
 * is read fresh every time: a code replaced a moment ago (maybe through another server process) must
 * not end up on a new print, where it would lead customers to the "no longer valid" page.
 */
export class PublicEmployees {
  constructor(private readonly catalogue: Catalogue) {}

  /** An active employee by NIP or staff code, with the current code; null when unknown or inactive. */
  async find(nip: string): Promise<PublicEmployee | null> {
    const record = await this.catalogue.findActiveEmployee(nip);
    if (!record) return null;
    const code = await this.catalogue.currentCode(record.employee.id);
    return this.#shared(record.employee, record.office, record.workArea, code);
  }

  /** Every active employee of an active work area of the office, by name; null when there is no such work area. */
  async workArea(officeId: number, workAreaCode: string): Promise<PublicWorkArea | null> {
    const workArea = await WorkArea.findOne({ where: { officeId, code: workAreaCode, active: true } });
    const office = workArea && (await Office.findByPk(officeId));
    if (!workArea || !office) return null;
    const employees = await Employee.findAll({
      where: { officeId, workAreaId: workArea.id, active: true },
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const codes = await PublicCode.findAll({
      where: { employeeId: { [Op.in]: employees.map((employee) => employee.id) }, replacedAt: null },
      order: [['id', 'ASC']],
    });
    // The newest current code wins, as in Catalogue.currentCode; an employee without one gets it now.
    const codeOf = new Map(codes.map((code) => [code.employeeId, code.code]));
    const shared: PublicEmployee[] = [];
    for (const employee of employees) {
      const code = codeOf.get(employee.id) ?? (await this.catalogue.currentCode(employee.id));
      shared.push(this.#shared(employee, office, workArea, code));
    }
    return { office: { code: office.code, name: office.name }, workArea: { code: workArea.code, name: workArea.name }, employees: shared };
  }

  #shared(employee: Employee, office: Office, workArea: WorkArea, code: string): PublicEmployee {
    const ratingUrl = this.catalogue.ratingUrl(code);
    return {
      nip: employee.nip,
      name: employee.name,
      position: employee.position,
      workArea: { code: workArea.code, name: workArea.name },
      office: { code: office.code, name: office.name },
      code,
      ratingUrl,
      shortLink: withoutScheme(ratingUrl),
    };
  }
}
