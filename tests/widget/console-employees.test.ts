import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { Op } from 'sequelize';
import { Employee, Office } from '../../server/db/models/index.js';
import { newNip } from '../helpers/admin.js';
import { describeInBrowser, pageProblems, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { axeScreen } from './console-admin-fixture.js';
import { openConsole } from './console-fixture.js';

describeInBrowser('the console’s employees screen', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite));

  /** The name of the focused control, through the shadow roots it sits in. */
  const focused = () =>
    page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('name') ?? active?.tagName ?? '';
    });

  /** Presses Tab until the control named `name` has the focus, as a keyboard user would. */
  async function tabTo(name: string): Promise<void> {
    for (let i = 0; i < 30 && (await focused()) !== name; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(name);
  }

  it('adds and edits an employee with the keyboard alone, each problem beside its field', async () => {
    const problems = pageProblems(page);
    await openConsole(page, server, '/admin/employees/new');
    await page.locator('[data-employee-form]').waitFor();
    await tabTo('nip');
    await page.keyboard.press('Enter');
    await page.locator('.field-error').first().waitFor();
    await expect.poll(focused).toBe('nip');
    await page.keyboard.type('1234');
    await tabTo('name');
    await page.keyboard.type('Ns. Wulan Sari, S.Kep');
    await tabTo('kind');
    await page.keyboard.type('ASN');
    await tabTo('workArea');
    await page.keyboard.type('Wilker Pelabuhan Boom');
    // Enter does not submit from a select: on to the button, as a keyboard user goes.
    await tabTo('BUTTON');
    await page.keyboard.press('Enter');
    // The server's rule for the NIP comes back beside the field, and the focus goes there.
    await page.locator('#nip-error').filter({ hasNotText: 'Wajib diisi.' }).waitFor();
    await expect.poll(focused).toBe('nip');
    const nip = newNip();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(nip);
    await page.keyboard.press('Enter');
    await page.getByText('Ns. Wulan Sari, S.Kep ditambahkan', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/employees/${nip}`);
    expect((await Employee.findOne({ where: { nip } }))?.kind).toBe('asn');

    await tabTo('position');
    await page.keyboard.type('Perawat Ahli Pertama');
    await tabTo('workArea');
    await page.keyboard.type('Kantor Induk');
    await tabTo('BUTTON');
    await page.keyboard.press('Enter');
    await page.getByText('Perubahan disimpan.').waitFor();
    const saved = await Employee.findOne({ where: { nip }, include: ['workArea'] });
    expect(saved?.position).toBe('Perawat Ahli Pertama');
    expect((saved as Employee & { workArea: { code: string } }).workArea.code).toBe('kantor-induk');
    expect(problems).toEqual([]);
  });

  it('takes an employee out of the office’s picker by keyboard, and the picker no longer offers them', async () => {
    const picker = async () => {
      const response = await fetch(`${server.url}/api/v1/offices/bkk-palembang/employees`, {
        headers: { 'x-forwarded-for': '203.0.113.161' },
      });
      return ((await response.json()) as { employees: { name: string }[] }).employees.map((e) => e.name);
    };
    const office = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!;
    // Not the employee the next test deactivates and reactivates.
    const employee = (await Employee.findOne({
      where: { officeId: office.id, active: true, listed: true, name: { [Op.notLike]: '%Rina%' } },
      order: [['id', 'ASC']],
    }))!;
    expect(await picker()).toContain(employee.name);
    await openConsole(page, server, `/admin/employees/${employee.nip}`);
    await page.locator('[data-employee-form]').waitFor();
    expect(await axeScreen(page, 'employees')).toEqual([]);
    await tabTo('listed');
    await page.keyboard.press('Space');
    await tabTo('BUTTON');
    await page.keyboard.press('Enter');
    await page.getByText('Perubahan disimpan.').waitFor();
    expect((await Employee.findByPk(employee.id))?.listed).toBe(false);
    expect(await picker()).not.toContain(employee.name);
  });

  it('finds, deactivates, gives a PIN and replaces the QR code of an employee, saying what follows', async () => {
    page.on('dialog', (dialog) => void dialog.accept());
    await openConsole(page, server, '/admin/employees?q=rina');
    await page.locator('table[data-employees] tbody tr').first().waitFor();
    expect(await page.locator('table[data-employees] tbody tr').count()).toBe(1);
    await page.locator('table[data-employees] a').first().click();
    await page.locator('pacak-employee-actions [data-deactivate]').click();
    await page.locator('[data-status]').filter({ hasText: 'Nonaktif' }).waitFor();
    await page.locator('[data-reactivate]').click();
    await page
      .locator('[data-status]')
      .filter({ hasText: /^Aktif$/ })
      .waitFor();
    await page.locator('[data-random-pin]').click();
    const shown = await page.locator('[data-outcome=pin]').textContent();
    expect(shown).toMatch(/PIN baru: \d{6}/);
    expect(await page.locator('#replace-hint').textContent()).toContain('kode QR lama langsung tidak berlaku');
    const before = await page.locator('[data-rating-url]').textContent();
    await page.locator('[data-replace-qr]').click();
    await page.locator('[data-outcome=qr]').waitFor();
    await expect.poll(() => page.locator('[data-rating-url]').textContent()).not.toBe(before);
    expect(await (await fetch(before!.trim(), { redirect: 'manual' })).status).toBe(410);
  });

  it('imports a file: problems shown on their lines and nothing saved, then the fixed file saved whole', async () => {
    const [good, other] = [newNip(), newNip()];
    const file = (lines: string[]) => ({
      name: 'pegawai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['NIP;Nama;Jabatan;Unit Kerja;Jenis', ...lines].join('\n')),
    });
    await openConsole(page, server, '/admin/employees');
    await page.locator('[data-import]').click();
    await page
      .locator('input[type=file]')
      .setInputFiles(file([`${good};Impor Satu;Staf;boom-baru;PNS`, `${other};Impor Dua;Staf;atlantis;PNS`]));
    await page.locator('[data-check]').click();
    const refused = page.locator('tr[data-line="3"][data-action=refuse]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Unit Kerja');
    expect(await page.locator('[data-apply]').count()).toBe(0);
    expect(await Employee.count({ where: { nip: [good, other] } })).toBe(0);

    await page
      .locator('input[type=file]')
      .setInputFiles(file([`${good};Impor Satu;Staf;boom-baru;PNS`, `${other};Impor Dua;Staf;Kantor Induk;PNS`]));
    await page.locator('[data-check]').click();
    await page.locator('[data-apply]').click();
    await page.getByText('Impor selesai: 2 ditambah', { exact: false }).waitFor();
    expect(await Employee.count({ where: { nip: [good, other] } })).toBe(2);
  });
});
