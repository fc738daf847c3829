import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { AppraisalRuleSet } from '../../server/db/models/index.js';
import { makeUser, type TestUser } from '../helpers/admin.js';
import { artifactPath, describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { axeScreen, openConsole, overflow, settled } from './console-admin-fixture.js';

describeInBrowser('the appraisal settings screen of the console', () => {
  let server: TestServer;
  let page: Page;
  let admin: TestUser;
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 1280, height: 900 } } });
  beforeAll(async () => {
    admin = await makeUser(server, 'admin');
  });

  const screen = (selector: string) => page.locator(`pacak-console-appraisal ${selector}`);

  it(
    'sets new weights from a day by keyboard, refuses all-zero weights, and is axe-clean in Indonesian and English',
    { timeout: 90_000 },
    async () => {
      const problems = pageProblems(page);
      await openConsole(page, server, admin, 'appraisal');
      expect(await axeScreen(page, 'appraisal')).toEqual([]);

      // All zero: refused by the server, shown beside the weights, nothing stored.
      await page.getByLabel('Berlaku mulai').fill('2026-08-01');
      for (const label of ['Penilaian pelanggan', 'Kehadiran', 'Hasil kerja SKP']) await page.getByLabel(label, { exact: true }).fill('0');
      await page.getByLabel('Hasil kerja SKP', { exact: true }).press('Enter');
      await expect.poll(() => screen('[role=alert]').textContent()).toContain('Periksa isian');
      await screen('#weights-error').waitFor();
      expect(await AppraisalRuleSet.count()).toBe(0);
      expect(await axeScreen(page, 'appraisal')).toEqual([]);

      // By keyboard: from the customers' weight, Tab to the next ones, Enter saves.
      await page.getByLabel('Penilaian pelanggan', { exact: true }).focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('60');
      for (const value of ['25', '15']) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('ControlOrMeta+a');
        await page.keyboard.type(value);
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => screen('[role=status]').textContent()).toContain('berlaku mulai 2026-08-01');
      const saved = await AppraisalRuleSet.findOne();
      expect(JSON.parse(saved!.rules)).toMatchObject({ weights: { customers: 60, attendance: 25, skp: 15 }, periodKind: 'quarterly' });
      await screen('tr[data-from="2026-08-01"]').waitFor();

      for (const width of [360, 2560]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await overflow(page), `${width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: artifactPath(`console-appraisal-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/admin/appraisal?lang=en`);
      await settled(page, 'appraisal');
      await page.getByRole('group', { name: 'Weights of the combined score' }).waitFor();
      expect(await axeScreen(page, 'appraisal')).toEqual([]);
      expect(problems).toEqual([]);
    },
  );

  it('sets the required parts, the attendance penalties and the SKP values from a day, by keyboard', { timeout: 30_000 }, async () => {
    await openConsole(page, server, admin, 'appraisal');
    await page.getByLabel('Berlaku mulai').fill('2026-09-01');
    await page.getByLabel('Kehadiran wajib').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Per jam terlambat').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2');
    await page.getByLabel('Di atas ekspektasi').fill('95');
    await page.keyboard.press('Enter');
    await expect.poll(() => screen('[role=status]').textContent()).toContain('berlaku mulai 2026-09-01');
    const saved = await AppraisalRuleSet.findOne({ where: { effectiveFrom: '2026-09-01' } });
    expect(JSON.parse(saved!.rules)).toMatchObject({
      weights: { customers: 60, attendance: 25, skp: 15 },
      combined: {
        required: ['customers', 'attendance'],
        attendancePenalty: { latePerHour: 2, earlyLeavePerHour: 0.5 },
        skpValues: { below: 60, meeting: 80, above: 95 },
      },
    });
    expect(await screen('tr[data-from="2026-09-01"]').textContent()).toContain('wajib: penilaian pelanggan, kehadiran');
    expect(await axeScreen(page, 'appraisal')).toEqual([]);
  });
});
