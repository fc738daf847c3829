import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { artifactPath, describeInBrowser, useBrowserSuite } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';
import { DEMO_NAME, formReady, openRatingPage } from './rating-fixture.js';

describeInBrowser('the widget embedded in a page', () => {
  let server: TestServer;
  let page: Page;
  useBrowserSuite((suite) => ({ server, page } = suite));

  it('the embed demo at / shows the rating form from the pasted snippet in one call, loading nothing else', async () => {
    const requested: string[] = [];
    const failures: string[] = [];
    page.on('request', (request) => {
      if (!request.url().endsWith('/favicon.ico')) requested.push(request.url());
    });
    page.on('response', (response) => {
      // Browsers ask for /favicon.ico on their own; the demo page does not link one.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failures.push(response.url());
    });
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${server.url}/`);
    await formReady(page);
    expect(await page.locator('pacak-rating [part=name]').textContent()).toBe(DEMO_NAME);
    expect(await page.locator('pre code').first().textContent()).toContain(
      '<script type="module" src="https://YOUR-SERVER/widget/pacak-rating.js"></script>',
    );
    await page.screenshot({ path: artifactPath('embed-demo.png'), fullPage: true });

    const paths = requested.map((url) => new URL(url)).map((url) => `${url.origin === server.url ? '' : url.origin}${url.pathname}`);
    expect(new Set(paths)).toEqual(new Set(['/', '/widget/pacak-rating.js', '/api/v1/employees/199203152019032001/form']));
    // The page's preload is the widget's one call: each is asked for once.
    expect(paths.filter((path) => path.startsWith('/api/'))).toEqual(['/api/v1/employees/199203152019032001/form']);
    expect(paths.filter((path) => path === '/widget/pacak-rating.js')).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  it('the embed demo fits a 320 px phone: the live form near the top, the notes for webmasters below, no sideways panning', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/`);
    await formReady(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top);
    expect(await top('pacak-rating')).toBeLessThan(await top('#pasang'));
    expect(await top('pacak-rating')).toBeLessThan(640);
    await page.screenshot({ path: artifactPath('embed-demo-320px.png'), fullPage: true });
  });

  it('keeps the page styles out of the widget, and its own styles out of the page', async () => {
    const hostile = `<style>
      body { color: rgb(255, 0, 0); font: italic 30px serif; line-height: 3; }
      label, legend, p { display: none !important; color: rgb(0, 255, 0) !important; }
      input { width: 500px; display: none !important; }
      button { background: rgb(255, 0, 255) !important; padding: 60px !important; display: none !important; }
      /* What WordPress themes do: universal rules reach the element itself, and what it inherits. */
      * { letter-spacing: 5px !important; text-transform: uppercase !important; word-spacing: 9px; cursor: wait;
          box-sizing: content-box !important; border: 3px dotted red; }
      main * { color: rgb(0, 0, 255); font-size: 30px; padding: 50px; margin: 40px; }
    </style>`;
    await openRatingPage(page, server.url, {
      head: hostile,
      body: '<p id="page-text">Teks halaman</p><button id="page-button" type="button">Tombol halaman</button>',
    });
    await formReady(page);
    const prompt = page.locator('pacak-rating p').filter({ hasText: 'Silakan nilai pelayanan petugas ini' });
    const style = await prompt.evaluate((element) => {
      const { display, color, fontStyle, fontSize, letterSpacing, textTransform, wordSpacing, cursor } = getComputedStyle(element);
      return { display, color, fontStyle, fontSize, letterSpacing, textTransform, wordSpacing, cursor };
    });
    expect(style).toEqual({
      display: 'block',
      color: 'rgb(31, 41, 51)',
      fontStyle: 'normal',
      fontSize: '16px',
      letterSpacing: 'normal',
      textTransform: 'none',
      wordSpacing: '0px',
      cursor: 'auto',
    });
    expect(await page.getByLabel('No HP/WA').isVisible()).toBe(true);
    const send = page.locator('pacak-rating button[type=submit]');
    expect(await send.isVisible()).toBe(true);
    expect(await send.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).paddingTop])).toEqual([
      'rgb(0, 105, 92)',
      '8px',
    ]);
    const star = page.locator('pacak-rating label[for="cakap-3"]');
    expect(await star.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(44);
    // Nothing of the widget's look reaches the page's own elements.
    expect(await page.locator('#page-button').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 0, 255)');
    expect(await page.locator('#page-text').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 255, 0)');
    await page.locator('pacak-rating').screenshot({ path: artifactPath('rating-hostile-page.png') });
  });

  it('takes its colours from the --pacak custom properties', async () => {
    const theme = `<style>
      pacak-rating { --pacak-primary: rgb(10, 20, 30); --pacak-text: rgb(40, 50, 60); --pacak-radius: 2px;
        --pacak-star-color: rgb(200, 150, 0); --pacak-font: monospace; }
      pacak-rating::part(submit) { letter-spacing: 0px; }
    </style>`;
    await openRatingPage(page, server.url, { head: theme });
    await formReady(page);
    await page.locator('pacak-rating label[for="amanah-3"]').click();
    const star = page.locator('pacak-rating label[for="amanah-2"] svg');
    expect(await star.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(200, 150, 0)');
    const card = page.locator('pacak-rating [part=card]');
    expect(await card.evaluate((element) => [getComputedStyle(element).borderRadius, getComputedStyle(element).fontFamily])).toEqual([
      '2px',
      'monospace',
    ]);
    expect(await page.locator('pacak-rating button[type=submit]').evaluate((element) => getComputedStyle(element).letterSpacing)).toBe(
      'normal',
    );
    const button = page.locator('pacak-rating button[type=submit]');
    expect(await button.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(10, 20, 30)');
    const name = page.locator('pacak-rating [part=name]');
    expect(await name.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(40, 50, 60)');
  });

  it('does not fail when the script is loaded twice', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openRatingPage(page, server.url, {
      head: '<script type="module" src="/widget/pacak-rating.js?again"></script>',
    });
    await formReady(page);
    expect(errors).toEqual([]);
  });
});
