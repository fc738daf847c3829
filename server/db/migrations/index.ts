import type { QueryInterface } from 'sequelize';
import * as initialSchema from './2026.11.29T08.00.00.initial-schema.js';
import * as adminUsers from './2026.11.29T09.00.00.admin-users.js';
import * as signInThrottles from './2026.11.29T09.01.00.sign-in-throttles.js';
import * as auditLog from './2026.11.29T09.02.00.audit-log.js';
import * as ratingVoidedBy from './2026.11.29T09.03.00.rating-voided-by.js';
import * as dailyFigures from './2026.11.29T08.30.00.daily-figures.js';
import * as shareLinks from './2026.11.29T10.00.00.share-links.js';
import * as oneServiceCodes from './2026.11.29T09.50.00.one-service-codes.js';
import * as kioskKeys from './2026.11.29T09.40.00.kiosk-keys.js';
import * as rateCounters from './2026.11.29T11.00.00.rate-counters.js';
import * as privacyContactAndServiceHours from './2026.11.29T11.10.00.privacy-contact-and-service-hours.js';
import * as dailyStarCounts from './2026.12.01T08.00.00.daily-star-counts.js';
import * as canonicalNamesAndTokenVersion from './2026.12.04T09.00.00.canonical-names-and-token-version.js';
import * as mustChangePassword from './2026.12.04T10.00.00.must-change-password.js';
import * as skm from './2026.12.04T11.00.00.skm.js';
import * as appraisalRules from './2026.12.04T12.00.00.appraisal-rules.js';
import * as officeLetterheads from './2026.12.04T12.10.00.office-letterheads.js';
import * as attendanceMonths from './2026.12.04T12.20.00.attendance-months.js';
import * as skpResults from './2026.12.04T12.30.00.skp-results.js';
import * as allowedOrigins from './2026.12.04T13.00.00.allowed-origins.js';
import * as feedbackCases from './2026.12.04T13.10.00.feedback-cases.js';
import * as employeeListed from './2026.12.04T13.17.00.employee-listed.js';
import * as ratingContactConsent from './2026.12.04T13.20.00.rating-contact-consent.js';
import * as alertOutbox from './2026.12.04T13.30.00.alert-outbox.js';
import * as employeePhotos from './2026.12.04T14.00.00.employee-photos.js';
import * as monthlyFigures from './2026.12.04T14.30.00.monthly-figures.js';
import * as alertMail from './2026.12.04T15.10.00.alert-mail.js';
import * as reportSubscriptions from './2026.12.04T15.15.00.report-subscriptions.js';
import * as employeeSessionVersion from './2026.12.04T15.20.00.employee-session-version.js';
import * as ratingLimitCheck from './2026.12.04T15.30.00.rating-limit-check.js';

export interface Migration {
  name: string;
  up(params: { context: QueryInterface }): Promise<void>;
  down(params: { context: QueryInterface }): Promise<void>;
}

/**
 * Every migration, oldest first. Listed here rather than globbed so the same list runs from the
 * TypeScript sources (tests) and the compiled server (npm start).
 */
export const MIGRATIONS: Migration[] = [
  { name: '2026.11.29T08.00.00.initial-schema', ...initialSchema },
  { name: '2026.11.29T08.30.00.daily-figures', ...dailyFigures },
  { name: '2026.11.29T09.00.00.admin-users', ...adminUsers },
  { name: '2026.11.29T09.01.00.sign-in-throttles', ...signInThrottles },
  { name: '2026.11.29T09.02.00.audit-log', ...auditLog },
  { name: '2026.11.29T09.03.00.rating-voided-by', ...ratingVoidedBy },
  { name: '2026.11.29T09.40.00.kiosk-keys', ...kioskKeys },
  { name: '2026.11.29T09.50.00.one-service-codes', ...oneServiceCodes },
  { name: '2026.11.29T10.00.00.share-links', ...shareLinks },
  { name: '2026.11.29T11.00.00.rate-counters', ...rateCounters },
  { name: '2026.11.29T11.10.00.privacy-contact-and-service-hours', ...privacyContactAndServiceHours },
  { name: '2026.12.01T08.00.00.daily-star-counts', ...dailyStarCounts },
  { name: '2026.12.04T09.00.00.canonical-names-and-token-version', ...canonicalNamesAndTokenVersion },
  { name: '2026.12.04T10.00.00.must-change-password', ...mustChangePassword },
  { name: '2026.12.04T11.00.00.skm', ...skm },
  { name: '2026.12.04T12.00.00.appraisal-rules', ...appraisalRules },
  { name: '2026.12.04T12.10.00.office-letterheads', ...officeLetterheads },
  { name: '2026.12.04T12.20.00.attendance-months', ...attendanceMonths },
  { name: '2026.12.04T12.30.00.skp-results', ...skpResults },
  { name: '2026.12.04T13.00.00.allowed-origins', ...allowedOrigins },
  { name: '2026.12.04T13.10.00.feedback-cases', ...feedbackCases },
  { name: '2026.12.04T13.17.00.employee-listed', ...employeeListed },
  { name: '2026.12.04T13.20.00.rating-contact-consent', ...ratingContactConsent },
  { name: '2026.12.04T13.30.00.alert-outbox', ...alertOutbox },
  { name: '2026.12.04T14.00.00.employee-photos', ...employeePhotos },
  { name: '2026.12.04T14.30.00.monthly-figures', ...monthlyFigures },
  { name: '2026.12.04T15.10.00.alert-mail', ...alertMail },
  { name: '2026.12.04T15.15.00.report-subscriptions', ...reportSubscriptions },
  { name: '2026.12.04T15.20.00.employee-session-version', ...employeeSessionVersion },
  { name: '2026.12.04T15.30.00.rating-limit-check', ...ratingLimitCheck },
];
