import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../server/config.js';
import type { Logger } from '../../server/logger.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { TEST_DB, type ScratchDatabase } from './databases.js';
import { ensureServerBuilt } from './processes.js';
import { createSeededDatabase } from './template-databases.js';

export interface TestServer extends RunningServer {
  config: Config;
  dataDir: string;
  /** The database the server runs on, for side connections (`openSide(server.database.url)`). */
  database: ScratchDatabase;
}

export interface TestServerOptions {
  /** Run on this database and keep it on close; by default a fresh one of PACAK_TEST_DB, dropped on close. */
  database?: ScratchDatabase;
  /** Where log lines go; by default nowhere. */
  logger?: Logger;
}

/** A free loopback port, so the server's PUBLIC_BASE_URL can name it before it starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** What the demo admin's first sign-in must do before anything else; tests then use the chosen one. */
export const DEMO_ADMIN_CHOSEN_PASSWORD = 'demo admin chose this one';

/**
 * The demo admin's password is generated, so the server allows it nothing until it chooses its own:
 * done here once, over HTTP as a person would, so suites sign in and work with the chosen password.
 */
async function chooseDemoPassword(url: string, generated: string): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const signIn = await post('/auth/token', { username: 'admin', password: generated });
  const { token } = (await signIn.json()) as { token: string };
  const changed = await post('/admin/me/password', { currentPassword: generated, newPassword: DEMO_ADMIN_CHOSEN_PASSWORD }, token);
  if (changed.status !== 204) throw new Error(`the demo admin could not choose a password: ${changed.status}`);
  return DEMO_ADMIN_CHOSEN_PASSWORD;
}

/** What a test template is: the database of a test server that has started once and closed. */
const buildTemplate = async (database: ScratchDatabase): Promise<void> => {
  const server = await startTestServer({}, { database });
  await server.close();
};

/**
 * Starts the real server on loopback with a fresh database of the kind PACAK_TEST_DB names (an SQLite
 * file in a temporary folder by default), migrated and seeded with the first office: a copy of a
 * template that was (tests/helpers/template-databases.ts), unless `options.database` or DATABASE_URL
 * names one, which the server then migrates and seeds itself. `env` overrides
 * any configuration variable. Models are bound to this server's Sequelize instance, so a test may
 * read them directly (`Rating.count()`).
 */
export async function startTestServer(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  // On SQLite the rating writer's thread runs the compiled server code (server/db/sqlite-writer-thread.ts).
  await ensureServerBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'pacak-test-'));
  const owned = !options.database && !env.DATABASE_URL;
  const database =
    options.database ??
    (env.DATABASE_URL
      ? { kind: TEST_DB, url: env.DATABASE_URL, drop: async () => undefined }
      : await createSeededDatabase(TEST_DB, dataDir, buildTemplate));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_RATINGS: '1000',
    RATE_LIMIT_BURST: '1000',
    RATE_LIMIT_PHONE_PER_DAY: '1000',
    // Tests fill and send a form at once; the tests of the form token set their own minimum.
    MIN_FORM_SECONDS: '0',
    // The retention tests run the job themselves.
    RETENTION_SWEEP_MINUTES: '0',
    // The alert tests run the worker themselves.
    ALERT_INTERVAL_SECONDS: '0',
    // Tests sign in wrongly on purpose; the throttling test sets its own limits.
    SIGNIN_SLOWDOWN_MS: '0',
    SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000',
    ...env,
  });
  let running: RunningServer;
  try {
    running = await startServer(config, options.logger);
  } catch (error) {
    if (owned) await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  // On a copy of the template the demo admin exists already, with the password chosen when it was built.
  const demoAdminPassword = running.demoAdminPassword
    ? await chooseDemoPassword(url, running.demoAdminPassword)
    : owned
      ? DEMO_ADMIN_CHOSEN_PASSWORD
      : undefined;
  return {
    ...running,
    ...(demoAdminPassword ? { demoAdminPassword } : {}),
    url,
    config,
    dataDir,
    database,
    close: async () => {
      await running.close().catch(() => undefined);
      if (owned) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
