import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { AuditEntry, KioskKey, Rating } from '../../server/db/models/index.js';
import { adminApi, makeUser, rate, signIn, type TestUser } from '../helpers/admin.js';
import { artifactPath, describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import { postJson } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';
import { ADMIN_SCREENS, axeScreen, openConsole, overflow, settled, SUPERADMIN_SCREENS } from './console-admin-fixture.js';

/** Each test is short; the machine running them may be busy. */
const SLOW = { timeout: 90_000 };

describeInBrowser('the management screens of the console', () => {
  let server: TestServer;
  let page: Page;
  let admin: TestUser;
  let problems: string[];
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 1280, height: 900 } } });
  beforeAll(async () => {
    admin = await makeUser(server, 'admin');
  });
  beforeEach(() => {
    problems = pageProblems(page);
  });

  const row = (screen: string, selector: string) => page.locator(`pacak-console-${screen} ${selector}`);

  it('voids a rating with a reason and counts it again on unvoid', SLOW, async () => {
    const id = await rate(server, { comment: 'Dinilai sendiri' });
    await openConsole(page, server, admin, 'ratings');
    await row('ratings', `tr[data-id="${id}"] [data-action=void]`).click();
    await page.getByLabel('Alasan (dicatat di log audit)').fill('Dinilai oleh petugas sendiri');
    await page.getByRole('button', { name: 'Batalkan penilaian', exact: true }).click();
    await row('ratings', `tr[data-id="${id}"] [data-action=unvoid]`).waitFor();
    expect((await Rating.findByPk(id))!.voidReason).toBe('Dinilai oleh petugas sendiri');
    await row('ratings', `tr[data-id="${id}"] [data-action=unvoid]`).click();
    await page.getByRole('button', { name: 'Pulihkan penilaian', exact: true }).click();
    await row('ratings', `tr[data-id="${id}"] [data-action=void]`).waitFor();
    expect((await Rating.findByPk(id))!.voidedAt).toBeNull();
    expect(problems).toEqual([]);
  });

  it("reveals a customer's number only with a reason, and the reading is audited", SLOW, async () => {
    const id = await rate(server, { phone: '0812-7777-1234' });
    await openConsole(page, server, admin, 'ratings', 'en');
    await row('ratings', `tr[data-id="${id}"] [data-action=reveal]`).click();
    await page.getByRole('button', { name: 'Reveal number', exact: true }).click();
    expect(await AuditEntry.count({ where: { action: 'rating.read-phone', targetId: String(id) } })).toBe(0);
    await page.getByLabel('Reason (kept in the audit log)').fill('Complaint 12/2026');
    await page.getByRole('button', { name: 'Reveal number', exact: true }).click();
    await expect.poll(() => row('ratings', '[data-phone]').textContent()).toBe('081277771234');
    const entry = await AuditEntry.findOne({ where: { action: 'rating.read-phone', targetId: String(id) } });
    expect(JSON.parse(entry!.changes!)).toEqual({ reason: 'Complaint 12/2026' });
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document
            .querySelector('pacak-console')!
            .shadowRoot!.querySelector('pacak-console-ratings')!
            .shadowRoot!.activeElement?.getAttribute('data-action'),
        ),
      )
      .toBe('reveal');
  });

  it("erases a customer's number on their request, keeping the ratings", SLOW, async () => {
    const id = await rate(server, { phone: '0813-2222-9876' });
    await openConsole(page, server, admin, 'ratings');
    await page.getByLabel('Nomor HP/WA pelanggan').fill('+62 813 2222 9876');
    await page.getByLabel('Alasan (mis. nomor surat permintaan)').fill('Surat permintaan 3/2026');
    await page.getByRole('button', { name: 'Hapus nomor' }).click();
    await expect.poll(() => page.locator('pacak-erase-request [role=status]').textContent()).toContain('1 dari 1 penilaian');
    const rating = (await Rating.findByPk(id))!;
    expect([rating.phoneCipher, rating.phoneMasked]).toEqual([null, '****']);
    await expect.poll(() => row('ratings', `tr[data-id="${id}"] td:nth-child(6)`).textContent()).toBe('****');
  });

  it('issues a kiosk key with its snippet and QR code, then revokes it', SLOW, async () => {
    await openConsole(page, server, admin, 'kiosk-keys');
    await page.getByLabel('Wilayah kerja').selectOption('boom-baru');
    await page.getByLabel('Nama tablet (mis. Loket 1)').fill('Loket Boom Baru');
    await page.getByRole('button', { name: 'Terbitkan kunci' }).click();
    const snippet = await row('kiosk-keys', 'textarea.snippet').inputValue();
    const key = /kiosk-key="([A-Za-z0-9_-]{43})"/.exec(snippet)![1]!;
    expect(snippet).toContain(`<script type="module" src="${server.url}/widget/pacak-rating.js"></script>`);
    expect(snippet).toContain('work-area="boom-baru"');
    expect(await row('kiosk-keys', 'svg.qr path').getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    const roster = () =>
      fetch(`${server.url}/api/v1/kiosk/employees`, { headers: { 'x-kiosk-key': key } }).then((response) => response.status);
    expect(await roster()).toBe(200);

    const stored = (await KioskKey.findOne({ where: { label: 'Loket Boom Baru' } }))!;
    await row('kiosk-keys', `tr[data-id="${stored.id}"] [data-action=revoke]`).click();
    await row('kiosk-keys', `tr[data-id="${stored.id}"] [data-action=confirm-revoke]`).click();
    await row('kiosk-keys', `tr[data-id="${stored.id}"] .badge.warn`).waitFor();
    expect(await roster()).toBe(401);
  });

  it('opens the tablet page from the address the QR code holds', SLOW, async () => {
    const issued = await adminApi(server, admin.token).post<{ tabletUrl: string }>('/kiosk-keys', {
      workArea: 'kantor-induk',
      label: 'Tablet uji',
    });
    await page.goto(issued.body.tabletUrl);
    await page.locator('pacak-rating[kiosk][work-area="kantor-induk"]').waitFor();
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('heading', { name: 'Tablet belum punya kunci kios' }).waitFor();
  });

  it('creates an account with a password shown once, and resets it', SLOW, async () => {
    await openConsole(page, server, admin, 'accounts');
    await page.getByLabel('Nama pengguna').last().fill('koor.uji');
    await page.getByLabel('Peran').selectOption('coordinator');
    await page.getByLabel('Wilayah kerja').selectOption('boom-baru');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    const first = await row('accounts', '#shown-password').inputValue();
    expect(await signIn(server, 'koor.uji', first)).toBeTruthy();
    await row('accounts', 'tr[data-username="koor.uji"] [data-action=reset]').click();
    await row('accounts', 'tr[data-username="koor.uji"] [data-action=confirm-reset]').click();
    await expect.poll(() => row('accounts', '#shown-password').inputValue(), { timeout: 20_000 }).not.toBe(first);
    const second = await row('accounts', '#shown-password').inputValue();
    expect((await postJson(`${server.url}/api/v1/auth/token`, { username: 'koor.uji', password: first })).status).toBe(401);
    expect(await signIn(server, 'koor.uji', second)).toBeTruthy();
    expect(await row('accounts', `tr[data-username="${admin.username}"] [data-action=deactivate]`).count()).toBe(0);
  });

  it('reorders service types with the keyboard alone, saved at once', SLOW, async () => {
    const order = async () =>
      (await adminApi(server, admin.token).get<{ serviceTypes: { code: string }[] }>('/service-types')).body.serviceTypes.map(
        (type) => type.code,
      );
    const [firstCode, secondCode] = await order();
    await openConsole(page, server, admin, 'service-types');
    await row('service-types', `tr[data-code="${firstCode}"] [data-action=move]`).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await order()).slice(0, 2)).toEqual([secondCode, firstCode]);
    await settled(page, 'service-types');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await order()).slice(0, 2)).toEqual([firstCode, secondCode]);
  });

  it('reorders service types by dragging a row onto another', SLOW, async () => {
    const order = async () =>
      (await adminApi(server, admin.token).get<{ serviceTypes: { code: string }[] }>('/service-types')).body.serviceTypes.map(
        (type) => type.code,
      );
    const [firstCode, secondCode, thirdCode] = await order();
    await openConsole(page, server, admin, 'service-types');
    await row('service-types', `tr[data-code="${thirdCode}"]`).dragTo(row('service-types', `tr[data-code="${firstCode}"]`));
    await expect.poll(async () => (await order()).slice(0, 3)).toEqual([thirdCode, firstCode, secondCode]);
  });

  it('adds a work area with its service hours and sets the complaint link', SLOW, async () => {
    await openConsole(page, server, admin, 'work-areas');
    await page.getByLabel('Nama', { exact: true }).fill('Pos Pangkalan Balai');
    await page.getByLabel('Kode (huruf kecil dan tanda minus, tetap)').fill('pos-pangkalan-balai');
    await page.getByLabel('Jam buka').fill('07:30');
    await page.getByLabel('Jam tutup').fill('16:00');
    await page.getByRole('button', { name: 'Tambah', exact: true }).click();
    await expect.poll(() => row('work-areas', 'tr[data-code="pos-pangkalan-balai"] td:nth-child(3)').textContent()).toBe('07:30-16:00');

    await page.goto(`${server.url}/admin/settings`);
    await settled(page, 'settings');
    await page.getByLabel('Tautan pengaduan (mis. SP4N-LAPOR!)').fill('ftp://lapor.go.id');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await row('settings', '#complaint-url-error').waitFor();
    await page.getByLabel('Tautan pengaduan (mis. SP4N-LAPOR!)').fill('https://pengaduan.example.go.id/');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await expect
      .poll(async () => (await adminApi(server, admin.token).get('/office')).body.complaintUrl)
      .toBe('https://pengaduan.example.go.id/');
  });

  it('links each anomaly flag to the ratings behind it, and the audit log shows the void', SLOW, async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await rate(server, { nip: '199011042015032003', serviceType: 'cop' }));
    await openConsole(page, server, admin, 'anomalies');
    await row('anomalies', '[data-group=bursts] a[data-ratings]').first().click();
    await page.waitForURL(/\/admin\/ratings\?ids=/);
    const shown = () => row('ratings', 'tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-id'))).sort());
    await expect.poll(shown).toEqual(ids.sort());
    await page.goBack();
    await page.waitForURL(/\/admin\/anomalies/);

    await adminApi(server, admin.token).post(`/ratings/${ids[0]}/void`, { reason: 'Uji log audit' });
    await page.goto(`${server.url}/admin/audit?action=rating.void`);
    await settled(page, 'audit');
    expect(await row('audit', 'tbody tr').first().textContent()).toContain('Uji log audit');
  });

  it('shows a coordinator and a viewer none of the management screens, a superadmin only accounts and audit', SLOW, async () => {
    const nav = page.locator('pacak-console nav a');
    const menu = async () => (await nav.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).join(' ');
    for (const user of [await makeUser(server, 'coordinator', { workArea: 'boom-baru' }), await makeUser(server, 'viewer')]) {
      await openConsole(page, server, user, 'account');
      for (const screen of ADMIN_SCREENS) expect(await menu()).not.toContain(`/admin/${screen}`);
      await page.goto(`${server.url}/admin/ratings`);
      await page.locator('pacak-console main [role=alert]').waitFor();
      expect(await page.locator('pacak-console-ratings').count()).toBe(0);
      await page.evaluate(() => sessionStorage.clear());
    }

    const superadmin = await makeUser(server, 'superadmin');
    await openConsole(page, server, superadmin, 'accounts');
    for (const screen of ADMIN_SCREENS)
      expect((await menu()).includes(`/admin/${screen}`)).toBe((SUPERADMIN_SCREENS as readonly string[]).includes(screen));
    await page.getByLabel('Kantor', { exact: true }).selectOption('bkk-palembang');
    expect(await row('accounts', '#user-role').count()).toBe(0);
  });

  for (const lang of ['id', 'en'] as const) {
    it(
      `is axe-clean in ${lang === 'id' ? 'Indonesian' : 'English'} at 390 and 1280 px, and fits 2560 px`,
      { timeout: 240_000 },
      async () => {
        await openConsole(page, server, admin, 'settings', lang);
        const found: string[] = [];
        for (const width of [390, 1280, 2560]) {
          await page.setViewportSize({ width, height: 900 });
          for (const screen of ADMIN_SCREENS) {
            await page.goto(`${server.url}/admin/${screen}?lang=${lang}`);
            await settled(page, screen);
            if (width < 2560) found.push(...(await axeScreen(page, screen)));
            if ((await overflow(page)) > 0) found.push(`${screen} is wider than ${width} px`);
            if (lang === 'id' && width < 2560)
              await page.screenshot({ path: artifactPath(`console-${screen}-${width}.png`), fullPage: true });
          }
        }
        expect(found).toEqual([]);
        expect(problems).toEqual([]);
      },
    );
  }
});
