import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { AuditEntry, FeedbackCase } from '../../server/db/models/index.js';
import { makeUser, rate } from '../helpers/admin.js';
import { describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { axeScreen, openConsole, overflow, settled } from './console-admin-fixture.js';

const SLOW = { timeout: 90_000 };
const LOW = { profesional: 5, amanah: 1, cakap: 4, akuntabel: 5, kolaboratif: 4 };

describeInBrowser('the feedback inbox of the console', () => {
  let server: TestServer;
  let page: Page;
  let problems: string[];
  useBrowserSuite((suite) => ({ server, page } = suite), { context: { viewport: { width: 360, height: 800 } } });
  beforeEach(() => {
    problems = pageProblems(page);
  });

  const row = (id: number, selector = '') => page.locator(`pacak-console-feedback tr[data-id="${id}"] ${selector}`);

  it('takes a low score on and closes it with a note, by keyboard, axe-clean in both languages, fitting 360 to 2560 px', SLOW, async () => {
    const admin = await makeUser(server, 'admin');
    const id = await rate(server, { scores: LOW, comment: 'Petugas tidak ramah', contactConsent: true });
    await openConsole(page, server, admin, 'feedback');
    await row(id).waitFor();
    expect(await row(id, 'td:nth-child(3)').textContent()).toContain('1 dari 5');
    expect(await axeScreen(page, 'feedback')).toEqual([]);

    await row(id, '[data-action=take]').focus();
    await page.keyboard.press('Enter');
    await page.locator(`pacak-console-feedback tr[data-id="${id}"][data-status=ditangani]`).waitFor();
    await row(id, '[data-action=close]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Pelanggan ditelepon 0812-3456-7890; petugas dibina.');
    await page.getByRole('button', { name: 'Tutup masukan', exact: true }).click();
    await page.locator(`pacak-console-feedback tr[data-id="${id}"][data-status=selesai]`).waitFor();
    expect(await row(id, '[data-note]').textContent()).toBe('Pelanggan ditelepon 0812****7890; petugas dibina.');
    expect((await FeedbackCase.findOne({ where: { ratingId: id } }))?.status).toBe('selesai');
    expect(await AuditEntry.count({ where: { action: 'feedback.status', targetId: String(id) } })).toBe(2);
    expect(await page.locator('pacak-console-feedback [data-alert-counts]').textContent()).toMatch(/Menunggu: [1-9]/);

    const found: string[] = [];
    for (const [lang, width] of [
      ['en', 360],
      ['id', 2560],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}/admin/feedback?lang=${lang}`);
      await settled(page, 'feedback');
      if (width === 360) found.push(...(await axeScreen(page, 'feedback')));
      if ((await overflow(page)) > 0) found.push(`${lang} is wider than ${width} px`);
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.evaluate(() => sessionStorage.clear());
  });

  it('shows a coordinator the inbox of their work area only, and a consenting customer’s number on request', SLOW, async () => {
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    const theirs = await rate(server, { scores: LOW, nip: '199011042015032003', phone: '0813-4444-1357', contactConsent: true });
    const other = await rate(server, { scores: LOW });
    await openConsole(page, server, coordinator, 'feedback', 'en');
    await row(theirs).waitFor();
    expect(await row(other).count()).toBe(0);
    expect(await page.locator('pacak-console-feedback #f-area').count()).toBe(0);
    expect(await page.locator('pacak-console nav a[href="/admin/feedback"]').count()).toBe(1);
    expect(await row(theirs, '[data-consent]').count()).toBe(1);
    await row(theirs, '[data-action=reveal]').click();
    await page.getByLabel('Reason (kept in the audit log)').fill('Follow-up call');
    await page.getByRole('button', { name: 'Reveal number', exact: true }).click();
    await expect.poll(() => page.locator('pacak-console-feedback [data-phone]').textContent()).toBe('081344441357');
    expect(await AuditEntry.count({ where: { action: 'rating.read-phone', targetId: String(theirs) } })).toBe(1);
    expect(problems).toEqual([]);
  });
});
