import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { AdminUser, ReportSubscription } from '../../server/db/models/index.js';
import { makeUser, type TestUser } from '../helpers/admin.js';
import { describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { axeScreen, openConsole, overflow } from './console-admin-fixture.js';

const SLOW = { timeout: 90_000 };

describeInBrowser('the account page: e-mail, alerts and scheduled reports', () => {
  let server: TestServer;
  let page: Page;
  let coordinator: TestUser;
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 360, height: 800 } } });
  beforeAll(async () => {
    coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
  });

  it('sets one’s own address, opts out of alerts, subscribes to the work area’s report and stops it, at 360 px', SLOW, async () => {
    const problems = pageProblems(page);
    await openConsole(page, server, coordinator, 'account');
    const screen = page.locator('pacak-console-account');
    await screen.getByLabel('Alamat surel', { exact: true }).fill('koordinator@bkk.example.go.id');
    const alerts = screen.getByLabel(/Kirimi saya peringatan nilai rendah/);
    expect(await alerts.isChecked()).toBe(true);
    await alerts.uncheck();
    await screen.getByRole('button', { name: 'Simpan', exact: true }).click();
    await screen.getByText('Tersimpan.').waitFor();
    const user = (await AdminUser.findByPk(coordinator.id))!;
    expect(user).toMatchObject({ email: 'koordinator@bkk.example.go.id', alertMail: false });

    await screen.getByText('Anda belum berlangganan laporan.').waitFor();
    await screen.getByLabel('Jadwal', { exact: true }).selectOption('quarterly');
    await screen.getByRole('button', { name: 'Berlangganan', exact: true }).click();
    await screen.locator('[data-subscription]').waitFor();
    expect(await ReportSubscription.findAll({ where: { userId: coordinator.id } })).toMatchObject([{ cadence: 'quarterly' }]);
    expect(await axeScreen(page, 'account')).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await screen.getByRole('button', { name: /Berhenti/ }).click();
    await screen.getByText('Anda belum berlangganan laporan.').waitFor();
    expect(await ReportSubscription.count({ where: { userId: coordinator.id } })).toBe(0);
    expect(problems).toEqual([]);
  });
});
