import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Employee, Office, WorkArea } from '../../server/db/models/index.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { KioskKeys } from '../../server/services/access/kiosk-keys.js';
import { artifactPath, describeInBrowser, launchBrowser, pageProblems } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { allScores, fillRating, formReady, isFocused, openRatingPage, submit } from './rating-fixture.js';

// Evaluated rather than added as a script tag: the pages' CSP stays on, and is tested with them.
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
// A 1x1 PNG: a photo the page's CSP allows (img-src 'self' data:).
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=';

/** axe-core on the whole page, or only the element (it descends into the open shadow roots), WCAG 2.2 A and AA. */
async function axeViolations(page: Page, only = 'html'): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document.querySelector(selector)!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, only);
}

const picks = (page: Page) => page.locator('pacak-rating [part=pick]');
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describeInBrowser('<pacak-rating office>: the customer picks who served them', () => {
  let server: TestServer;
  let browser: Browser;
  let kioskKey: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    // Before anything reads the office's list (it is cached): one photo, one that will not load.
    await Employee.update({ photoUrl: PHOTO }, { where: { nip: '199011042015032003' } });
    await Employee.update({ photoUrl: '/no-such-photo.png' }, { where: { nip: '198812302014021001' } });
    const office = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!;
    const area = (await WorkArea.findOne({ where: { officeId: office.id, code: 'kantor-induk' } }))!;
    ({ key: kioskKey } = await new KioskKeys(new PhoneVault(server.config.phoneKey)).issueKioskKey(office.id, area.id, 'Loket 1'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a phone (id): searches, picks by keyboard, rates by public code and goes back to the list', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = pageProblems(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    try {
      await page.goto(`${server.url}/o/bkk-palembang`);
      await picks(page).first().waitFor();
      expect(await page.locator('pacak-rating h2').first().textContent()).toBe('Siapa yang melayani Anda?');
      expect(await picks(page).count()).toBeGreaterThan(6);
      // A photo where there is one, initials where there is none or it does not load.
      await expect.poll(() => picks(page).filter({ hasText: 'BH' }).count()).toBe(1);
      expect(await picks(page).filter({ hasText: 'Dewi Lestari' }).locator('img').count()).toBe(1);
      expect(await axeViolations(page), 'list').toEqual([]);
      expect(await overflows(page)).toBe(false);

      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('dewi les');
      await expect.poll(() => picks(page).count()).toBe(1);
      expect(await page.locator('pacak-rating pacak-picker [role=status]').textContent()).toBe('1 petugas');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await formReady(page);
      expect(await page.locator('pacak-rating [part=name]').textContent()).toBe('Ns. Dewi Lestari, S.Kep');
      expect(await isFocused(page.locator('pacak-rating [part=back]'))).toBe(true);
      await page.screenshot({ path: artifactPath('office-picker-phone.png') });

      await fillRating(page, { serviceType: 'cop', scores: allScores(5), phone: '0812 7100 0001' });
      const posted = page.waitForRequest((request) => request.url().endsWith('/api/v1/ratings'));
      await submit(page);
      const body = (await posted).postDataJSON();
      expect(body).toMatchObject({ code: expect.stringMatching(/^[0-9A-Z]{8}$/), channel: 'qr' });
      expect(body).not.toHaveProperty('nip');
      await page.locator('pacak-rating [part=receipt] strong').waitFor();
      expect(await axeViolations(page), 'receipt').toEqual([]);

      await page.locator('pacak-rating [part=back]').click();
      await picks(page).first().waitFor();
      expect(await page.locator('pacak-rating pacak-picker h2').evaluate((h) => h.matches(':focus'))).toBe(true);
      expect(requested.join('\n')).not.toContain('199011042015032003');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a tablet (en): filters by work area, and the one-employee form never loads the picker', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/o/bkk-palembang?lang=en`);
      await page.locator('pacak-rating h2', { hasText: 'Who served you?' }).waitFor();
      await page.locator('pacak-rating select').selectOption('boom-baru');
      await expect.poll(async () => (await picks(page).allTextContents()).every((text) => text.includes('Boom Baru'))).toBe(true);
      expect(await picks(page).count()).toBe(2);
      expect(await axeViolations(page), 'en list').toEqual([]);
      await page.screenshot({ path: artifactPath('office-picker-tablet.png') });

      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await openRatingPage(page, server.url);
      await formReady(page);
      expect(requested.filter((url) => url.includes('picker'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const viewport of [
    { width: 800, height: 1280 },
    { width: 1280, height: 800 },
  ]) {
    it(`fills a ${viewport.width}x${viewport.height} tablet in kiosk mode: a grid of photos, big stars`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/kiosk#area=kantor-induk&key=${kioskKey}`);
        await picks(page).first().waitFor();
        const boxes = await picks(page).evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
        // Several side by side, each a large target.
        expect(new Set(boxes.map((box) => box.y)).size).toBeLessThan(boxes.length);
        for (const box of boxes) expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(150);
        expect(await overflows(page)).toBe(false);
        expect(await axeViolations(page, 'pacak-rating'), 'kiosk list').toEqual([]);
        await page.screenshot({ path: artifactPath(`kiosk-${viewport.width}x${viewport.height}-picker.png`) });

        await picks(page).first().click();
        await formReady(page);
        const star = await page.locator('pacak-rating [part=star]').first().boundingBox();
        expect(star!.width).toBeGreaterThanOrEqual(64);
        expect(await overflows(page)).toBe(false);
        await page.screenshot({ path: artifactPath(`kiosk-${viewport.width}x${viewport.height}-form.png`) });
      } finally {
        await context.close();
      }
    });
  }
});
