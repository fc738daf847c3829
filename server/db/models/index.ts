import type { Sequelize } from 'sequelize';
import { Employee } from './employee.js';
import { Office } from './office.js';
import { PublicCode } from './public-code.js';
import { Rating } from './rating.js';
import { ServiceType } from './service-type.js';
import { ShareLink } from './share-link.js';
import { WorkArea } from './work-area.js';

export { Employee, Office, PublicCode, Rating, ServiceType, ShareLink, WorkArea };

export function initModels(sequelize: Sequelize): void {
  for (const model of [Office, WorkArea, ServiceType, Employee, PublicCode, Rating, ShareLink]) model.initModel(sequelize);
  Employee.belongsTo(WorkArea, { foreignKey: 'workAreaId', as: 'workArea' });
  Employee.belongsTo(Office, { foreignKey: 'officeId', as: 'office' });
  PublicCode.belongsTo(Employee, { foreignKey: 'employeeId', as: 'employee' });
}
