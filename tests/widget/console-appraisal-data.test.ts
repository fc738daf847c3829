import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { AttendanceMonth, SkpResult } from '../../server/db/models/index.js';
import { makeUser, type TestUser } from '../helpers/admin.js';
import { artifactPath, describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { axeScreen, openConsole, overflow } from './console-admin-fixture.js';

const AGUS = '198507222010121002';
const RINA = '199203152019032001';

const csv = (lines: string[]) => ({ name: 'rekap.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });

describeInBrowser('the attendance and SKP imports of the console', () => {
  let server: TestServer;
  let page: Page;
  let admin: TestUser;
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 360, height: 800 } } });
  beforeAll(async () => {
    admin = await makeUser(server, 'admin');
  });

  const attendance = () => page.locator('pacak-console-appraisal-data [data-import-kind=kehadiran]');
  const skp = () => page.locator('pacak-console-appraisal-data [data-import-kind=skp]');

  it(
    'refuses a month with bad rows, each told on its row, saving nothing; then checks and saves a good month by keyboard at 360 px',
    { timeout: 30_000 },
    async () => {
      const problems = pageProblems(page);
      await openConsole(page, server, admin, 'appraisal-data');
      expect(await axeScreen(page, 'appraisal-data')).toEqual([]);
      const header = 'NIP;Bulan;Hari kerja;Hadir;Cuti;Tanpa keterangan;Terlambat (menit);Pulang cepat (menit)';

      await attendance()
        .locator('input[type=file]')
        .setInputFiles(
          csv([header, `${AGUS};2026-07;23;21;2;0;35;0`, `199999999999999999;2026-07;23;23;0;0;0;0`, `${RINA};2026-07;23;20;1;1;0;0`]),
        );
      await attendance().locator('[data-check]').click();
      await attendance().locator('tr[data-line="3"][data-action=refuse]').waitFor();
      expect(await attendance().locator('tr[data-line="3"]').textContent()).toContain('NIP: bukan pegawai kantor ini');
      expect(await attendance().locator('tr[data-line="4"]').textContent()).toContain(
        'tidak cocok: hadir 20 + cuti 1 + tanpa keterangan 1 tidak sama dengan 23',
      );
      expect(await attendance().locator('[data-import-status]').textContent()).toContain('2 baris bermasalah');
      expect(await attendance().locator('[data-apply]').count()).toBe(0);
      expect(await AttendanceMonth.count()).toBe(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await attendance()
        .locator('input[type=file]')
        .setInputFiles(csv([header, `${AGUS};2026-07;23;21;2;0;35;0`, `${RINA};07/2026;23;22;0;1;0;15`]));
      await attendance().locator('[data-check]').focus();
      await page.keyboard.press('Enter');
      await attendance().locator('[data-apply]').waitFor();
      expect(await attendance().locator('tr[data-action=add]').count()).toBe(2);
      expect(await AttendanceMonth.count()).toBe(0);
      await attendance().locator('[data-apply]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => attendance().locator('[data-import-status]').textContent()).toContain('Impor selesai: 2 ditambah');
      expect(await AttendanceMonth.count()).toBe(2);
      const july = page.locator('pacak-console-appraisal-data table[data-imported=attendance] tr[data-code="2026-07"]');
      await expect.poll(() => july.textContent()).toContain('Juli 2026');
      expect(await july.locator('td.num').textContent()).toBe('2');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifactPath('console-appraisal-data-360.png'), fullPage: true });
      expect(problems).toEqual([]);
    },
  );

  it(
    'imports a quarter of SKP results in English after refusing a row with a wrong predikat, and gives its CSV template',
    { timeout: 30_000 },
    async () => {
      await openConsole(page, server, admin, 'appraisal-data', 'en');
      const header = 'NIP;Periode;Hasil kerja;Perilaku kerja;Predikat';
      await skp()
        .locator('input[type=file]')
        .setInputFiles(csv([header, `${AGUS};Triwulan III 2026;Sesuai ekspektasi;Di atas ekspektasi;`, `${RINA};2026-Q3;;;Luar biasa`]));
      await skp().locator('[data-check]').click();
      await skp().locator('tr[data-line="3"][data-action=refuse]').waitFor();
      expect(await skp().locator('tr[data-line="3"]').textContent()).toContain(
        'Predikat: must be Sangat Baik, Baik, Butuh Perbaikan, Kurang or Sangat Kurang',
      );
      expect(await SkpResult.count()).toBe(0);

      await skp()
        .locator('input[type=file]')
        .setInputFiles(csv([header, `${AGUS};Triwulan III 2026;Sesuai ekspektasi;Di atas ekspektasi;`, `${RINA};2026-Q3;;;Baik`]));
      await skp().locator('[data-check]').click();
      await skp().locator('tr[data-line="2"]', { hasText: 'Meeting expectations' }).waitFor();
      await skp().locator('[data-apply]').click();
      await expect.poll(() => skp().locator('[data-import-status]').textContent()).toContain('Import done: 2 added');
      expect(await SkpResult.count({ where: { period: '2026-Q3' } })).toBe(2);
      const quarter = page.locator('pacak-console-appraisal-data table[data-imported=skp] tr[data-code="2026-Q3"]');
      await expect.poll(() => quarter.locator('td.num').textContent()).toBe('2');
      const download = page.waitForEvent('download');
      await skp().locator('[data-template]').click();
      const template = await download;
      expect(template.suggestedFilename()).toBe('templat-skp.csv');
      expect(readFileSync((await template.path())!, 'utf8')).toBe('\uFEFFNIP;Periode;Hasil kerja;Perilaku kerja;Predikat\r\n');
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await axeScreen(page, 'appraisal-data')).toEqual([]);
      await page.setViewportSize({ width: 2560, height: 1200 });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    },
  );

  it('orders the reports’ ranking by the combined score when asked, and keeps the choice in the address', { timeout: 30_000 }, async () => {
    await page.goto(`${server.url}/admin/reports?period=this-month&lang=id`);
    await page.getByLabel('Nama pengguna').fill(admin.username);
    await page.getByLabel('Kata sandi').fill(admin.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.locator('pacak-console-reports [data-ranking-note]').waitFor();
    await page.locator('pacak-console-reports select[name=orderBy]').selectOption('combined');
    await expect.poll(() => page.locator('pacak-console-reports [data-ranking-note]').textContent()).toContain('nilai gabungan');
    expect(new URL(page.url()).searchParams.get('orderBy')).toBe('combined');
  });
});
