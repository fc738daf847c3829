import type { Sequelize } from 'sequelize';
import { Employee } from './employee.js';
import { KioskKey } from './kiosk-key.js';
import { Office } from './office.js';
import { PublicCode } from './public-code.js';
import { Rating } from './rating.js';
import { ServiceType } from './service-type.js';
import { WorkArea } from './work-area.js';

export { Employee, KioskKey, Office, PublicCode, Rating, ServiceType, WorkArea };

export function initModels(sequelize: Sequelize): void {
  for (const model of [Office, WorkArea, ServiceType, Employee, PublicCode, Rating, KioskKey]) model.initModel(sequelize);
  Employee.belongsTo(WorkArea, { foreignKey: 'workAreaId', as: 'workArea' });
  Employee.belongsTo(Office, { foreignKey: 'officeId', as: 'office' });
  PublicCode.belongsTo(Employee, { foreignKey: 'employeeId', as: 'employee' });
}
