/**
 * Time from navigation to a usable form in headless Chromium (Debian's; nothing is downloaded) with
 * the CPU slowed four times and a slow 3G network, against the real server: the `<pacak-rating>`
 * shadow root has its submit button enabled and its service type list filled. Each run is a fresh
 * browser context, so nothing is cached; the figure is the median of the runs.
 */
import { chromium } from 'playwright-core';
import { chromiumPath, CHROMIUM_FLAGS } from '../helpers/requirements.js';
import { median } from './stats.js';

/** DevTools' "Slow 3G": 400 ms round trip, about 400 kbps each way. */
export const SLOW_3G = { latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
export const CPU_SLOWDOWN = 4;

export interface PageTiming {
  page: string;
  runs: number[];
  median: number;
  /** What the page fetched in the last run: requests and bytes on the wire. */
  requests: number;
  transferred: number;
}

/** The CDP binding through which the page says when its form became usable. */
const USABLE_BINDING = 'pacakBenchUsable';

/**
 * Runs in the page from its first script on: tells the bench, to the animation frame, when the form
 * became usable (performance.now() counts from the start of the navigation). It reports through a CDP
 * binding, one small message: polling from the bench (Playwright's waitForFunction) would first inject
 * Playwright's own script into the page, 90-140 ms of the main thread on the 4× slower CPU, in the
 * middle of the page's load.
 */
function watchForUsableForm(binding: string): void {
  const check = (): void => {
    const root = document.querySelector('pacak-rating')?.shadowRoot;
    const submit = root?.querySelector<HTMLButtonElement>('button[type=submit]');
    const types = root?.querySelector<HTMLSelectElement>('select[name=serviceType]');
    const usable = submit && !submit.disabled && submit.getAttribute('aria-disabled') !== 'true' && types && types.options.length > 1;
    if (usable) (window as unknown as Record<string, (payload: string) => void>)[binding]?.(String(performance.now()));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const withinTime = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

export function chromiumAvailable(): string | undefined {
  return chromiumPath();
}

export async function benchWidgetTime(
  pages: { name: string; url: string }[],
  runs: number,
  log: (line: string) => void,
): Promise<PageTiming[]> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium: install Debian’s chromium or set CHROMIUM_PATH');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  const results: PageTiming[] = [];
  try {
    for (const { name, url } of pages) {
      const times: number[] = [];
      let requests = 0;
      let transferred = 0;
      for (let run = 0; run < runs; run++) {
        // An Indonesian phone, as most customers carry: hosted pages follow the browser's language.
        const context = await browser.newContext({ locale: 'id-ID' });
        try {
          const page = await context.newPage();
          await page.addInitScript(watchForUsableForm, USABLE_BINDING);
          const cdp = await context.newCDPSession(page);
          const usableAt = new Promise<number>((resolve) =>
            cdp.on('Runtime.bindingCalled', (event: { name: string; payload: string }) => {
              if (event.name === USABLE_BINDING) resolve(Number(event.payload));
            }),
          );
          await cdp.send('Runtime.enable');
          await cdp.send('Runtime.addBinding', { name: USABLE_BINDING });
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_3G });
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
          let bytes = 0;
          let count = 0;
          cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
            bytes += event.encodedDataLength;
            count++;
          });
          await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
          times.push(await withinTime(usableAt, 60_000, `${name}: no usable form within 60 s`));
          requests = count;
          transferred = bytes;
        } finally {
          await context.close();
        }
      }
      const result = { page: name, runs: times, median: median(times), requests, transferred };
      log(
        `widget time ${name}: median ${Math.round(result.median)} ms of ${times.map((t) => Math.round(t)).join(', ')}; ${requests} requests, ${transferred} B`,
      );
      results.push(result);
    }
  } finally {
    await browser.close();
  }
  return results;
}
