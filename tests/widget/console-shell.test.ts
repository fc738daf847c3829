import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { adminApi, makeUser, signIn } from '../helpers/admin.js';
import { artifactPath, describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { axePage, axeViolations, expectFits, openConsole, signInConsole } from './console-fixture.js';
import { MAY, RINA, seedRatings } from './dashboard-fixture.js';

describeInBrowser('the console at /admin', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  useBrowserSuite((suite) => ({ server, browser, page } = suite));

  const may = `?from=${MAY.from}&to=${MAY.to}`;

  it('answers every /admin address with the console page, a strict policy and chunks /widget/ serves', async () => {
    await seedRatings(server);
    const response = await fetch(`${server.url}/admin/employees/123?x=1`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/widget/pacak-console.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const entry = await (await fetch(`${server.url}/widget/pacak-console.js`)).text();
    const chunks = [...entry.matchAll(/["'.]\/(console-[a-z0-9-]+\.js)["']/g)].map((match) => match[1]);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) expect((await fetch(`${server.url}/widget/${chunk}`)).status).toBe(200);
  });

  it('opens a deep link after sign-in; names are links; Back and Forward move between views', { timeout: 90_000 }, async () => {
    const problems = pageProblems(page);
    await openConsole(page, server, `/admin/reports${may}`);
    const name = page.locator(`a[data-nip="${RINA}"]`).first();
    await name.waitFor();
    expect(await name.getAttribute('href')).toBe(`/admin/reports/employees/${RINA}${may}`);
    await name.click();
    await page.locator('#employee-name').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/reports/employees/${RINA}`);
    await page.goBack();
    await page.locator('[data-section=ranking]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/reports');
    await page.goForward();
    await page.locator('#employee-name').waitFor();
    // The same address in a fresh tab (no session there) asks for a sign-in, then shows the same view.
    const other = await page.context().newPage();
    await openConsole(other, server, `/admin/reports/employees/${RINA}${may}`);
    await other.locator('#employee-name').filter({ hasText: 'Rina' }).waitFor();
    await other.close();
    expect(problems).toEqual([]);
  });

  it('signs out from any screen, keeps the address, and shows why on the sign-in form', async () => {
    await openConsole(page, server, '/admin/employees');
    await page.locator('table[data-employees]').waitFor();
    await page.locator('[data-sign-out]').click();
    await page.getByText('Anda sudah keluar.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/employees');
    expect(await page.locator('table[data-employees]').count()).toBe(0);
    // An ended session (here: the token refused) says so and comes back to the same view.
    await signInConsole(page, 'admin', server.demoAdminPassword!);
    await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('pacak-dashboard:')) as string;
      sessionStorage.setItem(
        key,
        JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key) as string), expiresAt: new Date(Date.now() - 1000).toISOString() }),
      );
    });
    await page.reload();
    await page.getByText('Sesi Anda telah berakhir', { exact: false }).waitFor();
  });

  it('holds an account with a generated password at the password form until it chooses one', { timeout: 90_000 }, async () => {
    const created = await adminApi(server, await signIn(server, 'admin', server.demoAdminPassword!)).post<{ password: string }>('/users', {
      username: 'admin.konsol',
      role: 'admin',
    });
    await page.goto(`${server.url}/admin/employees`);
    await signInConsole(page, 'admin.konsol', created.body.password);
    await page.locator('[data-must-change]').waitFor();
    expect(await page.locator('nav a').count()).toBe(0);
    await page.getByLabel('Kata sandi sekarang').fill(created.body.password);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('pendek');
    await page.getByLabel('Ulangi kata sandi baru').fill('pendek');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByText('Paling sedikit 12 karakter.').first().waitFor();
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('konsol kantor kami');
    await page.getByLabel('Ulangi kata sandi baru').fill('konsol kantor kami');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.locator('table[data-employees]').waitFor();
    expect(await page.locator('[data-must-change]').count()).toBe(0);
    expect(await signIn(server, 'admin.konsol', 'konsol kantor kami')).toBeTruthy();
  });

  it('shows a viewer the reports only: no management in the menu, and a management address refused', async () => {
    const viewer = await makeUser(server, 'viewer');
    await page.goto(`${server.url}/admin`);
    await signInConsole(page, viewer.username, viewer.password);
    await page.locator('[data-section=headline]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/reports');
    // Readers see the reports: the customers' ratings and the satisfaction survey.
    expect(await page.locator('nav a').allTextContents()).toEqual(['Laporan', 'SKM']);
    await page.goto(`${server.url}/admin/employees`);
    await page.getByText('Peran Anda tidak dapat membuka halaman ini.').waitFor();
    expect(await page.locator('table[data-employees]').count()).toBe(0);
  });

  it('switches to English and fits a phone, a desktop and a wall screen', { timeout: 120_000 }, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openConsole(page, server, `/admin/reports${may}`);
    await page.locator('[data-section=ranking]').waitFor();
    // The first screen of a phone shows the headline, not only filters.
    const count = await page.locator('[data-figure=count]').first().boundingBox();
    expect(count!.y + count!.height).toBeLessThan(844);
    await expectFits(page);
    await page.screenshot({ path: artifactPath('console-390.png'), fullPage: true });
    await page.locator('[data-switch-lang]').click();
    await page.getByRole('link', { name: 'Employees' }).waitFor();
    for (const width of [1280, 2560]) {
      await page.setViewportSize({ width, height: 1000 });
      await expectFits(page);
      await page.locator(`a[data-nip="${RINA}"]`).first().click();
      await page.locator('#employee-name').waitFor();
      await expectFits(page);
      await page.screenshot({ path: artifactPath(`console-employee-${width}.png`), fullPage: true });
      await page.goBack();
      await page.locator('[data-section=ranking]').waitFor();
    }
  });

  for (const width of [390, 1280]) {
    it(`has no axe-core violations in either language at ${width} px`, { timeout: 180_000 }, async () => {
      const { page: checked, close } = await axePage(browser, width);
      try {
        await checked.goto(`${server.url}/admin/reports${may}`);
        await checked.getByLabel('Nama pengguna').waitFor();
        expect(await axeViolations(checked)).toEqual([]);
        await signInConsole(checked, 'admin', server.demoAdminPassword!);
        for (const lang of ['id', 'en']) {
          await checked.locator('[data-section=ranking]').waitFor();
          expect(await axeViolations(checked)).toEqual([]);
          await checked.locator('nav a[href="/admin/employees"]').click();
          await checked.locator('table[data-employees]').waitFor();
          expect(await axeViolations(checked)).toEqual([]);
          await checked.locator('[data-add]').click();
          await checked.locator('[data-employee-form] button[type=submit]').click();
          await checked.locator('.field-error').first().waitFor();
          expect(await axeViolations(checked)).toEqual([]);
          await checked.locator('a[href="/admin/account"]').first().click();
          // The password form, and the e-mail and scheduled-report sections once they have loaded.
          await checked.locator('pacak-console-account form').first().waitFor();
          await checked.locator('pacak-account-reports form').waitFor();
          expect(await axeViolations(checked)).toEqual([]);
          if (lang === 'id') await checked.locator('[data-switch-lang]').click();
          await checked.goto(`${server.url}/admin/reports${may}`);
        }
      } finally {
        await close();
      }
    });
  }
});
