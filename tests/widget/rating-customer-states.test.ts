import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { allScores, descriptionOf, fillRating, formReady, openRatingPage, statusSays, submit } from './rating-fixture.js';

const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the element (open shadow root included), WCAG 2.2 A and AA and best practice. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document.querySelector('pacak-rating')!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const WORDS = {
  id: {
    good: 'Baik',
    name: '4 dari 5, Baik',
    required: '(wajib)',
    why: 'mencegah penilaian ganda',
    honest: 'kejujuran',
    sent: 'Sangat buruk',
  },
  en: {
    good: 'Good',
    name: '4 of 5, Good',
    required: '(required)',
    why: 'prevent duplicate ratings',
    honest: 'honesty',
    sent: 'Very poor',
  },
} as const;

const SIZES = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'tablet', width: 800, height: 1280 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

let phone = 0;
const nextPhone = () => `0812 8100 ${String(1000 + phone++)}`;

describeInBrowser("<pacak-rating>: the customer's words, errors and receipt", () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite));

  for (const size of SIZES) {
    it(`labels the stars with words, marks the number as required and sums up a low score (${size.name})`, async () => {
      await page.setViewportSize(size);
      for (const lang of ['id', 'en'] as const) {
        const w = WORDS[lang];
        await openRatingPage(page, server.url, { attributes: { lang } });
        await formReady(page);
        const widget = page.locator('pacak-rating');
        // Each star shows its word, and a screen reader hears number and word.
        expect((await widget.locator('label[for="cakap-4"]').textContent())?.trim()).toBe(w.good);
        expect(await widget.locator('label[for="cakap-4"]').isVisible()).toBe(true);
        expect(await page.getByRole('radio', { name: w.name, exact: true }).count()).toBe(5);
        const label = widget.locator('label[for=phone]');
        expect(await label.textContent()).toContain(w.required);
        expect(await descriptionOf(widget.locator('input[name=phone]'))).toContain(w.why);
        const noSideways = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
        expect(noSideways).toBe(true);
        expect(await axeViolations(page), `${lang} form`).toEqual([]);

        await fillRating(page, { serviceType: 'cop', scores: { ...allScores(4), amanah: 1 }, phone: nextPhone() });
        await submit(page);
        const summary = widget.locator('[part=receipt] [part=summary]');
        await summary.waitFor();
        const text = (await summary.textContent()) ?? '';
        expect(text).toContain('dr. Rina Kartika, M.Kes');
        expect(text).toContain(`Amanah: ${lang === 'id' ? '1 dari 5' : '1 of 5'}, ${w.sent}`);
        expect(text).toContain(w.honest);
        expect(await summary.locator('[part=complaint] a').getAttribute('href')).toBe('https://www.lapor.go.id');
        expect(await axeViolations(page), `${lang} receipt`).toEqual([]);
        if (lang === 'id') await page.screenshot({ path: artifactPath(`rating-low-receipt-${size.name}.png`), fullPage: true });
      }
    });
  }

  it('a receipt without a low score lists the stars but no complaint channel', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: allScores(5), phone: nextPhone() });
    await submit(page);
    const summary = page.locator('pacak-rating [part=summary]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Kolaboratif: 5 dari 5, Sangat baik');
    expect(await summary.locator('[part=complaint], [part=low-score]').count()).toBe(0);
  });

  for (const lang of ['id', 'en'] as const) {
    it(`counts a 429 down in view, read out once, then says to send again (${lang})`, async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await openRatingPage(page, server.url, { attributes: { lang } });
      await formReady(page);
      await page.route('**/api/v1/ratings', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'Retry-After': '4' },
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429, limit: 'burst' }),
        }),
      );
      await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: nextPhone() });
      await page.evaluate(() => window.scrollTo(0, 0));
      await submit(page);
      const status = page.locator('pacak-rating [role=status]');
      const network = lang === 'id' ? 'Banyak penilaian dikirim dari jaringan ini' : 'Many ratings were sent from this network';
      // Read out once, as it comes: how many seconds, and why (this network, not the customer).
      const first = await statusSays(page, network);
      expect(first).toMatch(lang === 'id' ? /dalam [34] detik/ : /in [34] seconds/);
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect(await status.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight && el.getBoundingClientRect().top >= 0)).toBe(
        true,
      );
      // Counting: the number changes in place, the live region is quiet meanwhile.
      await statusSays(page, lang === 'id' ? 'dalam 2 detik' : 'in 2 seconds');
      expect(await status.getAttribute('aria-live')).toBe('off');
      expect(await axeViolations(page)).toEqual([]);
      await statusSays(page, lang === 'id' ? 'Silakan kirim lagi sekarang' : 'Please send again now');
      expect(await status.getAttribute('aria-live')).toBe('polite');
    });
  }

  it('brings a 409 into view below a long form and announces it', async () => {
    await openRatingPage(page, server.url, { attributes: { lang: 'en' } });
    await formReady(page);
    await page.route('**/api/v1/ratings', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409 }),
      }),
    );
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: nextPhone() });
    await page.evaluate(() => window.scrollTo(0, 0));
    await submit(page);
    await statusSays(page, 'You have already rated this officer');
    const status = page.locator('pacak-rating [role=status]');
    await expect
      .poll(() => status.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight && el.getBoundingClientRect().top >= 0))
      .toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
