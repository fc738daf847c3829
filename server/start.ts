import type { Server } from 'node:http';
import type { Sequelize } from 'sequelize';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { createSequelize } from './db/connection.js';
import { openRatingStore } from './db/open-rating-store.js';
import { migrate } from './db/migrate.js';
import { seedDemoAdmin, seedFirstOffice } from './db/seed.js';
import { createLogger, type Logger } from './logger.js';
import { createServices, type Services } from './services/index.js';

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
  /** Stops taking connections, lets requests in flight finish, then closes the database pool. */
  close(): Promise<void>;
}

/** Connects, migrates, seeds an empty database and listens: what `npm start` and the tests both run. */
export async function startServer(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  const sequelize = createSequelize(config);
  await sequelize.authenticate();
  const applied = await migrate(sequelize);
  if (applied.length) logger.info('migrated', { applied });
  if (await seedFirstOffice(sequelize)) logger.info('seeded the first office');
  const demoAdminPassword = await seedDemoAdmin(sequelize);
  if (demoAdminPassword) logger.info('created the demo admin'); // Its password is not logged.

  const store = await openRatingStore(sequelize, config.databaseUrl);
  const services = createServices(config, sequelize, store);
  let shuttingDown = false;
  const app = createApp(config, { sequelize, services, logger, isShuttingDown: () => shuttingDown });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;

  const close = async (): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
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
