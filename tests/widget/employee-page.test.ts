import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setEmployeePin } from '../../server/services/qr/pins.js';
import { artifactPath, describeInBrowser, launchBrowser } from '../helpers/browser.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { axeViolations, expectFits } from './console-fixture.js';
import { DEMO_NAME, DEMO_NIP } from './rating-fixture.js';

describeInBrowser("an employee's own page on a phone", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    await setEmployeePin(DEMO_NIP, '480213');
    const day = (days: number) => new Date(Date.now() - days * 86_400_000);
    await addRatings(server.sequelize, [
      { nip: DEMO_NIP, scores: [5, 5, 5, 4, 5], at: day(40), comment: 'Sangat membantu, WA saya 0812 3456 7890' },
      { nip: DEMO_NIP, scores: [2, 1, 2, 2, 1], at: day(2), comment: 'Antrean terlalu lama' },
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in and out by keyboard at 360 px and shows the comments without the phone number, fitting the screen, axe-clean', async () => {
    // axe goes in as a script, which the page's own policy rightly refuses: this context bypasses it.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/saya`);
      await page.getByRole('heading', { name: 'Masuk ke halaman saya' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('NIP atau kode pegawai').focus();
      await page.keyboard.type(DEMO_NIP);
      await page.keyboard.press('Tab');
      await page.keyboard.type('480213');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { name: 'Komentar pelanggan' }).waitFor();
      // Focus moves to the page's heading, the employee's name, once signed in.
      expect(await page.evaluate(() => document.querySelector('pacak-employee')?.shadowRoot?.activeElement?.textContent)).toBe(DEMO_NAME);
      const comments = page.locator('pacak-employee').locator('[part=comment]');
      expect(await comments.allTextContents()).toEqual([
        expect.stringContaining('Antrean terlalu lama'),
        expect.stringContaining('Sangat membantu, WA saya [nomor]'),
      ]);
      expect(await page.locator('pacak-employee').textContent()).not.toContain('3456');
      expect(await page.locator('pacak-employee').evaluate((el) => el.shadowRoot?.textContent ?? '')).not.toMatch(/0812|7890/);
      await page.getByRole('img', { name: `Kode QR penilaian pelayanan ${DEMO_NAME}` }).waitFor();
      await page.getByRole('button', { name: 'Unduh PDF' }).waitFor();
      await expectFits(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: artifactPath('employee-page-360.png'), fullPage: true });
      await page.setViewportSize({ width: 2560, height: 1440 });
      await expectFits(page);
      await page.screenshot({ path: artifactPath('employee-page-2560.png') });
      // Signing out ends the session on the server and brings the form back, with the keyboard in its first field.
      const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('pacak-employee-session'))) ?? '{}') as { token?: string };
      await page.getByRole('button', { name: 'Keluar' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Anda sudah keluar.').waitFor();
      expect(await page.evaluate(() => document.querySelector('pacak-employee')?.shadowRoot?.activeElement?.getAttribute('name'))).toBe(
        'nip',
      );
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      const after = await fetch(`${server.url}/api/v1/employee/me`, { headers: { authorization: `Bearer ${saved.token ?? ''}` } });
      expect(after.status).toBe(401);
    } finally {
      await context.close();
    }
  });
  it('speaks English at /saya?lang=en and shows the figures for another span of months, chosen by keyboard, axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/saya?lang=en`);
      await page.getByRole('heading', { name: 'Sign in to my page' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByLabel('NIP or staff code').fill(DEMO_NIP);
      await page.getByLabel('PIN').fill('480213');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: "Customers' comments" }).waitFor();
      const card = page.locator('pacak-employee').locator('[part=figures]');
      expect(await card.locator('tbody tr').count()).toBe(12);
      await page.getByLabel('Time span').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await card.getByText('The last 24 months', { exact: false }).waitFor();
      expect(await card.locator('tbody tr').count()).toBe(24);
      await expectFits(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
