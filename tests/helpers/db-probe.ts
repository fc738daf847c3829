import { openSequelize } from '../../server/db/connection.js';

/**
 * Whether the database servers the server suites need answer: vitest.config.ts asks once, before
 * any worker starts, and leaves out (loudly) a project whose server is not there.
 */
export const HOW_TO_START = {
  postgres:
    'start PostgreSQL on 127.0.0.1:5432 (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set PACAK_TEST_POSTGRES_URL',
  mariadb:
    'start MariaDB on 127.0.0.1:3306 (start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd) or set PACAK_TEST_MARIADB_URL',
} as const;

const TIMEOUT_MS = 3_000;

/** null when the server at `url` answers a query, otherwise what went wrong. */
export async function probeDatabase(url: string): Promise<string | null> {
  const sequelize = openSequelize({ databaseUrl: url, db: { poolMax: 1, acquireMs: TIMEOUT_MS, statementTimeoutMs: TIMEOUT_MS } });
  try {
    await sequelize.authenticate();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await sequelize.close().catch(() => undefined);
  }
}
