import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../server/config.js';
import { startServer, type RunningServer } from '../../server/start.js';

export interface TestServer extends RunningServer {
  config: Config;
  dataDir: string;
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

/**
 * Starts the real server on loopback with a fresh SQLite file in a temporary folder, migrated and
 * seeded with the first office. `env` overrides any configuration variable.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pacak-test-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_RATINGS: '1000',
    // Tests sign in wrongly on purpose; the throttling test sets its own limits.
    SIGNIN_SLOWDOWN_MS: '0',
    SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000',
    ...env,
  });
  const running = await startServer(config);
  return {
    ...running,
    url: `http://127.0.0.1:${port}`,
    config,
    dataDir,
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
