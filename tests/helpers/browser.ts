import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { announceMissing, chromiumPath, CHROMIUM_FLAGS } from './requirements.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Browser suites drive the Chromium the system already has (Debian's package in CI); nothing is
 * downloaded. Without one, a suite is skipped with a loud line, or fails when CI requires everything.
 */
const executablePath = chromiumPath();

/** `describe` when a Chromium is installed, `describe.skip` (after saying so) when not. */
export function describeInBrowser(name: string, suite: () => void): void {
  if (executablePath) {
    describe(name, suite);
    return;
  }
  announceMissing(`browser suite "${name}"`, 'install Chromium (apt-get install chromium) or set CHROMIUM_PATH');
  describe.skip(name, suite);
}

export async function launchBrowser(): Promise<Browser> {
  if (!executablePath) throw new Error('No Chromium to launch: describeInBrowser should have skipped this suite');
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}

export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * The hooks most browser suites share: one test server and one Chromium for the file, a fresh context
 * and page for each test. `bind` hands them to the suite's own variables once they are there (after
 * the file's start and before each test), e.g. `useBrowserSuite((suite) => ({ server, page } = suite))`.
 * The file's own hooks run after these, with the variables bound.
 */
export function useBrowserSuite(
  bind: (suite: BrowserSuite) => void,
  /** `env` may be a function, for values known only once the file's earlier hooks have run. */
  options: { env?: Record<string, string> | (() => Record<string, string>); context?: BrowserContextOptions } = {},
): void {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([
      startTestServer(typeof options.env === 'function' ? options.env() : options.env),
      launchBrowser(),
    ]);
    bind(suite);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  beforeEach(async () => {
    suite.context = await suite.browser.newContext(options.context);
    suite.page = await suite.context.newPage();
    bind(suite);
  });
  afterEach(async () => {
    await suite.context?.close();
  });
}

/**
 * What went wrong in a page while a test ran: uncaught errors, and Content-Security-Policy refusals
 * (which show up as console errors). The array fills as the page runs.
 */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return problems;
}

/** Where screenshots go for a person to look at; the folder is gitignored. */
export function artifactPath(fileName: string): string {
  const dir = join(process.cwd(), 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}
