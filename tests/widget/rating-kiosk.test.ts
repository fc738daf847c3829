import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { Office, WorkArea } from '../../server/db/models/index.js';
import { KioskKeys } from '../../server/services/access/kiosk-keys.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { artifactPath, describeInBrowser, launchBrowser } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { allScores, fillRating, formReady, formValues, openRatingPage, recordedEvents, statusSays, submit } from './rating-fixture.js';

const PHONE = '0812 7000 0001';
const COMMENT = 'Terima kasih, Bu Dewi';

describeInBrowser('<pacak-rating kiosk> on a counter tablet', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let key: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const office = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!;
    const area = (await WorkArea.findOne({ where: { officeId: office.id, code: 'boom-baru' } }))!;
    ({ key } = await new KioskKeys(new PhoneVault(server.config.phoneKey)).issueKioskKey(office.id, area.id, 'Loket 1'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // A tablet held upright.
    context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  const openKiosk = (attributes: Record<string, string> = {}) =>
    openRatingPage(page, server.url, {
      attributes: { nip: '', kiosk: '', 'work-area': 'boom-baru', 'kiosk-key': key, 'reset-after': '2', ...attributes },
    });

  /** Everything of the last customer a next one could find: on screen, in the DOM, in storage. */
  const residue = () =>
    page.evaluate(() => {
      const root = document.querySelector('pacak-rating')!.shadowRoot!;
      const values = Array.from(root.querySelectorAll<HTMLInputElement>('input, textarea'), (c) => c.value);
      return {
        text: root.textContent ?? '',
        values,
        storage: localStorage.length + sessionStorage.length,
      };
    });

  it('goes from picking the employee to rating, the receipt, and back to the list with nothing left behind', async () => {
    await openKiosk();
    const picks = page.locator('pacak-rating [part=pick]');
    await picks.first().waitFor();
    expect(await page.locator('pacak-rating h2').textContent()).toBe('Siapa yang melayani Anda?');
    expect(await page.locator('pacak-rating').getByText('Wilker Pelabuhan Boom Baru').count()).toBe(1);
    expect(await picks.allTextContents()).toEqual([
      expect.stringContaining('Bambang Hartono, S.ST'),
      expect.stringContaining('Ns. Dewi Lestari, S.Kep'),
    ]);
    await page.screenshot({ path: artifactPath('kiosk-picker.png') });

    await picks.filter({ hasText: 'Dewi Lestari' }).click();
    await formReady(page);
    expect(await page.locator('pacak-rating [part=name]').textContent()).toBe('Ns. Dewi Lestari, S.Kep');
    // A shared tablet must not offer one customer's number to the next.
    expect(await page.locator('pacak-rating input[name=phone]').getAttribute('autocomplete')).toBe('off');
    await fillRating(page, { serviceType: 'desinfeksi-kapal', scores: allScores(5), phone: PHONE, comment: COMMENT });
    const posted = page.waitForRequest((request) => request.url().endsWith('/api/v1/ratings'));
    await submit(page);
    expect((await posted).postDataJSON()).toMatchObject({ nip: '199011042015032003', channel: 'kiosk', comment: COMMENT });

    const receipt = page.locator('pacak-rating [part=receipt]');
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('Formulir kembali ke awal dalam');
    expect(await receipt.getByRole('button').textContent()).toContain('Pelanggan berikutnya');
    await page.screenshot({ path: artifactPath('kiosk-receipt.png') });

    // After reset-after seconds: the list again, for the next customer.
    await picks.first().waitFor({ timeout: 5000 });
    const left = await residue();
    expect(left.text).not.toContain('7000');
    expect(left.text).not.toContain(COMMENT);
    expect(left.values).toEqual([]);
    expect(left.storage).toBe(0);

    await picks.filter({ hasText: 'Dewi Lestari' }).click();
    await formReady(page);
    expect(await formValues(page)).toEqual({
      serviceType: '',
      scores: { profesional: null, amanah: null, cakap: null, akuntabel: null, kolaboratif: null },
      phone: '',
      comment: '',
    });
    expect((await recordedEvents(page)).map((event) => event.type)).toEqual(['pacak-submitted']);
  });

  it('lets the customer go back to the list from the form, leaving what was typed behind', async () => {
    await openKiosk();
    await page.locator('pacak-rating [part=pick]').first().click();
    await formReady(page);
    await fillRating(page, { phone: PHONE, comment: COMMENT });
    await page.getByRole('button', { name: 'Ganti petugas' }).click();
    await page.locator('pacak-rating [part=pick]').first().waitFor();
    const left = await residue();
    expect(left.text).not.toContain(COMMENT);
    expect(left.values).toEqual([]);
  });

  it('takes a half-filled form back to the list after two minutes without a touch', async () => {
    await page.clock.install();
    await openKiosk();
    await page.locator('pacak-rating [part=pick]').first().click();
    await formReady(page);
    await fillRating(page, { phone: PHONE, comment: COMMENT });
    await page.clock.fastForward('01:50');
    expect(await page.locator('pacak-rating form').count()).toBe(1);
    // A touch starts the two minutes again.
    await fillRating(page, { scores: { cakap: 4 } });
    await page.clock.fastForward('01:50');
    expect(await page.locator('pacak-rating form').count()).toBe(1);
    await page.clock.fastForward('00:15');
    await page.locator('pacak-rating [part=pick]').first().waitFor();
    const left = await residue();
    expect(left.text).not.toContain(COMMENT);
    expect(left.values).toEqual([]);
  });

  it('clears a rating kept while offline from storage once it is sent, and serves the next customer meanwhile', async () => {
    await openKiosk();
    await page.locator('pacak-rating [part=pick]').first().click();
    await formReady(page);
    await fillRating(page, { serviceType: 'cop', scores: allScores(4), phone: '0812 7000 0002', comment: COMMENT });
    await context.setOffline(true);
    await submit(page);
    await page.locator('pacak-rating [part=queued]').waitFor();
    expect((await residue()).storage).toBe(1);
    await page.locator('pacak-rating [part=pick]').first().waitFor({ timeout: 5000 });
    // Still offline, the next customer is served from what the tablet loaded before.
    await page.locator('pacak-rating [part=pick]').first().click();
    await formReady(page);
    expect(await formValues(page)).toMatchObject({ phone: '', comment: '' });
    await context.setOffline(false);
    await expect.poll(async () => (await residue()).storage).toBe(0);
    expect((await recordedEvents(page)).map((event) => event.type)).toEqual(['pacak-queued', 'pacak-submitted']);
  });

  it('says so when the kiosk key is not valid', async () => {
    await openKiosk({ 'kiosk-key': 'A'.repeat(43) });
    await statusSays(page, 'Kunci kios tidak berlaku');
    const [error] = await recordedEvents(page);
    expect(error).toMatchObject({ type: 'pacak-error', detail: { status: 401 } });
  });
});
