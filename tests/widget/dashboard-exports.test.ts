import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RankingReport } from '../../server/services/reports/report-builders.js';
import { makeUser } from '../helpers/admin.js';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import { getJson } from '../helpers/http.js';
import { freePort, type TestServer } from '../helpers/server.js';
import { choosePeriod, figure, MAY, RINA, seedRatings, settled, signInOnPage } from './dashboard-fixture.js';

/** An intranet page on another origin (localhost; the server is 127.0.0.1) that embeds the dashboard. */
class IntranetSite {
  readonly server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(this.html);
  });
  html = '';
  origin = '';

  async start(): Promise<void> {
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.origin = `http://localhost:${port}`;
  }
}

describeInBrowser('the dashboard’s exports, share links, accessibility and layouts', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const intranet = new IntranetSite();

  beforeAll(() => intranet.start());
  afterAll(() => void intranet.server.close());
  useBrowserSuite((suite) => ({ server, browser, context, page } = suite), {
    env: () => ({ CORS_ORIGINS: intranet.origin }),
    context: { viewport: { width: 1280, height: 900 } },
  });
  beforeAll(() => seedRatings(server));

  const openAsAdmin = async (target = page) => {
    await target.goto(`${server.url}/dashboard`);
    await signInOnPage(target, 'admin', server.demoAdminPassword!);
    await choosePeriod(target, MAY);
  };

  /** Clicks an export button and gives the saved file, its name and the answer's headers. */
  const exportFile = async (button: ReturnType<Page['locator']>, format: string) => {
    const [download, response] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      page.waitForResponse((r) => r.url().includes(`format=${format}`) || (format === 'pdf' && r.url().includes('evidence.pdf'))),
      button.click(),
    ]);
    const bytes = await readFile((await download.path()) as string);
    return { bytes, name: download.suggestedFilename(), headers: response.headers() };
  };

  it('downloads the CSV, the XLSX and the evidence PDF with the token, under the server’s names', async () => {
    await openAsAdmin();
    const csv = await exportFile(page.locator('[data-section=headline] [data-export=csv]'), 'csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.name).toBe('laporan-pacak-ringkasan-mei-2025.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.subarray(3).toString('utf8').split('\r\n')[0]).toMatch(/^NIP;Nama;Wilayah kerja;Jumlah penilaian/);
    await page.getByText('laporan-pacak-ringkasan-mei-2025.csv selesai diunduh.').waitFor();

    const xlsx = await exportFile(page.locator('[data-section=ranking] [data-export=xlsx]'), 'xlsx');
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.name).toBe('laporan-pacak-peringkat-mei-2025.xlsx');
    expect(xlsx.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');

    await page.getByRole('button', { name: 'dr. Rina Kartika, M.Kes' }).first().click();
    await page.locator('#employee-name').waitFor();
    await settled(page);
    const pdf = await exportFile(page.locator('[data-export=pdf]'), 'pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.name).toBe(`bukti-pacak-${RINA}-mei-2025.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('shows the bytes received while a slow export comes in', async () => {
    await openAsAdmin();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // About 3 KB a second: the workbook takes a few seconds to arrive.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 3000, uploadThroughput: -1 });
    const button = page.locator('[data-section=ranking] [data-export=xlsx]');
    const downloaded = page.waitForEvent('download');
    await button.click();
    const progress = page.locator('[data-progress]');
    await progress.waitFor();
    await expect.poll(() => progress.textContent()).toMatch(/Mengunduh pacak-ranking\.xlsx: [1-9][\d.,]* (B|KB) diterima/);
    expect(await button.isDisabled()).toBe(true);
    await downloaded;
    await progress.waitFor({ state: 'detached' });
    await page.getByText(/laporan-pacak-peringkat-mei-2025\.xlsx selesai diunduh/).waitFor();
    expect(await button.isDisabled()).toBe(false);
  });

  it('makes a read-only share link for an admin that opens the same report without signing in', async () => {
    await openAsAdmin();
    await page.locator('[data-section=ranking] [data-share]').click();
    await page.locator('select[name=shareDays]').selectOption('7');
    await page.getByRole('button', { name: 'Buat tautan' }).click();
    const field = page.locator('input[name=shareUrl]');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/api/v1/shared/ey`));
    const shared = await getJson<RankingReport>(url);
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ report: 'ranking', period: MAY });
    expect(shared.body.ranked.map((row) => row.nip)[0]).toBe(RINA);
    const workbook = await fetch(await page.locator('input[name=shareXlsx]').inputValue());
    expect(
      Buffer.from(await workbook.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it('has no axe-core violations signed out, on the overview, with a share panel open, and on an employee page', async () => {
    // axe is injected as an inline script, which the page's own policy rightly refuses: bypass it here only.
    const open = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const axePage = await open.newPage();
      const violations = async () => {
        if (!(await axePage.evaluate(() => 'axe' in window))) {
          await axePage.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
        }
        return axePage.evaluate(async () => {
          type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
          const result = await (window as unknown as { axe: Axe }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
        });
      };
      await axePage.goto(`${server.url}/dashboard`);
      await axePage.getByLabel('Nama pengguna').waitFor();
      expect(await violations()).toEqual([]);
      await signInOnPage(axePage, 'admin', server.demoAdminPassword!);
      await choosePeriod(axePage, MAY);
      expect(await violations()).toEqual([]);
      await axePage.locator('select[name=trend]').selectOption('all');
      await axePage.locator('[data-section=headline] [data-share]').click();
      expect(await violations()).toEqual([]);
      await axePage.getByRole('button', { name: 'dr. Rina Kartika, M.Kes' }).first().click();
      await axePage.locator('#employee-name').waitFor();
      await settled(axePage);
      expect(await violations()).toEqual([]);
    } finally {
      await open.close();
    }
  });

  it('fits a phone (390 px) and a desktop (1280 px), and prints', async () => {
    await openAsAdmin();
    await page.screenshot({ path: artifactPath('dashboard-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // Nothing but the scrolling tables is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    await page.screenshot({ path: artifactPath('dashboard-390.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('pacak-dashboard .filters').isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: artifactPath('dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'dr. Rina Kartika, M.Kes' }).first().click();
    await page.locator('#employee-name').waitFor();
    await settled(page);
    await page.screenshot({ path: artifactPath('dashboard-employee-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: artifactPath('dashboard-employee-390.png'), fullPage: true });
    // A wall screen: the same page, bigger type.
    await page.setViewportSize({ width: 2560, height: 1440 });
    await page.getByRole('button', { name: /Kembali ke ringkasan/ }).click();
    await page.locator('[data-section=headline]').waitFor();
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: artifactPath('dashboard-2560.png') });
  });

  it('works embedded in an intranet page of a site listed in CORS_ORIGINS', async () => {
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    intranet.html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Intranet</title>
<script type="module" src="${server.url}/widget/pacak-dashboard.js"></script></head>
<body><h1>Intranet kantor</h1><pacak-dashboard></pacak-dashboard></body></html>`;
    await page.goto(`${intranet.origin}/`);
    await signInOnPage(page, coordinator.username, coordinator.password);
    await choosePeriod(page, MAY);
    expect(await figure(page, 'count')).toBe('2');
    const csv = await exportFile(page.locator('[data-section=headline] [data-export=csv]'), 'csv');
    expect(csv.name).toBe('laporan-pacak-ringkasan-mei-2025.csv');
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([`pacak-dashboard:${new URL(server.url).origin}`]);
  });
});
