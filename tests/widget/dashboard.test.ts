import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { GroupReport, RankingReport, SummaryReport } from '../../server/services/reports/report-builders.js';
import { adminApi, makeUser, signIn, type TestUser } from '../helpers/admin.js';
import { describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import {
  AGUS,
  apiReport,
  choosePeriod,
  DEWI,
  figure,
  id,
  MAY,
  pageToken,
  RINA,
  seedRatings,
  settled,
  signInOnPage,
} from './dashboard-fixture.js';

describeInBrowser('the dashboard at /dashboard', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let adminToken: string;
  useBrowserSuite((suite) => ({ server, context, page } = suite), { context: { viewport: { width: 1280, height: 900 } } });
  beforeAll(async () => {
    await seedRatings(server);
    adminToken = await signIn(server, 'admin', server.demoAdminPassword!);
  });
  beforeEach(() => {
    problems = pageProblems(page);
  });

  const openAsAdmin = async () => {
    await page.goto(`${server.url}/dashboard`);
    await signInOnPage(page, 'admin', server.demoAdminPassword!);
    await choosePeriod(page, MAY);
  };

  it('is served with a strict Content-Security-Policy, no inline script and no unsafe-inline', async () => {
    const response = await fetch(`${server.url}/dashboard`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toContain('<script type="module" src="/widget/pacak-dashboard.js"></script>');
    expect((await fetch(`${server.url}/widget/pacak-dashboard.js`)).status).toBe(200);
  });

  it('signs in and shows the figures the API gives, worked out by hand too', async () => {
    await openAsAdmin();
    // 13 ratings, 259 stars: score 79.7 (B), overall 3.98; April had 2 ratings at 80.0.
    expect(await figure(page, 'count')).toBe('13');
    expect(await figure(page, 'score')).toBe('79,7');
    expect(await figure(page, 'grade')).toBe('B');
    expect(await figure(page, 'overall')).toBe('3,98');
    expect(await figure(page, 'change')).toMatch(/^[-−]0,3 poin$/);
    expect(await figure(page, 'change-count')).toBe('+11 penilaian');

    const summary = await apiReport<SummaryReport>(server, adminToken, 'summary', MAY);
    expect(await figure(page, 'count')).toBe(String(summary.totals.count));
    expect(await figure(page, 'score')).toBe(id(summary.totals.score!, 1));
    expect(await figure(page, 'overall')).toBe(id(summary.totals.overall!, 2));
    // The indicator chart's table holds the averages and star counts of the API.
    const averages = await page.locator('[data-section=indicators] table').first().locator('tbody tr td').allTextContents();
    expect(averages).toEqual(Object.values(summary.totals.averages).map((value) => id(value!, 2)));
    const profesionalStars = await page
      .locator('[data-section=indicators] table')
      .nth(1)
      .locator('tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    expect(profesionalStars).toEqual(summary.stars.profesional.map(String));

    const ranking = await apiReport<RankingReport>(server, adminToken, 'ranking', MAY);
    expect(ranking.ranked.map((row) => row.nip)).toEqual([RINA, AGUS]);
    for (const row of ranking.ranked) {
      const line = page.locator(`[data-section=ranking] tr[data-nip="${row.nip}"]`).first();
      expect(await line.locator('[data-col=score]').textContent()).toBe(id(row.score!, 1));
      expect(await line.locator('[data-col=count]').textContent()).toBe(String(row.count));
    }
    // Dewi has 2 ratings: apart, among those not yet ranked.
    expect(await page.locator(`[data-section=ranking] table`).nth(1).locator(`tr[data-nip="${DEWI}"] [data-col=score]`).textContent()).toBe(
      '44,0',
    );

    const areas = await apiReport<GroupReport>(server, adminToken, 'work-areas', MAY);
    for (const row of areas.rows.filter((r) => r.count > 0)) {
      expect(await page.locator(`[data-section=work-areas] tr[data-code="${row.code}"] [data-col=score]`).textContent()).toBe(
        id(row.score!, 1),
      );
    }
    const types = await apiReport<GroupReport>(server, adminToken, 'service-types', MAY);
    expect(await page.locator('[data-section=service-types] tbody tr').count()).toBe(types.rows.filter((r) => r.count > 0).length);
    expect(problems).toEqual([]);
  });

  it('changes the figures with the filters', async () => {
    await openAsAdmin();
    await page.getByLabel('Hanya penilaian terverifikasi').check();
    await expect.poll(() => figure(page, 'count')).toBe('5');
    expect(await figure(page, 'score')).toBe('76,0');
    await page.getByLabel('Hanya penilaian terverifikasi').uncheck();
    await expect.poll(() => figure(page, 'count')).toBe('13');

    await page.locator('select[name=workArea]').selectOption('boom-baru');
    await expect.poll(() => figure(page, 'count')).toBe('2');
    expect(await figure(page, 'score')).toBe('44,0');
    expect(await page.locator(`[data-section=ranking] tr[data-nip="${RINA}"]`).count()).toBe(0);
    await page.locator('select[name=workArea]').selectOption('');

    // COP only: Rina's 4 fives, Agus's 5 and Dewi's 2: 217 stars / 11 = 78.9.
    await page.locator('select[name=serviceType]').selectOption('cop');
    await expect.poll(() => figure(page, 'count')).toBe('11');
    expect(await figure(page, 'score')).toBe('78,9');
    const token = await pageToken(page);
    const cop = await apiReport<SummaryReport>(server, token, 'summary', { ...MAY, serviceType: 'cop' });
    expect(await figure(page, 'score')).toBe(id(cop.totals.score!, 1));

    // A preset replaces the dates; a period that ends before it starts is refused on the spot.
    await page.locator('select[name=preset]').selectOption('last-quarter');
    await expect.poll(() => page.getByLabel('Dari tanggal').inputValue()).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    await page.getByLabel('Dari tanggal').fill('2025-06-01');
    await page.getByLabel('Sampai tanggal').fill('2025-05-01');
    await page.getByText('tanggal akhir tidak boleh sebelum tanggal awal').waitFor();
  });

  it('sorts the ranking and opens an employee with figures, trend, masked comments and the evidence button', async () => {
    await openAsAdmin();
    const names = () => page.locator('[data-section=ranking] table').first().locator('tbody th').allTextContents();
    expect(await names()).toEqual(['dr. Rina Kartika, M.Kes', 'Agus Salim, S.KM']);
    await page
      .locator('[data-section=ranking] table')
      .first()
      .getByRole('button', { name: /Peringkat/ })
      .click();
    expect(await names()).toEqual(['Agus Salim, S.KM', 'dr. Rina Kartika, M.Kes']);
    expect(await page.locator('[data-section=ranking] table').first().locator('th[aria-sort=descending]').count()).toBe(1);
    await page.locator('[data-section=ranking] table').first().getByRole('button', { name: /Nama/ }).click();
    expect(await names()).toEqual(['Agus Salim, S.KM', 'dr. Rina Kartika, M.Kes']);

    await page.getByRole('button', { name: 'dr. Rina Kartika, M.Kes' }).first().click();
    await page.locator('#employee-name').waitFor();
    await settled(page);
    expect(await page.locator('#employee-name').evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await figure(page, 'count')).toBe('6');
    expect(await figure(page, 'score')).toBe('94,7');
    expect(await figure(page, 'grade')).toBe('A');
    const comments = page.locator('[data-section=comments] tbody tr');
    expect(await comments.count()).toBe(2);
    expect(await comments.first().textContent()).toMatch(/0812\*+\d{4}/);
    expect(await comments.first().textContent()).toContain('Cepat dan ramah');
    expect(await page.locator('[data-export=pdf]').count()).toBe(1);
    expect(await page.locator('[data-section=employee] [data-share]').count()).toBe(1);

    await page.getByRole('button', { name: /Kembali ke ringkasan/ }).click();
    await page.locator('[data-section=headline]').waitFor();
    expect(problems).toEqual([]);
  });

  it('keeps a coordinator to their work area, without a work-area choice or share links', async () => {
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    await page.goto(`${server.url}/dashboard`);
    await signInOnPage(page, coordinator.username, coordinator.password);
    await choosePeriod(page, MAY);
    expect(await figure(page, 'count')).toBe('2');
    expect(await figure(page, 'score')).toBe('44,0');
    expect(await page.locator('select[name=workArea]').count()).toBe(0);
    expect(await page.locator('[data-section=work-areas]').count()).toBe(0);
    expect(await page.locator('[data-share]').count()).toBe(0);
    const listed = await page
      .locator('[data-section=ranking] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-nip')));
    expect(listed).toContain(DEWI);
    expect(listed).not.toContain(RINA);
    expect(await page.locator('pacak-dashboard').textContent()).not.toContain('Kantor Induk');
    const token = await pageToken(page);
    const other = await fetch(`${server.url}/api/v1/reports/summary?from=${MAY.from}&to=${MAY.to}&workArea=kantor-induk`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(other.status).toBe(403);

    // Their work area's QR board opens for printing, styled and with its print button, under the page's policy.
    const boardProblems: string[] = [];
    context.on('console', (message) => message.page() !== page && message.type() === 'error' && boardProblems.push(message.text()));
    const [board] = await Promise.all([context.waitForEvent('page'), page.locator('[data-board]').click()]);
    await board.locator('.sheet').first().waitFor();
    expect(await board.title()).toBe('Papan kode QR Wilker Pelabuhan Boom Baru');
    expect(
      await board
        .locator('.sheet')
        .first()
        .evaluate((sheet) => getComputedStyle(sheet).display),
    ).toBe('grid');
    await board.locator('[data-print]').waitFor();
    expect(await board.locator('.card .name').allTextContents()).toEqual(expect.arrayContaining(['Ns. Dewi Lestari, S.Kep']));
    expect(boardProblems).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('gives a viewer the reports and exports but no share link', async () => {
    const viewer = await makeUser(server, 'viewer');
    await page.goto(`${server.url}/dashboard`);
    await signInOnPage(page, viewer.username, viewer.password);
    await choosePeriod(page, MAY);
    expect(await figure(page, 'count')).toBe('13');
    expect(await page.locator('[data-export=csv]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-share]').count()).toBe(0);
    expect(await page.locator('select[name=workArea]').count()).toBe(1);
  });

  it('keeps the token in sessionStorage only, and says so when the session ends on a 401', async () => {
    const viewer: TestUser = await makeUser(server, 'viewer');
    await page.goto(`${server.url}/dashboard`);
    await page.getByLabel('Nama pengguna').fill(viewer.username);
    await page.getByLabel('Kata sandi').fill('not the password');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    await signInOnPage(page, viewer.username, viewer.password);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await pageToken(page)).toMatch(/^ey/);

    // A reload keeps the session of this tab.
    await page.reload();
    await page.locator('[data-figure=count]').waitFor();

    // The account is deactivated: the next request answers 401 and the dashboard goes back to sign-in.
    // A click, not check(): the 401 may replace the form before Playwright reads the box back.
    expect((await adminApi(server, adminToken).post(`/users/${viewer.id}/deactivate`)).status).toBe(200);
    await page.getByLabel('Hanya penilaian terverifikasi').click();
    await page.getByText('Sesi Anda telah berakhir. Silakan masuk lagi.').waitFor();
    expect(await page.locator('[data-figure]').count()).toBe(0);
    expect(await pageToken(page)).toBe('');
    await expect
      .poll(() =>
        page.evaluate(() => (document.querySelector('pacak-dashboard')?.shadowRoot?.activeElement as HTMLInputElement | null)?.name),
      )
      .toBe('username');
  });

  it('signs out by itself when the token expires', async () => {
    await page.clock.install();
    await page.goto(`${server.url}/dashboard`);
    await signInOnPage(page, 'admin', server.demoAdminPassword!);
    // Moved in the page (disconnected and connected again), it keeps its timer.
    await page.evaluate(() => {
      const dashboard = document.querySelector('pacak-dashboard')!;
      dashboard.remove();
      document.querySelector('main')!.append(dashboard);
    });
    await page.locator('[data-figure=count]').waitFor();
    await page.clock.fastForward('01:00:05');
    await page.getByText('Sesi Anda telah berakhir. Silakan masuk lagi.').waitFor();
    expect(await pageToken(page)).toBe('');
    // An expired session left in the tab is not used again either.
    await page.evaluate(() =>
      sessionStorage.setItem(
        `pacak-dashboard:${location.origin}`,
        JSON.stringify({ token: 'a.eyJyb2xlIjoiYWRtaW4ifQ.b', expiresAt: '2020-01-01T00:00:00Z' }),
      ),
    );
    await page.reload();
    await page.getByText('Sesi Anda telah berakhir. Silakan masuk lagi.').waitFor();
  });

  it('speaks English with ?lang=en', async () => {
    await page.goto(`${server.url}/dashboard?lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await signInOnPage(page, 'admin', server.demoAdminPassword!, { user: 'Username', password: 'Password', submit: 'Sign in' });
    await page.getByLabel('From').fill(MAY.from);
    await page.getByLabel('To', { exact: true }).fill(MAY.to);
    await page.locator(`[data-period="${MAY.from}/${MAY.to}"]`).waitFor();
    await settled(page);
    expect(await figure(page, 'score')).toBe('79.7');
    await page.getByRole('heading', { name: 'Staff ranking' }).waitFor();
    expect(await page.locator('[data-figure=grade] + dd').textContent()).toBe('Good');
  });
});
