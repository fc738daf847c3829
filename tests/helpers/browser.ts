import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';
import { announceMissing, chromiumPath, CHROMIUM_FLAGS } from './requirements.js';

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

/** Where screenshots go for a person to look at; the folder is gitignored. */
export function artifactPath(fileName: string): string {
  const dir = join(process.cwd(), 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}
