import { ConfigError, loadConfig } from './config.js';
import { SchemaTooNewError } from './db/migrate.js';
import { DEMO_ADMIN } from './db/seed-data.js';
import { createLogger } from './logger.js';
import { startServer } from './start.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.insecure.length) {
    process.stderr.write(
      `\n*** INSECURE: ALLOW_INSECURE=1 is set; this server breaks production rules:\n${config.insecure.map((line) => `***   ${line}`).join('\n')}\n\n`,
    );
  }
  let running;
  try {
    running = await startServer(config, logger);
  } catch (error) {
    const message = error instanceof SchemaTooNewError ? error.message : `Could not start: ${(error as Error).message}`;
    logger.error(message);
    process.exit(1);
  }
  logger.info('listening', { url: running.url, publicBaseUrl: config.publicBaseUrl });
  process.stdout.write(`\nPACAK rating is running: open ${running.url}/ for the embed demo.\n\n`);
  if (running.demoAdminPassword) {
    // Shown this once, on the console only (not in the JSON log): it is not stored anywhere readable.
    process.stdout.write(
      `The demo admin was created. Sign in as "${DEMO_ADMIN}" with the password\n\n    ${running.demoAdminPassword}\n\n` +
        `It is shown only now. Sign in at ${running.url}/admin, where you choose your own password first,\n` +
        'or reset it later with\n' +
        `    npm run admin -- reset-password --username ${DEMO_ADMIN}\n\n`,
    );
  }

  // A rolling restart sends SIGTERM: finish what is in flight, then leave.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info('shutting down', { signal });
      const force = setTimeout(() => process.exit(1), config.shutdownDelayMs + 15_000);
      force.unref();
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

await main();
