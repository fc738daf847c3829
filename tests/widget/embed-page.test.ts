import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { artifactPath, describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { DEMO_NAME, DEMO_NIP } from './rating-fixture.js';

describeInBrowser('the webmaster page at /embed', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  useBrowserSuite((suite) => ({ server, browser, context, page } = suite));
  beforeEach(async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    problems = pageProblems(page);
  });

  const snippet = () => page.locator('#snippet').inputValue();

  it('is served with a strict Content-Security-Policy and no inline script', async () => {
    const response = await fetch(`${server.url}/embed`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await fetch(`${server.url}/widget/pacak-embed-helper.js`)).status).toBe(200);
  });

  it('checks a typed NIP through the public API and gives the snippet, with a live preview', async () => {
    await page.goto(`${server.url}/embed`);
    await page.getByLabel('NIP atau kode petugas').fill(DEMO_NIP);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.locator('#nip-status').filter({ hasText: DEMO_NAME }).waitFor();
    // The element holds fallback content: a message and the hosted page's link, shown when the widget cannot be.
    const ratingUrl = (await (await fetch(`${server.url}/api/v1/employees/${DEMO_NIP}`)).json()).ratingUrl as string;
    await expect
      .poll(snippet)
      .toBe(
        `<script type="module" src="${server.url}/widget/pacak-rating.js"></script>\n<pacak-rating nip="${DEMO_NIP}">\n` +
          `  <p>Formulir penilaian tidak dapat dimuat. <a href="${ratingUrl}">Beri penilaian di halaman PACAK</a></p>\n</pacak-rating>`,
      );
    await page.locator('#preview pacak-rating [part=name]').waitFor();

    await page.getByLabel('Bahasa formulir').selectOption('en');
    await page.locator('#service option[value=cop]').waitFor({ state: 'attached' });
    await page.getByLabel(/Jenis pelayanan yang dipilih/).selectOption('cop');
    expect(await snippet()).toContain(`<pacak-rating nip="${DEMO_NIP}" lang="en" service="cop">`);
    expect(await snippet()).toContain('The rating form could not be loaded.');

    await page.getByRole('button', { name: 'Salin kode' }).click();
    await page.locator('#copy-status').filter({ hasText: 'tersalin' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet());
    await page.screenshot({ path: artifactPath('embed-page.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('has no axe-core violations, the preview widget included', async () => {
    // axe is injected as an inline script, which the page's own policy rightly refuses: bypass it here only.
    const open = await browser.newContext({ bypassCSP: true });
    try {
      const axePage = await open.newPage();
      await axePage.goto(`${server.url}/embed`);
      await axePage.getByLabel('NIP atau kode petugas').fill(DEMO_NIP);
      await axePage.getByRole('button', { name: 'Periksa' }).click();
      await axePage.locator('#preview pacak-rating [part=name]').waitFor();
      await axePage.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
      const violations = await axePage.evaluate(async () => {
        type Axe = { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> };
        const result = await (window as unknown as { axe: Axe }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
        });
        return result.violations.map((violation) => violation.id);
      });
      expect(violations).toEqual([]);
    } finally {
      await open.close();
    }
  });

  it('checks the webmaster’s site, and lets a signed-in admin allow it there', async () => {
    const site = `https://wp-${process.pid}.example.org`;
    // The WordPress plugin links here with its own address.
    await page.goto(`${server.url}/embed?site=${encodeURIComponent(`${site}/wp-admin/`)}`);
    await page.locator('#site-status').filter({ hasText: 'Belum diizinkan' }).waitFor();
    expect(await page.getByLabel('Alamat situs').inputValue()).toBe(site);
    expect(await page.locator('#site-status').textContent()).toContain('Minta administrator');
    expect(await page.locator('#allow-site').isHidden()).toBe(true);

    await page.getByLabel('Alamat situs').fill('bukan alamat');
    await page.getByRole('button', { name: 'Cek izin situs' }).click();
    expect(await page.getByLabel('Alamat situs').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);
    await page.getByLabel('Alamat situs').fill(`${site}/halaman`);
    await page.getByRole('button', { name: 'Cek izin situs' }).click();
    await page.locator('#site-status').filter({ hasText: 'tanpa halaman' }).waitFor();

    await page.getByLabel('Alamat situs').fill(site);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(server.demoAdminPassword!);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Izinkan situs ini' }).click();
    await page
      .locator('#site-status')
      .filter({ hasText: `Diizinkan: halaman ${site}` })
      .waitFor();
    const check = await (await fetch(`${server.url}/api/v1/sites/check?origin=${encodeURIComponent(site)}`)).json();
    expect(check.allowed).toBe(true);
    expect(problems).toEqual([]);
  });

  it('says so for an unknown NIP and gives no snippet', async () => {
    await page.goto(`${server.url}/embed`);
    await page.getByLabel('NIP atau kode petugas').fill('190001012000011999');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.locator('#nip-status').filter({ hasText: 'tidak ditemukan' }).waitFor();
    expect(await page.locator('#result').isHidden()).toBe(true);
  });

  it('lists the office employees to pick from after an administrator signs in, then signs out', async () => {
    await page.goto(`${server.url}/embed`);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(server.demoAdminPassword!);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#sign-in-status').filter({ hasText: 'pegawai dimuat' }).waitFor();
    // Signed in, the form has gone and sign-out is offered; signing out brings the form back.
    expect(await page.locator('#sign-in').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.locator('#sign-in-status').filter({ hasText: 'Anda sudah keluar.' }).waitFor();
    expect(await page.locator('#sign-in').isVisible()).toBe(true);
    expect(await page.locator('#pickers').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('says a wrong password is wrong, and points to the plain way on a server without sign-in', async () => {
    await page.goto(`${server.url}/embed`);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('secret');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#sign-in-status').filter({ hasText: 'Nama pengguna atau kata sandi salah.' }).waitFor();
    expect(await page.getByLabel('Kata sandi').inputValue()).toBe('');

    // This server signs in; an older one answered 404 there.
    await page.route('**/api/v1/auth/token', (route) =>
      route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"status":404}' }),
    );
    await page.getByLabel('Kata sandi').fill('secret');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#sign-in-status').filter({ hasText: 'Gunakan cara 1' }).waitFor();
    expect(await page.getByLabel('Kata sandi').inputValue()).toBe('');
    expect(problems).toEqual([]);
  });

  it('signs in, lists the employees from the admin API, and makes a person or a kiosk snippet', async () => {
    const seen: { auth?: string | undefined; body?: unknown } = {};
    await page.route('**/api/v1/auth/token', (route) => {
      seen.body = route.request().postDataJSON();
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ token: 'T0KEN', expiresAt: '2030-01-01T00:00:00Z' }),
      });
    });
    await page.route('**/api/v1/admin/employees', (route) => {
      seen.auth = route.request().headers().authorization;
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          employees: [
            { nip: DEMO_NIP, name: DEMO_NAME, workArea: { code: 'kantor-induk', name: 'Kantor Induk' }, active: true },
            {
              nip: '199011042015032003',
              name: 'Ns. Dewi Lestari, S.Kep',
              workArea: { code: 'boom-baru', name: 'Wilker Pelabuhan Boom Baru' },
              active: true,
            },
            {
              nip: '198812302014021001',
              name: 'Pegawai Lama',
              workArea: { code: 'boom-baru', name: 'Wilker Pelabuhan Boom Baru' },
              active: false,
            },
          ],
        }),
      });
    });
    await page.goto(`${server.url}/embed`);
    await page.getByLabel('Nama pengguna').fill('webmaster');
    await page.getByLabel('Kata sandi').fill('rahasia');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#pickers').waitFor();
    expect(seen).toEqual({ body: { username: 'webmaster', password: 'rahasia' }, auth: 'Bearer T0KEN' });
    expect(await page.locator('#employee option').allTextContents()).toEqual([
      'Pilih petugas',
      `${DEMO_NAME} (${DEMO_NIP})`,
      `Ns. Dewi Lestari, S.Kep (199011042015032003)`,
    ]);

    await page.getByLabel('Petugas', { exact: true }).selectOption('199011042015032003');
    await expect.poll(snippet).toContain('<pacak-rating nip="199011042015032003">');

    await page.getByLabel(/wilayah kerja, untuk tablet/).selectOption('boom-baru');
    await expect.poll(snippet).toContain('<pacak-rating kiosk work-area="boom-baru" kiosk-key="KUNCI-KIOS"></pacak-rating>');
    expect(await page.locator('#preview').innerHTML()).toBe('');
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });
});
