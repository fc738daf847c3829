import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import {
  allScores,
  descriptionOf,
  fillRating,
  formReady,
  formValues,
  isFocused,
  openRatingPage,
  statusSays,
  submit,
} from './rating-fixture.js';

const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the element (it descends into the open shadow root) against WCAG 2.2 A and AA. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Element, options: object): Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document.querySelector('pacak-rating')!, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    // A contrast axe cannot decide (an image or gradient behind text) is not known to pass: it counts too.
    return [...result.violations, ...result.incomplete.filter((i) => i.id === 'color-contrast')];
  });
  return violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const LANGS = [
  { lang: 'id', phone: 'No HP/WA', send: 'KIRIM', check: 'Periksa kembali', thanks: 'Terima kasih' },
  { lang: 'en', phone: 'Mobile/WhatsApp number', send: 'SEND', check: 'Please check', thanks: 'Thank you' },
] as const;

describeInBrowser('<pacak-rating> for everyone (WCAG 2.2 AA)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let phoneCounter = 0;
  useBrowserSuite((suite) => ({ server, browser, page } = suite), { context: { viewport: { width: 390, height: 844 } } });

  for (const words of LANGS) {
    it(`axe-core finds no violations when empty, filled, with errors and sent (lang ${words.lang})`, async () => {
      await openRatingPage(page, server.url, { attributes: { lang: words.lang } });
      await formReady(page);
      expect(await axeViolations(page), 'empty').toEqual([]);

      await submit(page);
      await statusSays(page, words.check);
      expect(await axeViolations(page), 'errors').toEqual([]);

      await fillRating(page, {
        serviceType: 'cop',
        scores: { ...allScores(4), cakap: 2 },
        phone: `0812 8000 ${String(1000 + phoneCounter++)}`,
        comment: 'ok',
      });
      // A low score brings the complaint channel into the form: it must pass as well.
      await page.locator('pacak-rating [part=complaint]').waitFor();
      expect(await axeViolations(page), 'filled').toEqual([]);

      await submit(page);
      await page.locator('pacak-rating [part=receipt] strong').waitFor();
      expect(await page.locator('pacak-rating [part=receipt]').textContent()).toContain(words.thanks);
      expect(await axeViolations(page), 'sent').toEqual([]);
    });
  }

  it('axe-core finds no violations in the "saved, will be sent" state', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: allScores(5), phone: '0812 8000 2000' });
    await page.route('**/api/v1/ratings', (route) => route.abort('internetdisconnected'));
    await submit(page);
    await page.locator('pacak-rating [part=queued]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('can be rated and sent with the keyboard alone, the chosen star announced as "4 dari 5, Baik"', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    // From the page into the widget: the first stop is the service type list.
    await page.keyboard.press('Tab');
    const serviceType = page.locator('pacak-rating select[name=serviceType]');
    expect(await isFocused(serviceType)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await serviceType.inputValue()).toBe('posbindu');
    for (const _ of [1, 2, 3, 4, 5]) {
      await page.keyboard.press('Tab');
      // Each indicator is one tab stop; arrows move the choice within it.
      for (const __ of [1, 2, 3]) await page.keyboard.press('ArrowRight');
    }
    const focused = page.locator('pacak-rating input[name=kolaboratif]:focus');
    expect(await focused.getAttribute('aria-label')).toBe('4 dari 5, Baik');
    expect(await focused.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
    expect((await formValues(page)).scores).toEqual({ profesional: '4', amanah: '4', cakap: '4', akuntabel: '4', kolaboratif: '4' });
    // The focused star's label shows a visible focus ring.
    const ring = await page
      .locator('pacak-rating label[for="kolaboratif-4"]')
      .evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(ring).toBe('solid 3px');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0812 8000 3000');
    // Next, the privacy notice under the phone field: its summary opens it with Enter.
    await page.keyboard.press('Tab');
    expect(await isFocused(page.locator('pacak-rating [part=privacy] summary'))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('pacak-rating [part=privacy]').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lewat papan ketik saja');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.locator('pacak-rating button[type=submit]'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('pacak-rating [part=receipt] strong').waitFor();
    // Focus moves to the receipt's heading so a screen reader reads the outcome.
    expect(await isFocused(page.locator('pacak-rating [part=receipt] h2'))).toBe(true);
  });

  it('asks what to improve and shows the complaint channel after a score of 1 or 2', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    const comment = page.locator('pacak-rating textarea[name=comment]');
    expect(await page.locator('pacak-rating label[for=comment]').textContent()).toBe('Komentar (opsional)');
    await fillRating(page, { scores: { ...allScores(4), amanah: 2 } });
    expect(await page.locator('pacak-rating label[for=comment]').textContent()).toBe('Apa yang perlu diperbaiki? (opsional)');
    const link = page.locator('pacak-rating [part=complaint] a');
    expect(await link.getAttribute('href')).toBe('https://www.lapor.go.id');
    expect(await link.textContent()).toBe('www.lapor.go.id');
    expect(await descriptionOf(comment)).toContain('kanal pengaduan');
    await page.locator('pacak-rating').screenshot({ path: artifactPath('rating-low-score.png') });
    await fillRating(page, { scores: { amanah: 3 } });
    expect(await page.locator('pacak-rating label[for=comment]').textContent()).toBe('Komentar (opsional)');
    expect(await page.locator('pacak-rating [part=complaint]').count()).toBe(0);
  });

  for (const width of [320, 1280]) {
    it(`fits a ${width} px wide screen without sideways scrolling, and keeps a screenshot`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await openRatingPage(page, server.url);
      await formReady(page);
      await submit(page);
      await statusSays(page, 'Periksa kembali');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifactPath(`rating-${width}px.png`), fullPage: true });
    });
  }

  it('works at 200% zoom: a 640 px window shown at twice the size, every target still 44 px or more', async () => {
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    try {
      const zoomedPage = await zoomed.newPage();
      await openRatingPage(zoomedPage, server.url, { attributes: { lang: 'en' } });
      await formReady(zoomedPage);
      const overflow = await zoomedPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const sizes = await zoomedPage
        .locator('pacak-rating label[part=star], pacak-rating select, pacak-rating input[type=tel], pacak-rating button')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map(({ width, height }) => Math.min(width, height)));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
      await zoomedPage.screenshot({ path: artifactPath('rating-200-percent.png'), fullPage: true });
    } finally {
      await zoomed.close();
    }
  });
});
