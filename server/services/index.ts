import type { Sequelize } from 'sequelize';
import type { Config } from '../config.js';
import { EmployeeImporter } from './admin/employee-import.js';
import { EmployeePhotos } from './admin/employee-photos.js';
import { EmployeePinAdmin } from './admin/employee-pins.js';
import { EmployeeAdmin } from './admin/employees.js';
import { KioskKeyAdmin } from './admin/kiosk-key-admin.js';
import { Moderation } from './admin/moderation.js';
import { OfficeAdmin } from './admin/offices.js';
import { ServiceTypeAdmin } from './admin/service-types.js';
import { UserAdmin } from './admin/users.js';
import { WorkAreaAdmin } from './admin/work-areas.js';
import { AuditLog } from './admin/audit.js';
import { AuthService } from './access/auth.js';
import { KioskKeys } from './access/kiosk-keys.js';
import { Catalogue } from './catalogue/catalogue.js';
import { AllowedOrigins } from './embedding/allowed-origins.js';
import { FeedbackInbox } from './feedback/inbox.js';
import { AlertStatus } from './alerts/alert-status.js';
import { PhoneVault } from '../domain/phone.js';
import { AppraisalService } from './appraisal/appraisal.js';
import { EvidenceDocuments } from './appraisal/pdf/evidence-document.js';
import { AttendanceImporter } from './appraisal/imports/attendance-import.js';
import { SkpImporter } from './appraisal/imports/skp-import.js';
import { ImportedData } from './appraisal/imports/imported-data.js';
import { LetterheadService } from './appraisal/letterhead.js';
import { KinerjaService } from './appraisal/kinerja.js';
import { AppraisalRulesService } from './appraisal/rules.js';
import { bumpCounters, countOf } from '../db/rate-counters.js';
import { FormTokens } from './intake/form-tokens.js';
import { MemoryRateLimiter, type CounterBump } from './access/rate-limiter.js';
import type { RatingStore } from '../db/rating-store.js';
import { RatingService } from './intake/ratings.js';
import { AnomalyReport } from './reports/anomalies.js';
import { ReportBuilders } from './reports/report-builders.js';
import { ReportSubscriptions } from './reports/report-subscriptions.js';
import { ReportService } from './reports/reports.js';
import { ShareLinks } from './reports/share-links.js';
import { SignInThrottleService } from './access/sign-in-throttle.js';
import { TokenIssuer } from './access/tokens.js';
import { EmployeeSessions } from './employee/sessions.js';
import { EmployeeOwnPage } from './employee/own-page.js';

/** The management services behind /api/v1/admin, each limited to what the signed-in user may touch. */
export interface AdminServices {
  offices: OfficeAdmin;
  workAreas: WorkAreaAdmin;
  serviceTypes: ServiceTypeAdmin;
  employees: EmployeeAdmin;
  /** Uploaded photos, served from this server. */
  photos: EmployeePhotos;
  /** The PINs of one-service codes. */
  pins: EmployeePinAdmin;
  importer: EmployeeImporter;
  users: UserAdmin;
  moderation: Moderation;
  kioskKeys: KioskKeyAdmin;
}

/** The report figures and their share links. */
export interface ReportServices {
  builders: ReportBuilders;
  shareLinks: ShareLinks;
  /** Leaders' scheduled reports by mail (their own subscriptions). */
  subscriptions: ReportSubscriptions;
  /** Ratings that look made up (outside hours, bursts, one number or address rating many): for admins. */
  anomalies: AnomalyReport;
}
import { createQrServices, type QrServices } from './qr/qr-services.js';

/** An office's appraisal rules over time, and each employee's evidence by them. */
export interface AppraisalServices {
  rules: AppraisalRulesService;
  evidence: AppraisalService;
  /** The evidence PDF, for an admin of the office or the employee themselves. */
  documents: EvidenceDocuments;
  /** Combined scores and predikat per employee, added to reports. */
  kinerja: KinerjaService;
  letterhead: LetterheadService;
  attendance: AttendanceImporter;
  skp: SkpImporter;
  /** The attendance months and SKP periods imported so far. */
  imported: ImportedData;
}
import { createSkmServices, type SkmServices } from './skm/index.js';

/** Everything the routes call, built once from the configuration. */
export interface Services {
  catalogue: Catalogue;
  ratings: RatingService;
  vault: PhoneVault;
  auth: AuthService;
  audit: AuditLog;
  admin: AdminServices;
  reports: ReportServices;
  appraisal: AppraisalServices;
  qr: QrServices;
  /** The public satisfaction survey (PermenPANRB 14/2017): intake, settings, reports, follow-up plans. */
  skm: SkmServices;
  /** Signed tokens of the rating form (GET /api/v1/form-token), checked on every rating. */
  formTokens: FormTokens;
  /** Sites whose pages may send ratings: each office's own list and CORS_ORIGINS. */
  origins: AllowedOrigins;
  /** Comments and low scores to follow up: status, assignment, notes. */
  feedback: FeedbackInbox;
  /** How the office's low-score alerts were delivered. */
  alerts: AlertStatus;
  /** Employees signed in to their own page (`/saya`): their sessions and what they may read. */
  employee: { sessions: EmployeeSessions; page: EmployeeOwnPage };
  /** Keyed hash of a client address: rate limits need to tell addresses apart, not to know them. */
  addressHash(ip: string): string;
}

export function createServices(config: Config, sequelize: Sequelize, store: RatingStore): Services {
  const catalogue = new Catalogue(config.publicBaseUrl, config.referenceCacheMs, config.retentionDays);
  const vault = new PhoneVault(config.phoneKey);
  // Rating attempts per address, in memory: a guard against floods of garbage, three times the limit on
  // stored ratings, which the rating store counts exactly across processes (RatingService.submit).
  const attempts = new MemoryRateLimiter(config.rateLimit.ratings * 3, config.rateLimit.windowSeconds * 1000);
  // The same per kiosk key, for counter tablets, whose ratings count per key and not per shared address.
  const kioskAttempts = new MemoryRateLimiter(config.rateLimit.kioskRatings * 3, config.rateLimit.windowSeconds * 1000);
  const audit = new AuditLog();
  const employees = new EmployeeAdmin(sequelize, audit, catalogue);
  const keyedHash = (value: string) => vault.hash(value);
  const bump: CounterBump = async (key, windowStart) => {
    const hit = { key, windowStart };
    return countOf(await bumpCounters(sequelize, [hit]), hit);
  };
  const qr = createQrServices(config, catalogue, vault, bump);
  const formTokens = new FormTokens(config.jwtSecret, config.formToken);
  const builders = new ReportBuilders(new ReportService(sequelize));
  const appraisalRules = new AppraisalRulesService(sequelize, audit);
  const kinerja = new KinerjaService(builders, appraisalRules);
  const shareLinks = new ShareLinks(config.jwtSecret, config.publicBaseUrl, audit);
  const evidence = new AppraisalService(builders, appraisalRules, kinerja);
  const letterhead = new LetterheadService(audit);
  const auth = new AuthService(new TokenIssuer(config.jwtSecret), new SignInThrottleService(config.signIn), config.signIn, keyedHash);
  return {
    catalogue,
    vault,
    audit,
    qr,
    formTokens,
    skm: createSkmServices({ config, sequelize, catalogue, vault, formTokens, audit }),
    feedback: new FeedbackInbox(sequelize, audit, vault),
    alerts: new AlertStatus(),
    origins: new AllowedOrigins(sequelize, config.corsOrigins, config.publicBaseUrl, audit, config.referenceCacheMs),
    ratings: new RatingService({
      catalogue,
      vault,
      limiter: attempts,
      kioskLimiter: kioskAttempts,
      store,
      serviceTokens: qr.serviceTokens,
      formTokens,
      limits: config.rateLimit,
    }),
    auth,
    admin: {
      offices: new OfficeAdmin(sequelize, audit, config.defaultTimeZone),
      workAreas: new WorkAreaAdmin(sequelize, audit),
      serviceTypes: new ServiceTypeAdmin(sequelize, audit),
      employees,
      photos: new EmployeePhotos(sequelize, audit, employees),
      pins: new EmployeePinAdmin(sequelize, audit, employees),
      importer: new EmployeeImporter(sequelize, audit),
      users: new UserAdmin(sequelize, audit, (id, password) => auth.checkCurrentPassword(id, password)),
      moderation: new Moderation(sequelize, audit, vault),
      kioskKeys: new KioskKeyAdmin(new KioskKeys(vault), audit, config.publicBaseUrl),
    },
    reports: {
      builders,
      shareLinks,
      subscriptions: new ReportSubscriptions(),
      anomalies: new AnomalyReport(sequelize),
    },
    appraisal: {
      rules: appraisalRules,
      evidence,
      documents: new EvidenceDocuments(evidence, letterhead, shareLinks),
      kinerja,
      letterhead,
      attendance: new AttendanceImporter(sequelize, audit),
      skp: new SkpImporter(sequelize, audit),
      imported: new ImportedData(),
    },
    employee: {
      sessions: new EmployeeSessions(config.jwtSecret, new SignInThrottleService(config.signIn), config.signIn, keyedHash),
      page: new EmployeeOwnPage(builders, qr.employees),
    },
    addressHash: rememberedAddressHash(vault),
  };
}

/**
 * The keyed hash of an address, remembered for the addresses seen lately: a phone or a counter's
 * network sends many requests, and an HMAC on each was a visible share of a rating's cost.
 */
function rememberedAddressHash(vault: PhoneVault, size = 10_000): (ip: string) => string {
  const hashes = new Map<string, string>();
  return (ip) => {
    let hash = hashes.get(ip);
    if (hash === undefined) {
      if (hashes.size >= size) hashes.clear();
      hash = vault.hash(`ip:${ip}`);
      hashes.set(ip, hash);
    }
    return hash;
  };
}
