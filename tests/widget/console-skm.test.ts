import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SkmFollowUp } from '../../server/db/models/index.js';
import { describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { storeQuarter } from '../helpers/skm.js';
import { axeViolations, expectFits, openConsole } from './console-fixture.js';

describeInBrowser('the SKM screen of the console', () => {
  let server: TestServer;
  let page: Page;
  // axe goes in as a script, which the console's own policy rightly refuses.
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 360, height: 800 }, bypassCSP: true } });

  it("shows the quarter's IKM table, and an admin saves the follow-up plan of the lowest element", async () => {
    // 50 questionnaires with IKM 90,50 (A) and Waktu Penyelesaian lowest at 3,40 (see skm-reports.test.ts).
    await storeQuarter('2024-02-15', 'vaksinasi-internasional', 50, [185, 180, 170, 182, 181, 183, 190, 178, 180]);
    await openConsole(page, server, '/admin/skm/2024-Q1');
    const ikm = page.locator('pacak-console-skm [data-ikm]');
    await ikm.waitFor({ timeout: 20_000 });
    expect(await ikm.textContent()).toBe('90,50');
    await expect(page.locator('pacak-console-skm #skm-follow-up + p').textContent()).resolves.toContain('Waktu Penyelesaian');
    expect(await axeViolations(page)).toEqual([]);
    await expectFits(page);

    await page.locator('pacak-console-skm textarea[name=plan]').fill('Menambah petugas loket pada jam sibuk.');
    await page.locator('pacak-console-skm select[name=status]').selectOption('berjalan');
    await page.locator('pacak-console-skm button', { hasText: 'Simpan rencana' }).click();
    await expect
      .poll(async () => (await SkmFollowUp.findOne({ where: { periodKey: '2024-Q1', element: 'waktu' } }))?.status, { timeout: 15_000 })
      .toBe('berjalan');
  });
});
