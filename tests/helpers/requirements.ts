import { existsSync } from 'node:fs';

/**
 * Suites that need something outside Node (a browser, a database server) ask here first.
 * On a newcomer's machine a missing piece skips only that suite, with a loud line in the output;
 * CI sets PACAK_REQUIRE_ALL=1, and then a missing piece fails the run instead of skipping.
 */
export const requireAll = process.env.PACAK_REQUIRE_ALL === '1';

export function announceMissing(what: string, howToGetIt: string): void {
  const line = `\n*** SKIPPING ${what}: ${howToGetIt} ***\n`;
  if (requireAll) {
    throw new Error(`${what} is required (PACAK_REQUIRE_ALL=1) but missing: ${howToGetIt}`);
  }
  process.stderr.write(line);
}

/** Path of the Chromium to drive, or undefined when none is installed. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
