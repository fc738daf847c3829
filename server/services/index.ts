import type { Sequelize } from 'sequelize';
import type { Config } from '../config.js';
import { EmployeeImporter } from './admin/employee-import.js';
import { EmployeeAdmin } from './admin/employees.js';
import { Moderation } from './admin/moderation.js';
import { OfficeAdmin } from './admin/offices.js';
import { ServiceTypeAdmin } from './admin/service-types.js';
import { UserAdmin } from './admin/users.js';
import { WorkAreaAdmin } from './admin/work-areas.js';
import { AuditLog } from './admin/audit.js';
import { AuthService } from './access/auth.js';
import { Catalogue } from './catalogue/catalogue.js';
import { AllowedOrigins } from './embedding/allowed-origins.js';
import { PhoneVault } from '../domain/phone.js';
import { bumpCounters, countOf } from '../db/rate-counters.js';
import { FormTokens } from './intake/form-tokens.js';
import { MemoryRateLimiter, type CounterBump } from './access/rate-limiter.js';
import type { RatingStore } from '../db/rating-store.js';
import { RatingService } from './intake/ratings.js';
import { AnomalyReport } from './reports/anomalies.js';
import { evidencePdf } from './reports/evidence-pdf.js';
import { ReportBuilders } from './reports/report-builders.js';
import { ReportService } from './reports/reports.js';
import { ShareLinks } from './reports/share-links.js';
import { SignInThrottleService } from './access/sign-in-throttle.js';
import { TokenIssuer } from './access/tokens.js';

/** The management services behind /api/v1/admin, each limited to what the signed-in user may touch. */
export interface AdminServices {
  offices: OfficeAdmin;
  workAreas: WorkAreaAdmin;
  serviceTypes: ServiceTypeAdmin;
  employees: EmployeeAdmin;
  importer: EmployeeImporter;
  users: UserAdmin;
  moderation: Moderation;
}

/** The report figures, their share links and the appraisal evidence. */
export interface ReportServices {
  builders: ReportBuilders;
  shareLinks: ShareLinks;
  evidencePdf: typeof evidencePdf;
  /** Ratings that look made up (outside hours, bursts, one number or address rating many): for admins. */
  anomalies: AnomalyReport;
}
import { createQrServices, type QrServices } from './qr/qr-services.js';

/** Everything the routes call, built once from the configuration. */
export interface Services {
  catalogue: Catalogue;
  ratings: RatingService;
  vault: PhoneVault;
  auth: AuthService;
  audit: AuditLog;
  admin: AdminServices;
  reports: ReportServices;
  qr: QrServices;
  /** Signed tokens of the rating form (GET /api/v1/form-token), checked on every rating. */
  formTokens: FormTokens;
  /** Sites whose pages may send ratings: each office's own list and CORS_ORIGINS. */
  origins: AllowedOrigins;
  /** Keyed hash of a client address: rate limits need to tell addresses apart, not to know them. */
  addressHash(ip: string): string;
}

export function createServices(config: Config, sequelize: Sequelize, store: RatingStore): Services {
  const catalogue = new Catalogue(config.publicBaseUrl, config.referenceCacheMs, config.retentionDays);
  const vault = new PhoneVault(config.phoneKey);
  // Rating attempts per address, in memory: a guard against floods of garbage, three times the limit on
  // stored ratings, which the rating store counts exactly across processes (RatingService.submit).
  const attempts = new MemoryRateLimiter(config.rateLimit.ratings * 3, config.rateLimit.windowSeconds * 1000);
  const audit = new AuditLog();
  const keyedHash = (value: string) => vault.hash(value);
  const bump: CounterBump = async (key, windowStart) => {
    const hit = { key, windowStart };
    return countOf(await bumpCounters(sequelize, [hit]), hit);
  };
  const qr = createQrServices(config, catalogue, vault, bump);
  const formTokens = new FormTokens(config.jwtSecret, config.formToken);
  return {
    catalogue,
    vault,
    audit,
    qr,
    formTokens,
    origins: new AllowedOrigins(sequelize, config.corsOrigins, config.publicBaseUrl, audit, config.referenceCacheMs),
    ratings: new RatingService({
      catalogue,
      vault,
      limiter: attempts,
      store,
      serviceTokens: qr.serviceTokens,
      formTokens,
      limits: config.rateLimit,
    }),
    auth: new AuthService(new TokenIssuer(config.jwtSecret), new SignInThrottleService(config.signIn), config.signIn, keyedHash),
    admin: {
      offices: new OfficeAdmin(sequelize, audit, config.defaultTimeZone),
      workAreas: new WorkAreaAdmin(sequelize, audit),
      serviceTypes: new ServiceTypeAdmin(sequelize, audit),
      employees: new EmployeeAdmin(sequelize, audit, catalogue),
      importer: new EmployeeImporter(sequelize, audit),
      users: new UserAdmin(sequelize, audit),
      moderation: new Moderation(sequelize, audit, vault),
    },
    reports: {
      builders: new ReportBuilders(new ReportService(sequelize)),
      shareLinks: new ShareLinks(config.jwtSecret, config.publicBaseUrl),
      evidencePdf,
      anomalies: new AnomalyReport(sequelize),
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
