import type { Sequelize } from 'sequelize';
import { AdminUser, Employee, Office, ServiceType, WorkArea } from '../../db/models/index.js';
import { ProblemError } from '../../domain/problem.js';
import { createAccount } from '../access/accounts.js';
import { issuePublicCode } from '../catalogue/catalogue.js';
import { DEMO_ADMIN, FIRST_OFFICE } from '../../db/seed-data.js';

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

/**
 * Creates the demo admin of the first office with a random password, while no sign-in account exists
 * at all (a fresh database, or one seeded before accounts existed). Returns the password, which the
 * caller shows once and nowhere else; null when nothing was created.
 */
export async function seedDemoAdmin(sequelize: Sequelize): Promise<string | null> {
  if ((await AdminUser.count()) > 0) return null;
  const office = await Office.findOne({ where: { code: FIRST_OFFICE.office.code } });
  if (!office) return null;
  try {
    const { password } = await sequelize.transaction((transaction) =>
      createAccount({ username: DEMO_ADMIN, role: 'admin', officeId: office.id, workAreaId: null }, transaction),
    );
    return password ?? null;
  } catch (error) {
    // Another server process starting at the same moment made it first; that one shows the password.
    if (error instanceof ProblemError && error.problem.status === 409) return null;
    throw error;
  }
}
