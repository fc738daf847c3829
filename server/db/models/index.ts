import type { Sequelize } from 'sequelize';
import { AdminUser } from './admin-user.js';
import { AlertOutbox } from './alert-outbox.js';
import { ReportSubscription } from './report-subscription.js';
import { AppraisalRuleSet } from './appraisal-rule-set.js';
import { AttendanceMonth } from './attendance-month.js';
import { AllowedOrigin } from './allowed-origin.js';
import { AuditEntry } from './audit-entry.js';
import { Employee } from './employee.js';
import { EmployeePhoto } from './employee-photo.js';
import { FeedbackCase } from './feedback-case.js';
import { KioskKey } from './kiosk-key.js';
import { Office } from './office.js';
import { OfficeLetterhead } from './office-letterhead.js';
import { PublicCode } from './public-code.js';
import { Rating } from './rating.js';
import { ServiceType } from './service-type.js';
import { ShareLink } from './share-link.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { SkpResult } from './skp-result.js';
import { SkmFollowUp } from './skm-follow-up.js';
import { SkmPublication } from './skm-publication.js';
import { SkmResponse } from './skm-response.js';
import { SkmSettingsRecord } from './skm-settings.js';
import { WorkArea } from './work-area.js';

export {
  ReportSubscription,
  AdminUser,
  AlertOutbox,
  AllowedOrigin,
  AppraisalRuleSet,
  AttendanceMonth,
  AuditEntry,
  Employee,
  EmployeePhoto,
  FeedbackCase,
  KioskKey,
  Office,
  OfficeLetterhead,
  PublicCode,
  Rating,
  ServiceType,
  ShareLink,
  SignInThrottle,
  SkpResult,
  SkmFollowUp,
  SkmPublication,
  SkmResponse,
  SkmSettingsRecord,
  WorkArea,
};

export function initModels(sequelize: Sequelize): void {
  for (const model of [
    Office,
    WorkArea,
    ServiceType,
    Employee,
    EmployeePhoto,
    PublicCode,
    Rating,
    AdminUser,
    SignInThrottle,
    AuditEntry,
    ShareLink,
    KioskKey,
    AllowedOrigin,
    AppraisalRuleSet,
    OfficeLetterhead,
    AttendanceMonth,
    SkpResult,
    SkmResponse,
    SkmSettingsRecord,
    SkmFollowUp,
    SkmPublication,
    FeedbackCase,
    AlertOutbox,
    ReportSubscription,
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
  Rating.hasOne(FeedbackCase, { foreignKey: 'ratingId', as: 'feedbackCase', constraints: false });
}
