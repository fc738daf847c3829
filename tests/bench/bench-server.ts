/**
 * A child process that runs the real server, as `npm start` does, and tells its parent (over the IPC
 * channel of `fork`) where it listens and the demo admin's password. Configuration comes from the
 * environment the parent gives it. It stops when the parent says `close` or goes away.
 */
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startServer } from '../../server/start.js';

const config = loadConfig(process.env);
const running = await startServer(config, createLogger(config.logLevel));
process.send?.({ ready: true, url: running.url, demoAdminPassword: running.demoAdminPassword ?? null });

let closing = false;
const stop = async (): Promise<void> => {
  if (closing) return;
  closing = true;
  await running.close();
  process.exit(0);
};
process.on('message', (message) => {
  if (message === 'close') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
