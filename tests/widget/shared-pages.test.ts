import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { ShareLink } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { makeUser, rate, type TestUser } from '../helpers/admin.js';
import { artifactPath, describeInBrowser, useBrowserSuite, type BrowserSuite } from '../helpers/browser.js';
import { getJson, postJson } from '../helpers/http.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const PHONE = '081299887766';

describeInBrowser('links people open: share links and evidence verification in a browser', () => {
  let suite: BrowserSuite;
  let admin: TestUser;
  let period: { from: string; to: string };
  useBrowserSuite((bound) => (suite = bound), { context: { locale: 'id-ID' } });

  beforeAll(async () => {
    admin = await makeUser(suite.server, 'admin');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    period = { from: today, to: today };
    await rate(suite.server, { phone: PHONE, comment: 'Petugas sangat membantu & "ramah".' });
    await rate(suite.server, { comment: '' });
  });

  const share = async (days = 7) => {
    const made = await postJson<{ id: number; url: string; publicId: string }>(
      `${suite.server.url}/api/v1/reports/share-links`,
      { report: 'employee', nip: DEMO_NIP, params: period, days },
      { authorization: `Bearer ${admin.token}` },
    );
    expect(made.status).toBe(201);
    return { ...made.body, verifyUrl: `${suite.server.url}/api/v1/shared/verify/${made.body.publicId}` };
  };

  const axeViolations = async (page: Page) => {
    // The page's own policy refuses axe's inline script, rightly: a context that bypasses it runs axe.
    const context = await suite.browser.newContext({ bypassCSP: true });
    try {
      const axePage = await context.newPage();
      await axePage.setContent(await page.content());
      await axePage.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
      return await axePage.evaluate(async () => {
        type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
        const result = await (window as unknown as { axe: Axe }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
      });
    } finally {
      await context.close();
    }
  };

  it('answers JSON to an API client and a page to a browser, from the same address, without phone numbers', async () => {
    const link = await share();
    const json = await getJson<{ report: string; comments: { phone: string }[] }>(link.url);
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect(json.body.report).toBe('employee');
    const page = await fetch(link.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    const text = await page.text();
    expect(text).not.toMatch(/\*{4}|0812|\+62/);
    expect(text).toContain('membantu &amp; &quot;ramah&quot;');
    // The evidence PDF's verification page shows what the PDF prints of the figures: no comment, no NIP.
    const verification = await (await fetch(link.verifyUrl, { headers: { accept: BROWSER_ACCEPT } })).text();
    expect(verification).not.toContain('ramah');
    expect(verification).not.toContain(DEMO_NIP);
    // Only the language may be chosen; the report's parameters stay those of the link.
    expect((await fetch(`${link.url}?from=2020-01-01`, { headers: { accept: BROWSER_ACCEPT } })).status).toBe(400);
  });

  it('shows an evidence link as authentic, with what it certifies, in Indonesian, readable on a phone and in print, axe-clean', async () => {
    const link = await share();
    const { page } = suite;
    await page.setViewportSize({ width: 360, height: 800 });
    const response = await page.goto(link.verifyUrl);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await expect.poll(() => page.locator('.verdict strong').textContent()).toBe('Asli');
    const certified = await page.locator('section[aria-labelledby=certified]').innerText();
    expect(certified).toContain('dr. Rina Kartika, M.Kes');
    expect(certified).not.toContain(DEMO_NIP);
    expect(certified).toContain(`${period.from} s.d. ${period.to}`);
    expect(certified).toContain(link.publicId.slice(0, 8).toUpperCase());
    // The fingerprint the PDF prints, under the same plain name, recomputed now.
    const json = (await (await fetch(link.verifyUrl)).json()) as { fingerprint: string };
    expect(certified).toMatch(new RegExp(`Kode pemeriksa angka\\s+${json.fingerprint} \\(sama dengan yang tercetak`));
    expect(await page.locator('body').innerText()).not.toMatch(/\*{4}|0812/);
    // Nothing but the scrolling tables is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: artifactPath('shared-verify-360.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    await page.pdf({ path: artifactPath('shared-verify-print.pdf') });
  });

  it('speaks English to a browser that asks for it, and switches language by a link', async () => {
    const link = await share();
    const context = await suite.browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(link.verifyUrl);
      expect(await page.locator('.verdict strong').textContent()).toBe('Authentic');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
      await page.waitForURL(/lang=id/);
      expect(await page.locator('.verdict strong').textContent()).toBe('Asli');
    } finally {
      await context.close();
    }
  });

  it('tells a person plainly when a link is unknown, expired or revoked', async () => {
    const { page } = suite;
    const unknown = await page.goto(`${suite.server.url}/api/v1/shared/verify/00000000-0000-4000-8000-000000000000`);
    expect(unknown?.status()).toBe(404);
    expect(await page.locator('.verdict strong').textContent()).toBe('Tidak asli');
    expect(await axeViolations(page)).toEqual([]);

    const expired = await share(1);
    await ShareLink.update({ expiresAt: new Date(Date.now() - 1000) }, { where: { id: expired.id } });
    expect((await page.goto(expired.verifyUrl))?.status()).toBe(410);
    expect(await page.locator('.verdict strong').textContent()).toBe('Kedaluwarsa');

    const revoked = await share();
    const deleted = await fetch(`${suite.server.url}/api/v1/reports/share-links/${revoked.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(deleted.status).toBe(204);
    expect((await page.goto(revoked.verifyUrl))?.status()).toBe(410);
    expect(await page.locator('.verdict strong').textContent()).toBe('Dicabut');
    expect((await page.goto(revoked.url))?.status()).toBe(410);
    expect(await page.locator('.verdict strong').textContent()).toBe('Tautan dicabut');
    // The API client still gets problem+json.
    expect((await fetch(revoked.url)).headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
