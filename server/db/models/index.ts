import type { Sequelize } from 'sequelize';
import { AdminUser } from './admin-user.js';
import { AllowedOrigin } from './allowed-origin.js';
import { AuditEntry } from './audit-entry.js';
import { Employee } from './employee.js';
import { KioskKey } from './kiosk-key.js';
import { Office } from './office.js';
import { PublicCode } from './public-code.js';
import { Rating } from './rating.js';
import { ServiceType } from './service-type.js';
import { ShareLink } from './share-link.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { WorkArea } from './work-area.js';

export {
  AdminUser,
  AllowedOrigin,
  AuditEntry,
  Employee,
  KioskKey,
  Office,
  PublicCode,
  Rating,
  ServiceType,
  ShareLink,
  SignInThrottle,
  WorkArea,
};

export function initModels(sequelize: Sequelize): void {
  for (const model of [
    Office,
    WorkArea,
    ServiceType,
    Employee,
    PublicCode,
    Rating,
    AdminUser,
    SignInThrottle,
    AuditEntry,
    ShareLink,
    KioskKey,
    AllowedOrigin,
  ]) {
    model.initModel(sequelize);
  }
  Employee.belongsTo(WorkArea, { foreignKey: 'workAreaId', as: 'workArea' });
  Employee.belongsTo(Office, { foreignKey: 'officeId', as: 'office' });
  PublicCode.belongsTo(Employee, { foreignKey: 'employeeId', as: 'employee' });
  AdminUser.belongsTo(Office, { foreignKey: 'officeId', as: 'office' });
  AdminUser.belongsTo(WorkArea, { foreignKey: 'workAreaId', as: 'workArea' });
  Rating.belongsTo(Employee, { foreignKey: 'employeeId', as: 'employee' });
  Rating.belongsTo(ServiceType, { foreignKey: 'serviceTypeId', as: 'serviceType' });
  Rating.belongsTo(WorkArea, { foreignKey: 'workAreaId', as: 'workArea' });
}
