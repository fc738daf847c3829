import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SkmResponse } from '../../server/db/models/index.js';
import { SKM_ELEMENT_CODES } from '../../server/domain/skm/elements.js';
import { adminApi, makeUser } from '../helpers/admin.js';
import { uniquePhone } from '../helpers/http.js';
import { describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { storeQuarter } from '../helpers/skm.js';
import { allScores, fillRating, formReady, openRatingPage, submit } from './rating-fixture.js';

const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

/** axe over one element (the rating widget in a test page without headings) or the whole page. */
async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document | Element, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(selector ? document.querySelector(selector)! : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, selector);
}

describeInBrowser('the survey after a rating, and the published infographic', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 360, height: 740 }, bypassCSP: true } });

  it('offers the nine questions on the receipt, loads the survey only then, and stores it as after-rating', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/widget/')) scripts.push(new URL(request.url()).pathname);
    });
    await openRatingPage(page, server.url, { attributes: { lang: 'id' } });
    await formReady(page);
    await fillRating(page, { serviceType: 'vaksinasi-internasional', scores: allScores(5), phone: uniquePhone() });
    await submit(page);
    const offer = page.locator('pacak-rating [part=skm] button', { hasText: 'Bantu kami: 9 pertanyaan singkat tentang layanan ini' });
    await offer.waitFor({ timeout: 15_000 });
    // The widget and what only a sent rating needs; the survey not yet.
    expect(scripts).toEqual(['/widget/pacak-rating.js', '/widget/pacak-rating-after-send.js']);
    await offer.click();
    await page.locator('pacak-skm form').waitFor({ timeout: 20_000 });
    expect(scripts).toContain('/widget/pacak-skm.js');
    expect(await page.locator('pacak-skm select[name=serviceType]').inputValue()).toBe('vaksinasi-internasional');
    expect(await axeViolations(page, 'pacak-rating')).toEqual([]);

    const before = await SkmResponse.count();
    await page.locator('pacak-skm input[name=sex][value=L]').check();
    for (const name of ['ageGroup', 'education', 'occupation'])
      await page.locator(`pacak-skm select[name=${name}]`).selectOption({ index: 2 });
    for (const code of SKM_ELEMENT_CODES) await page.locator(`pacak-skm input[name=${code}][value="4"]`).check();
    await page.locator('pacak-skm button[type=submit]').click();
    await page.locator('pacak-skm [part=receipt]').waitFor({ timeout: 15_000 });
    expect(await SkmResponse.count()).toBe(before + 1);
    expect((await SkmResponse.findOne({ order: [['id', 'DESC']] }))?.channel).toBe('after-rating');
  });

  for (const lang of ['id', 'en'] as const) {
    it(`shows the published infographic axe-clean within 360 px (lang ${lang})`, async () => {
      await storeQuarter('2024-02-15', 'vaksinasi-internasional', 50, [185, 180, 170, 182, 181, 183, 190, 178, 180]);
      const admin = await makeUser(server, 'admin');
      const made = await adminApi(server, admin.token).post<{ url: string }>('/skm/publications', { period: '2024-Q1' });
      await page.goto(`${made.body.url}?lang=${lang}`);
      await expect(page.locator('.ikm').textContent()).resolves.toBe(lang === 'id' ? '90,50' : '90.50');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  }
});
