import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { HOW_TO_START, probeDatabase } from './tests/helpers/db-probe.js';
import { ADMIN_URLS } from './tests/helpers/databases.js';
import { announceMissing } from './tests/helpers/requirements.js';

const SERVER_TESTS = ['tests/server/**/*.test.ts'];

const serverProject = (db: 'sqlite' | 'postgres' | 'mariadb'): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name: `server-${db}`, include: SERVER_TESTS, env: { PACAK_TEST_DB: db } },
});

/**
 * The server suites run once per database: SQLite always, PostgreSQL and MariaDB when their server
 * answers. A missing server leaves its project out with a loud line, or fails the run under
 * PACAK_REQUIRE_ALL=1 (CI). Each test server makes a database of its own, so projects run side by side.
 */
export default defineConfig(async () => {
  const projects: TestProjectInlineConfiguration[] = [serverProject('sqlite')];
  for (const db of ['postgres', 'mariadb'] as const) {
    // Vitest evaluates this file more than once per run: ask each server once, say it once.
    const cached = process.env[`PACAK_PROBED_${db.toUpperCase()}`];
    const problem = cached === undefined ? await probeDatabase(ADMIN_URLS[db]) : cached || null;
    if (cached === undefined) {
      process.env[`PACAK_PROBED_${db.toUpperCase()}`] = problem ?? '';
      if (problem) announceMissing(`the server-${db} tests (${ADMIN_URLS[db]}: ${problem})`, HOW_TO_START[db]);
    }
    if (!problem) projects.push(serverProject(db));
  }
  projects.push(
    { extends: true, test: { name: 'widget', include: ['tests/widget/**/*.test.ts'] } },
    // Suites other branches add beside these (end to end, tools) run once, against SQLite.
    {
      extends: true,
      test: { name: 'other', include: ['tests/**/*.test.ts'], exclude: ['tests/server/**', 'tests/widget/**', 'tests/bench/**'] },
    },
  );
  return {
    test: {
      exclude: ['tests/bench/**', 'node_modules/**'],
      // Two cores on the reference machine: keep the pool small; every test server has its own database.
      pool: 'forks',
      maxWorkers: 2,
      // A worker imports the server's modules once for all the files it runs, not once per file: the
      // import took three to four seconds a file, half of the run. Each file still starts its own servers on
      // a database of its own; what a file changes of the process (TZ, say) it puts back when it ends.
      isolate: false,
      testTimeout: 30_000,
      // What a browser test polls for (an outbox emptied, a line shown) may take seconds on a loaded two-core
      // machine; vitest's default of one second failed such tests by the clock, not by the product.
      expect: { poll: { timeout: 10_000 } },
      hookTimeout: 60_000,
      projects,
    },
  };
});
