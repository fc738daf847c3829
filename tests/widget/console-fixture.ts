import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestServer } from '../helpers/server.js';

/** Signs in on the console's form (Indonesian labels) and waits for the form to go. */
export async function signInConsole(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator('[data-sign-out]').waitFor();
}

/** Opens a console address and signs in as the test server's demo admin. */
export async function openConsole(page: Page, server: TestServer, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await signInConsole(page, 'admin', server.demoAdminPassword!);
}

type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };

/** axe-core's WCAG 2.2 AA findings on the page as it is, one line each; axe goes in as a script tag. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: Axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

/** A page whose policy axe's inline script may pass (the console's own policy rightly refuses it). */
export async function axePage(browser: Browser, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
  return { page: await context.newPage(), close: () => context.close() };
}

/**
 * Every table is as wide as its card at most, or sits in a box that scrolls within the card; and
 * nothing else makes the page wider than the window.
 */
export async function expectFits(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const deep = (root: Document | ShadowRoot, selector: string): Element[] => [
      ...Array.from(root.querySelectorAll(selector)),
      ...Array.from(root.querySelectorAll('*')).flatMap((el) => (el.shadowRoot ? deep(el.shadowRoot, selector) : [])),
    ];
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      found.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    // Tables kept for screen readers only (the numbers behind a chart) take no room on screen.
    for (const table of deep(document, 'table').filter((el) => !el.closest('.visually-hidden'))) {
      const card = table.closest('.card') ?? table.parentElement;
      const box = table.closest('.scroll');
      if (!card) continue;
      const cardRect = card.getBoundingClientRect();
      const holder = (box ?? table).getBoundingClientRect();
      if (holder.right > cardRect.right + 1 || holder.left < cardRect.left - 1)
        found.push(`table outside its card: ${table.querySelector('caption')?.textContent ?? ''}`);
      if (!box && table.getBoundingClientRect().width > cardRect.width + 1)
        found.push(`table wider than its card without scrolling: ${table.querySelector('caption')?.textContent ?? ''}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}
