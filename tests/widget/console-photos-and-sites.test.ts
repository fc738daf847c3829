import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { AllowedOrigin, Employee } from '../../server/db/models/index.js';
import { signIn } from '../helpers/admin.js';
import { describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import { pngOf } from '../helpers/images.js';
import type { TestServer } from '../helpers/server.js';
import { axeScreen, overflow, openConsole as openAs } from './console-admin-fixture.js';
import { expectFits, openConsole } from './console-fixture.js';

const SLOW = { timeout: 60_000 };
/** dr. Rina Kartika, of the demo office. */
const RINA = '199203152019032001';

/** The width the browser drew an image at from its own pixels: 0 when it was refused or broken. */
const drawn = (image: Locator) => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1));

describeInBrowser('employee photos and allowed sites in the console', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 1280, height: 900 } } });

  it(
    'refuses a file that is no photo beside its field, then shows an upload on the screen, the list and the rating page',
    SLOW,
    async () => {
      const problems = pageProblems(page);
      await openConsole(page, server, `/admin/employees/${RINA}`);
      const file = page.locator('#photo-file');
      await file.setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('ini bukan gambar') });
      await page.locator('[data-photo-upload]').click();
      await expect.poll(() => page.locator('[data-photo-error]').textContent()).toContain('harus gambar JPEG, PNG atau WebP');
      expect(await file.getAttribute('aria-invalid')).toBe('true');
      expect((await Employee.findOne({ where: { nip: RINA } }))!.photoUrl).toBeNull();

      await file.setInputFiles({ name: 'rina.png', mimeType: 'image/png', buffer: pngOf(120, 120) });
      await page.locator('[data-photo-upload]').click();
      await expect.poll(() => drawn(page.locator('[data-photo-preview]'))).toBe(120);
      expect(await page.locator('[data-photo-status]').textContent()).toBe('Foto disimpan.');
      const ratingUrl = (await page.locator('[data-rating-url]').textContent())!.trim();

      await page.goto(`${server.url}/admin/employees?q=rina`);
      await expect.poll(() => drawn(page.locator(`tr[data-nip="${RINA}"] img[data-photo]`))).toBe(120);

      await page.goto(ratingUrl);
      await expect.poll(() => drawn(page.locator('pacak-rating img[part=photo]'))).toBe(120);
      expect(problems).toEqual([]);

      await page.goto(`${server.url}/admin/employees/${RINA}`);
      await page.locator('[data-photo-remove]').click();
      await page.locator('[data-photo-none]').waitFor();
      expect((await Employee.findOne({ where: { nip: RINA } }))!.photoUrl).toBeNull();
    },
  );

  it('adds an allowed site after a refusal beside its field, checks it, and removes it', SLOW, async () => {
    const admin = { username: 'admin', password: server.demoAdminPassword! };
    await openAs(page, server, admin, 'settings');
    const origin = page.locator('#site-origin');
    await origin.fill('https://situs.example.go.id/halaman');
    await page.getByRole('button', { name: 'Tambah situs', exact: true }).click();
    await expect.poll(() => page.locator('#site-origin-error').textContent()).toContain('cukup alamat situsnya');
    await origin.fill('https://situs.example.go.id');
    await page.getByRole('button', { name: 'Tambah situs', exact: true }).click();
    const row = page.locator('tr[data-origin="https://situs.example.go.id"]');
    await row.waitFor();
    await expect.poll(() => page.locator('[data-site-verdict]').textContent()).toContain('boleh mengirim penilaian ke kantor ini');

    await page.locator('#site-check').fill('https://lain.example.org');
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    await expect.poll(() => page.locator('[data-site-verdict]').textContent()).toContain('belum boleh');

    await row.locator('[data-action=remove]').click();
    await row.waitFor({ state: 'detached' });
    expect(await AllowedOrigin.count({ where: { origin: 'https://situs.example.go.id' } })).toBe(0);
  });

  it('is axe-clean with a photo in both languages on a phone and a desktop, the list fitting', SLOW, async () => {
    const token = await signIn(server, 'admin', server.demoAdminPassword!);
    await fetch(`${server.url}/api/v1/admin/employees/${RINA}/photo`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: new Uint8Array(pngOf(64, 64)),
    });
    await openConsole(page, server, `/admin/employees/${RINA}`);
    await page.locator('[data-photo-preview]').waitFor();
    const found: string[] = [];
    for (const lang of ['id', 'en'] as const) {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}/admin/employees/${RINA}?lang=${lang}`);
        await page.locator('[data-photo-form]').waitFor();
        found.push(...(await axeScreen(page, 'employees')).map((line) => `${lang} ${width}: ${line}`));
        if ((await overflow(page)) > 0) found.push(`${lang}: wider than ${width} px`);
      }
    }
    expect(found).toEqual([]);
    // The list with its photos keeps its table inside the card, from a phone to a wall screen.
    for (const width of [390, 2560]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}/admin/employees`);
      await page.locator('table[data-employees] tbody tr').first().waitFor();
      await expectFits(page);
    }
  });
});
