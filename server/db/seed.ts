import type { Sequelize } from 'sequelize';
import { Employee, Office, ServiceType, WorkArea } from './models/index.js';
import { issuePublicCode } from '../services/catalogue.js';
import { FIRST_OFFICE } from './seed-data.js';

/**
 * Seeds the first office, its work areas, service types and demo employees into an empty database.
 * Returns false, changing nothing, when any office exists already: a second start seeds nothing.
 */
export async function seedFirstOffice(sequelize: Sequelize): Promise<boolean> {
  if ((await Office.count()) > 0) return false;
  await sequelize.transaction(async (transaction) => {
    const office = await Office.create({ ...FIRST_OFFICE.office }, { transaction });
    const areas = new Map<string, number>();
    for (const area of FIRST_OFFICE.workAreas) {
      const created = await WorkArea.create({ officeId: office.id, ...area }, { transaction });
      areas.set(area.code, created.id);
    }
    await ServiceType.bulkCreate(
      FIRST_OFFICE.serviceTypes.map((type, index) => ({ officeId: office.id, ...type, sortOrder: index + 1 })),
      { transaction },
    );
    for (const { workArea, ...person } of FIRST_OFFICE.employees) {
      const employee = await Employee.create(
        { officeId: office.id, workAreaId: areas.get(workArea) as number, ...person },
        { transaction },
      );
      await issuePublicCode(employee.id, transaction);
    }
  });
  return true;
}
