import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TestUser } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

// Evaluated rather than added as a script tag: the console's policy allows no inline script.
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The management screens and who may open them. */
export const ADMIN_SCREENS = [
  'ratings',
  'anomalies',
  'work-areas',
  'service-types',
  'kiosk-keys',
  'accounts',
  'audit',
  'settings',
] as const;
export const SUPERADMIN_SCREENS = ['accounts', 'audit'] as const;

/** Opens a console address, signs in on its form, and waits until the screen has read its data. */
export async function openConsole(
  page: Page,
  server: TestServer,
  user: Pick<TestUser, 'username' | 'password'>,
  path: string,
  lang: 'id' | 'en' = 'id',
): Promise<void> {
  await page.goto(`${server.url}/admin/${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  await page
    .getByLabel(lang === 'id' ? 'Nama pengguna' : 'Username')
    .first()
    .fill(user.username);
  await page
    .getByLabel(lang === 'id' ? 'Kata sandi' : 'Password')
    .first()
    .fill(user.password);
  await page.getByRole('button', { name: lang === 'id' ? 'Masuk' : 'Sign in', exact: true }).click();
  await settled(page, path.split(/[/?]/)[0]!);
}

/** Waits until the screen is shown and no request of it is under way. */
export async function settled(page: Page, screen: string): Promise<void> {
  await page.waitForFunction((screen) => {
    const element = document.querySelector('pacak-console')?.shadowRoot?.querySelector(`pacak-console-${screen}`) as
      (HTMLElement & { busy?: boolean; hasUpdated?: boolean }) | null;
    return !!element?.hasUpdated && element.busy === false;
  }, screen);
}

/**
 * axe-core on one screen inside the console (WCAG 2.2 AA and best practice). A contrast axe cannot
 * decide counts as a failure, except for text scrolled out of its table's scroll region on a phone
 * (`elmPartiallyObscured`): that text is checked at desktop width, where the tables fit.
 */
export async function axeScreen(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (screen) => {
    interface Node {
      target: unknown[];
      any: { data?: { messageKey?: string } }[];
    }
    interface Result {
      id: string;
      help: string;
      nodes: Node[];
    }
    const axe = (
      window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Result[]; incomplete: Result[] }> } }
    ).axe;
    const result = await axe.run(
      { include: [['pacak-console', `pacak-console-${screen}`]] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    );
    const undecided = result.incomplete
      .filter((item) => item.id === 'color-contrast')
      .map((item) => ({
        ...item,
        nodes: item.nodes.filter((node) => !node.any.some((check) => check.data?.messageKey === 'elmPartiallyObscured')),
      }))
      .filter((item) => item.nodes.length);
    return [...result.violations, ...undecided].map(
      (v) => `${screen}: ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  }, screen);
}

/** How far the page is wider than the window (0 when everything fits or scrolls inside its card). */
export const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
