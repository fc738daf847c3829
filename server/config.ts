import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths.js';
import { productionProblems } from './domain/production-policy.js';

/** True for an IANA time zone name this Node.js knows, e.g. Asia/Jakarta. */
export const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

const secret = z.string().min(32, 'must be at least 32 characters');
const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);
const flag = z.enum(['0', '1', 'false', 'true']).transform((value) => value === '1' || value === 'true');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(join(projectRoot, 'data')),
  DATABASE_URL: z.string().optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  JWT_SECRET: secret.optional(),
  PHONE_KEY: secret.optional(),
  CORS_ORIGINS: z.string().default(''),
  TZ_DEFAULT: z.string().refine(isTimeZone, 'is not an IANA time zone').default('Asia/Jakarta'),
  RETENTION_DAYS: positiveInt.default(365),
  RATE_LIMIT_RATINGS: positiveInt.default(20),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(600),
  RATE_LIMIT_BURST: positiveInt.default(5),
  RATE_LIMIT_PHONE_PER_DAY: positiveInt.default(10),
  RATE_LIMIT_KIOSK_RATINGS: positiveInt.default(300),
  RATE_LIMIT_KIOSK_BURST: positiveInt.default(30),
  RATE_LIMIT_LOOKUPS: positiveInt.default(60),
  RATE_LIMIT_QR: positiveInt.default(600),
  REQUIRE_FORM_TOKEN: flag.default(true),
  MIN_FORM_SECONDS: nonNegativeInt.max(600).default(3),
  FORM_TOKEN_MAX_MINUTES: positiveInt.max(24 * 60, 'must be at most 1440 (a day)').default(120),
  RETENTION_SWEEP_MINUTES: nonNegativeInt.default(60),
  ALERT_INTERVAL_SECONDS: nonNegativeInt.default(30),
  ALERT_BATCH_MINUTES: nonNegativeInt.max(24 * 60, 'must be at most 1440 (a day)').default(10),
  SMTP_URL: z
    .url()
    .refine((value) => /^smtps?:\/\//i.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).default('PACAK rating <pacak@localhost>'),
  SERVICE_TOKEN_MINUTES: positiveInt.max(24 * 60, 'must be at most 1440 (a day)').default(30),
  REFERENCE_CACHE_SECONDS: z.coerce.number().int().min(0).default(15),
  DB_POOL_MAX: positiveInt.default(10),
  DB_POOL_ACQUIRE_MS: positiveInt.default(10_000),
  SIGNIN_MAX_FAILURES: positiveInt.default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: positiveInt.default(20),
  SIGNIN_LOCK_SECONDS: positiveInt.default(900),
  SIGNIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  DB_STATEMENT_TIMEOUT_MS: nonNegativeInt.default(10_000),
  SHUTDOWN_DELAY_MS: nonNegativeInt.default(0),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  ALLOW_INSECURE: flag.default(false),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  publicBaseUrl: string;
  jwtSecret: string;
  phoneKey: string;
  corsOrigins: string[];
  defaultTimeZone: string;
  retentionDays: number;
  /**
   * Ratings stored per client address per window (and per minute, `burst`), and per phone number per
   * office-local day. Counted in the database, so they hold across server processes. A counter tablet's
   * ratings (kiosk channel, valid X-Kiosk-Key) count per kiosk key instead of per address: `kioskRatings`
   * per window and `kioskBurst` per minute, so one busy counter on shared Wi-Fi holds back no one else.
   */
  rateLimit: { ratings: number; windowSeconds: number; burst: number; phonePerDay: number; kioskRatings: number; kioskBurst: number };
  /**
   * The signed form token a rating carries: required or not, how long after it was issued a rating may
   * come at the earliest (a person needs that long to fill the form) and at the latest.
   */
  formToken: { required: boolean; minSeconds: number; maxMinutes: number };
  /** How often each process erases phone numbers past RETENTION_DAYS; 0 never (another process does it). */
  retentionSweepMinutes: number;
  /** How often each process delivers the low-score alert outbox; 0 never (another process does it). */
  alertIntervalSeconds: number;
  /** At most one alert mail per account per this many minutes (0: each round's alerts at once). */
  alertBatchMinutes: number;
  /** The mail server (smtp:// or smtps://, with user and password); null: no mail is sent. */
  smtpUrl: string | null;
  /** The sender of alert mail and scheduled reports. */
  mailFrom: string;
  /** Per client address and window: keypass and card lookups, and QR images (a board of codes asks for many). */
  shareLimits: { lookups: number; images: number };
  /** How long a one-service code (a QR for one customer's rating) stays valid. */
  serviceTokenMinutes: number;
  /** How long employees and service types are cached; another process's change shows within it. */
  referenceCacheMs: number;
  /**
   * Failed sign-ins: a username is locked after `maxFailures` within `lockSeconds`, a client address
   * after `maxFailuresPerAddress`; each failure is answered `slowdownMs` times the failures so far later.
   */
  signIn: { maxFailures: number; maxFailuresPerAddress: number; lockSeconds: number; slowdownMs: number };
  /** Pool size, how long a request waits for a connection, and how long one statement may run (0: no limit). */
  db: { poolMax: number; acquireMs: number; statementTimeoutMs: number };
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** After SIGTERM, how long /healthz says 503 while requests are still served, before the port closes. */
  shutdownDelayMs: number;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Production rules broken under ALLOW_INSECURE=1, logged at every start; empty otherwise. */
  insecure: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Development secrets are generated once and kept under the data folder, so a restart keeps tokens
 * and phone hashes valid. Production must set its own: a missing secret stops the start.
 */
function developmentSecrets(dataDir: string): { jwtSecret: string; phoneKey: string } {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = { jwtSecret: randomBytes(32).toString('hex'), phoneKey: randomBytes(32).toString('hex') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let { JWT_SECRET: jwtSecret, PHONE_KEY: phoneKey } = e;
  let insecure: string[] = [];
  if (e.NODE_ENV === 'production') {
    const missing = [!jwtSecret && 'JWT_SECRET', !phoneKey && 'PHONE_KEY'].filter(Boolean);
    if (missing.length) throw new ConfigError(`Invalid configuration: ${missing.join(' and ')} must be set in production`);
    if (jwtSecret === phoneKey) throw new ConfigError('Invalid configuration: JWT_SECRET and PHONE_KEY must differ');
    const { fatal, insecure: problems } = productionProblems({
      secrets: { JWT_SECRET: jwtSecret as string, PHONE_KEY: phoneKey as string },
      publicBaseUrl: e.PUBLIC_BASE_URL ?? '',
      publicBaseUrlSet: Boolean(e.PUBLIC_BASE_URL),
      corsOrigins: e.CORS_ORIGINS.split(',').map((origin) => origin.trim()),
      dataDirs: [e.DATA_DIR, join(projectRoot, 'data')],
    });
    const refused = [...fatal, ...(e.ALLOW_INSECURE ? [] : problems)];
    if (refused.length) {
      const hint =
        !e.ALLOW_INSECURE && problems.length
          ? '\n  (ALLOW_INSECURE=1 starts anyway, for a test installation only, and says so at every start)'
          : '';
      throw new ConfigError(`Invalid configuration:\n${refused.map((line) => `  ${line}`).join('\n')}${hint}`);
    }
    insecure = problems;
  } else if (!jwtSecret || !phoneKey) {
    const dev = developmentSecrets(e.DATA_DIR);
    jwtSecret ??= dev.jwtSecret;
    phoneKey ??= dev.phoneKey;
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${join(e.DATA_DIR, 'pacak.sqlite')}`,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    jwtSecret: jwtSecret as string,
    phoneKey: phoneKey as string,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    defaultTimeZone: e.TZ_DEFAULT,
    retentionDays: e.RETENTION_DAYS,
    rateLimit: {
      ratings: e.RATE_LIMIT_RATINGS,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      burst: e.RATE_LIMIT_BURST,
      phonePerDay: e.RATE_LIMIT_PHONE_PER_DAY,
      kioskRatings: e.RATE_LIMIT_KIOSK_RATINGS,
      kioskBurst: e.RATE_LIMIT_KIOSK_BURST,
    },
    formToken: { required: e.REQUIRE_FORM_TOKEN, minSeconds: e.MIN_FORM_SECONDS, maxMinutes: e.FORM_TOKEN_MAX_MINUTES },
    retentionSweepMinutes: e.RETENTION_SWEEP_MINUTES,
    alertIntervalSeconds: e.ALERT_INTERVAL_SECONDS,
    alertBatchMinutes: e.ALERT_BATCH_MINUTES,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    shareLimits: { lookups: e.RATE_LIMIT_LOOKUPS, images: e.RATE_LIMIT_QR },
    serviceTokenMinutes: e.SERVICE_TOKEN_MINUTES,
    referenceCacheMs: e.REFERENCE_CACHE_SECONDS * 1000,
    signIn: {
      maxFailures: e.SIGNIN_MAX_FAILURES,
      maxFailuresPerAddress: e.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      lockSeconds: e.SIGNIN_LOCK_SECONDS,
      slowdownMs: e.SIGNIN_SLOWDOWN_MS,
    },
    db: { poolMax: e.DB_POOL_MAX, acquireMs: e.DB_POOL_ACQUIRE_MS, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS },
    logLevel: e.LOG_LEVEL,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    trustProxy: e.TRUST_PROXY === '1',
    insecure,
  };
}
