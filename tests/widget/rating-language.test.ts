import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { allScores, descriptionOf, fillRating, formReady, openRatingPage, statusSays, submit } from './rating-fixture.js';

describeInBrowser('<pacak-rating> in the page language', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite));

  it('speaks English when lang is en, errors and receipt included', async () => {
    await openRatingPage(page, server.url, { attributes: { lang: 'en' } });
    await formReady(page);
    const widget = page.locator('pacak-rating');
    expect(await widget.getByText("Please rate this officer's service.").count()).toBe(1);
    expect(await page.getByRole('button', { name: 'SEND' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: /^Cakap/ }).textContent()).toContain('Competent in giving service.');
    expect(await page.getByRole('radio', { name: '4 of 5' }).count()).toBe(5);

    await fillRating(page, { serviceType: 'cop', scores: allScores(5), phone: '12345' });
    await submit(page);
    await statusSays(page, 'Please check the marked fields.');
    expect(await descriptionOf(page.getByLabel('Mobile/WhatsApp number'))).toContain('Not a valid Indonesian mobile number');

    await page.getByLabel('Mobile/WhatsApp number').fill('0812 7777 8888');
    await submit(page);
    const receipt = widget.locator('[part=receipt]');
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('Thank you for your rating!');
    expect(await receipt.textContent()).toMatch(/\d{4} at \d{2}:\d{2} GMT\+7/);
  });

  it('follows an English page when the element has no lang of its own', async () => {
    await openRatingPage(page, server.url, { htmlLang: 'en-GB' });
    await formReady(page);
    expect(await page.getByRole('button', { name: 'SEND' }).count()).toBe(1);
  });

  it('speaks Indonesian on a page in any other language', async () => {
    await openRatingPage(page, server.url, { htmlLang: 'fr' });
    await formReady(page);
    expect(await page.locator('pacak-rating').getByText('Silakan nilai pelayanan petugas ini.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'KIRIM' }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: '4 dari 5' }).count()).toBe(5);
  });

  it('switches language when the lang attribute changes', async () => {
    await openRatingPage(page, server.url);
    await formReady(page);
    const widget = page.locator('pacak-rating');
    // What the customer reads and what a screen reader names: prompt, field labels, stars and the button.
    const shown = async () => ({
      prompt: await widget.getByText(/^(Silakan nilai pelayanan petugas ini\.|Please rate this officer's service\.)$/).textContent(),
      english: {
        button: await page.getByRole('button', { name: 'SEND' }).isVisible(),
        phone: await page.getByLabel('Mobile/WhatsApp number').isVisible(),
        service: await page.getByLabel('Service type').isVisible(),
        stars: await page.getByRole('radio', { name: '4 of 5' }).count(),
      },
      indonesian: {
        button: await page.getByRole('button', { name: 'KIRIM' }).isVisible(),
        phone: await page.getByLabel('No HP/WA').isVisible(),
        service: await page.getByLabel('Jenis Pelayanan').isVisible(),
        stars: await page.getByRole('radio', { name: '4 dari 5' }).count(),
      },
    });
    const inIndonesian = {
      prompt: 'Silakan nilai pelayanan petugas ini.',
      english: { button: false, phone: false, service: false, stars: 0 },
      indonesian: { button: true, phone: true, service: true, stars: 5 },
    };
    const inEnglish = {
      prompt: "Please rate this officer's service.",
      english: { button: true, phone: true, service: true, stars: 5 },
      indonesian: { button: false, phone: false, service: false, stars: 0 },
    };
    expect(await shown()).toEqual(inIndonesian);

    await widget.evaluate((element) => element.setAttribute('lang', 'en'));
    await expect.poll(shown, { timeout: 10_000 }).toEqual(inEnglish);

    await widget.evaluate((element) => element.setAttribute('lang', 'id'));
    await expect.poll(shown, { timeout: 10_000 }).toEqual(inIndonesian);
  });
});
