import { createServer, type Server } from 'node:http';
import type { Sequelize } from 'sequelize';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { createSequelize, openSequelize } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { openRatingStore } from './db/open-rating-store.js';
import { seedDemoAdmin, seedFirstOffice } from './services/admin/seed.js';
import { withStartupLock } from './db/startup-lock.js';
import { createLogger, type Logger } from './logger.js';
import { createServices, type Services } from './services/index.js';
import { RetentionJob, schedule } from './services/intake/retention.js';
import { AlertWorker } from './services/alerts/alert-worker.js';
import { createMailer } from './services/mail/mailer.js';
import { ReportMailWorker } from './services/reports/report-mail-worker.js';
import { BURST_SECONDS } from './services/intake/rating-limits.js';

export interface RunningServer {
  server: Server;
  services: Services;
  sequelize: Sequelize;
  url: string;
  /**
   * The demo admin's password when this start created it (the first start), else undefined. The
   * caller shows it once on the console; it is never logged.
   */
  demoAdminPassword?: string;
  /**
   * Answers /healthz with 503 at once and goes on serving for SHUTDOWN_DELAY_MS, so a proxy takes this
   * process out of rotation; then stops taking connections, lets requests in flight finish, writes the
   * ratings still queued, and closes the database pool.
   */
  close(): Promise<void>;
}

/** Connects, migrates, seeds an empty database and listens: what `npm start` and the tests both run. */
export async function startServer(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  // Said at every start, at error level, so no log filter hides that production rules are off.
  for (const problem of config.insecure) logger.error('INSECURE: ALLOW_INSECURE=1 is set and production rules are broken', { problem });
  const sequelize = createSequelize(config);
  let demoAdminPassword: string | null;
  try {
    await sequelize.authenticate();
    demoAdminPassword = await prepareDatabase(config, sequelize, logger);
  } catch (error) {
    await sequelize.close();
    throw error;
  }

  const store = await openRatingStore(sequelize, config);
  const services = createServices(config, sequelize, store);
  let shuttingDown = false;
  const app = createApp(config, { sequelize, services, logger, isShuttingDown: () => shuttingDown });
  // A client gets 10 s to send its headers and 30 s for the whole request, checked every second: a
  // slow sender (slowloris) cannot hold a connection for long. Idle keep-alive connections close after 5 s.
  const server = createServer(
    { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000, maxHeaderSize: 16 * 1024 },
    app.callback(),
  ).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;

  // Erases phone numbers past RETENTION_DAYS, now and then every RETENTION_SWEEP_MINUTES.
  const retention = schedule(
    new RetentionJob(sequelize, config.retentionDays, Math.max(config.rateLimit.windowSeconds, BURST_SECONDS)),
    config.retentionSweepMinutes,
    logger,
  );
  // Delivers low-score alerts to the offices' webhooks; several processes may run it (rows are leased).
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  if (!mailer) logger.info('no SMTP_URL: alerts and reports are not sent by mail');
  const alerts = new AlertWorker(sequelize, { mailer, batchMinutes: config.alertBatchMinutes, publicBaseUrl: config.publicBaseUrl });
  if (config.alertIntervalSeconds > 0) alerts.start(config.alertIntervalSeconds * 1000);
  // Mails scheduled reports after their period closes, on the same beat; several processes send each once.
  const reports = new ReportMailWorker({ mailer, builders: services.reports.builders, shareLinks: services.reports.shareLinks });
  if (config.alertIntervalSeconds > 0) reports.start(config.alertIntervalSeconds * 1000);

  const close = async (): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (config.shutdownDelayMs) await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
    await new Promise<void>((resolve) => {
      // Connections that were busy when close() began become idle later; close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.close(() => {
        clearInterval(sweep);
        resolve();
      });
      server.closeIdleConnections();
    });
    await retention.stop();
    await alerts.stop();
    await reports.stop();
    mailer?.close();
    await store.close();
    await sequelize.close();
  };
  return {
    server,
    services,
    sequelize,
    ...(demoAdminPassword ? { demoAdminPassword } : {}),
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    close,
  };
}

/**
 * Migrates and seeds under the startup lock, so processes started together take turns. Migrations run
 * on connections of their own without the statement time limit: rebuilding an index may rightly take
 * minutes. Seeding goes through the models, bound to the serving instance. Answers the demo admin's
 * password when this start created it.
 */
async function prepareDatabase(config: Config, sequelize: Sequelize, logger: Logger): Promise<string | null> {
  const maintenance = openSequelize({ databaseUrl: config.databaseUrl, db: { ...config.db, poolMax: 2, statementTimeoutMs: 0 } });
  try {
    return await withStartupLock(maintenance, async () => {
      const applied = await migrate(maintenance);
      if (applied.length) logger.info('migrated', { applied });
      if (await seedFirstOffice(sequelize)) logger.info('seeded the first office');
      const password = await seedDemoAdmin(sequelize);
      if (password) logger.info('created the demo admin'); // Its password is not logged.
      return password;
    });
  } finally {
    await maintenance.close();
  }
}
