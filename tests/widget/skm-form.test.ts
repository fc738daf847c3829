import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SkmResponse } from '../../server/db/models/index.js';
import { SKM_ELEMENT_CODES } from '../../server/domain/skm/elements.js';
import { describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

const AXE = join(process.cwd(), 'node_modules/axe-core/axe.min.js');

/** axe-core over the whole page (it descends into the open shadow root), WCAG 2.2 A and AA and best practice. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: { id: string; nodes: { target: unknown[] }[] }[];
            incomplete: { id: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return [...result.violations, ...result.incomplete.filter((i) => i.id === 'color-contrast')].map(
      (v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
}

const LANGS = [
  {
    lang: 'id',
    title: 'Survei Kepuasan Masyarakat',
    check: 'Periksa kembali',
    thanks: 'Terima kasih',
    first: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan',
  },
  {
    lang: 'en',
    title: 'Public Satisfaction Survey',
    check: 'Please check',
    thanks: 'Thank you',
    first: 'How well do the service requirements fit',
  },
] as const;

describeInBrowser('<pacak-skm> on the hosted page, on a 360 px phone', () => {
  let server: TestServer;
  let page: Page;
  let browser: Browser;
  // axe is added as a script, which the page's own CSP would refuse; the last test runs under the CSP.
  useBrowserSuite((suite) => ({ server, page, browser } = suite), { context: { viewport: { width: 360, height: 740 }, bypassCSP: true } });

  for (const words of LANGS) {
    it(`is answered with the keyboard-usable native form, axe-clean empty, with errors and sent (lang ${words.lang})`, async () => {
      const problems = pageProblems(page);
      await page.goto(`${server.url}/skm/bkk-palembang?service=vaksinasi-internasional&lang=${words.lang}`);
      const form = page.locator('pacak-skm form');
      await form.waitFor({ timeout: 20_000 });
      await expect(page.locator('pacak-skm h2').textContent()).resolves.toBe(words.title);
      await expect(page.locator('pacak-skm legend').nth(1).textContent()).resolves.toContain(words.first);
      expect(await page.locator('pacak-skm select[name=serviceType]').inputValue()).toBe('vaksinasi-internasional');
      expect(await axeViolations(page), 'empty').toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await page.locator('pacak-skm button[type=submit]').click();
      await page.locator('pacak-skm [role=alert]', { hasText: words.check }).waitFor({ timeout: 10_000 });
      // The first unanswered field has the focus: the sex radios.
      expect(
        await page.evaluate(() => (document.querySelector('pacak-skm')!.shadowRoot!.activeElement as HTMLInputElement | null)?.name),
      ).toBe('sex');
      expect(await axeViolations(page), 'errors').toEqual([]);

      const before = await SkmResponse.count();
      await page.locator('pacak-skm input[name=sex][value=P]').check();
      await page.locator('pacak-skm select[name=ageGroup]').selectOption('30-39');
      await page.locator('pacak-skm select[name=education]').selectOption('d4-s1');
      await page.locator('pacak-skm select[name=occupation]').selectOption('swasta');
      for (const [i, code] of SKM_ELEMENT_CODES.entries())
        await page.locator(`pacak-skm input[name=${code}][value="${(i % 4) + 1}"]`).check();
      await page.locator('pacak-skm textarea[name=suggestion]').fill('Antrean perlu nomor urut.');
      await page.locator('pacak-skm button[type=submit]').click();
      await page.locator('pacak-skm [part=receipt]', { hasText: words.thanks }).waitFor({ timeout: 15_000 });
      expect(await axeViolations(page), 'sent').toEqual([]);
      expect(await SkmResponse.count()).toBe(before + 1);
      const stored = (await SkmResponse.findOne({ order: [['id', 'DESC']] }))!;
      expect(stored).toMatchObject({
        channel: 'qr',
        sex: 'P',
        persyaratan: 1,
        prosedur: 2,
        waktu: 3,
        biaya: 4,
        sarana: 1,
        suggestion: 'Antrean perlu nomor urut.',
      });
      expect(problems).toEqual([]);
    });
  }

  it("runs under the hosted page's Content-Security-Policy without a refusal", async () => {
    const strict = await browser.newContext({ viewport: { width: 360, height: 740 } });
    try {
      const own = await strict.newPage();
      const problems = pageProblems(own);
      await own.goto(`${server.url}/skm/bkk-palembang`);
      await own.locator('pacak-skm form').waitFor({ timeout: 20_000 });
      expect(problems).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('shows a kind 404 page for an unknown office, and QR codes of the office and service pages', async () => {
    const missing = await page.goto(`${server.url}/skm/tidak-ada`);
    expect(missing?.status()).toBe(404);
    const qr = await fetch(`${server.url}/skm/bkk-palembang/qr.svg?service=vaksinasi-internasional`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const png = await fetch(`${server.url}/skm/bkk-palembang/qr.png?download=1`);
    expect(png.headers.get('content-disposition')).toMatch(/skm-qr-bkk-palembang\.png/);
  });
});
