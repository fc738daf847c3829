import type { Locator, Page } from 'playwright-core';

/** Seeded by the server for the README, the demo and the tests (DESIGN.md). */
export const DEMO_NIP = '199203152019032001';
export const DEMO_NAME = 'dr. Rina Kartika, M.Kes';
export const INDICATOR_CODES = ['profesional', 'amanah', 'cakap', 'akuntabel', 'kolaboratif'] as const;

export interface PacakEventRecord {
  type: string;
  detail: { id?: string | number; receipt?: string; status?: number; problem?: { status: number }; clientId?: string };
}

export interface FixtureOptions {
  /** Attributes of the element; `nip` defaults to the demo employee. */
  attributes?: Record<string, string>;
  /** `lang` of the page's `<html>`. */
  htmlLang?: string;
  /** Extra markup for `<head>`, e.g. hostile page styles. */
  head?: string;
  /** Extra markup in `<main>` before the element. */
  body?: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Opens a page of the test server's own origin that holds one `<pacak-rating>`, loaded exactly as the
 * embed snippet loads it. The page itself is answered by Playwright so each test shapes its own; the
 * bundle and the API come from the real server. Events the widget fires are kept in `window.pacakEvents`.
 */
export async function openRatingPage(page: Page, serverUrl: string, options: FixtureOptions = {}): Promise<void> {
  const attributes = { nip: DEMO_NIP, ...options.attributes };
  const attributeText = Object.entries(attributes)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
  const html = `<!doctype html>
<html lang="${options.htmlLang ?? 'id'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fixture</title>
<script>
  window.pacakEvents = [];
  for (const type of ['pacak-submitted', 'pacak-error', 'pacak-queued']) {
    document.addEventListener(type, (event) => window.pacakEvents.push({ type, detail: event.detail }));
  }
</script>
<script type="module" src="/widget/pacak-rating.js"></script>
${options.head ?? ''}
</head>
<body><main>${options.body ?? ''}<pacak-rating ${attributeText}></pacak-rating></main></body>
</html>`;
  const fixtureUrl = `${serverUrl}/__fixture`;
  await page.route(fixtureUrl, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(fixtureUrl);
}

/** Waits until the form has loaded the employee, the service types and the indicators. */
export async function formReady(page: Page): Promise<void> {
  await page.locator(`pacak-rating input[name=kolaboratif][value="5"]`).waitFor({ state: 'attached' });
}

export interface RatingValues {
  serviceType?: string;
  scores?: Partial<Record<(typeof INDICATOR_CODES)[number], number>>;
  phone?: string;
  comment?: string;
}

/** Fills the form the way a person does: picks from the list, taps stars, types. */
export async function fillRating(page: Page, values: RatingValues): Promise<void> {
  if (values.serviceType) await page.locator('pacak-rating select[name=serviceType]').selectOption(values.serviceType);
  for (const [code, stars] of Object.entries(values.scores ?? {})) {
    await page.locator(`pacak-rating label[for="${code}-${stars}"]`).click();
  }
  if (values.phone !== undefined) await page.locator('pacak-rating input[name=phone]').fill(values.phone);
  if (values.comment !== undefined) await page.locator('pacak-rating textarea[name=comment]').fill(values.comment);
}

export const allScores = (stars: number) =>
  Object.fromEntries(INDICATOR_CODES.map((code) => [code, stars])) as Record<(typeof INDICATOR_CODES)[number], number>;

export async function submit(page: Page): Promise<void> {
  await page.locator('pacak-rating button[type=submit]').click();
}

/** The text of the live region, once it says something containing `expected`. */
export async function statusSays(page: Page, expected: string): Promise<string> {
  const status = page.locator('pacak-rating [role=status]');
  await status.filter({ hasText: expected }).waitFor();
  return (await status.textContent()) ?? '';
}

/** What a screen reader reads after a control's name: the texts its aria-describedby points to. */
export async function descriptionOf(control: Locator): Promise<string> {
  return control.evaluate((element) => {
    const root = element.getRootNode() as Document | ShadowRoot;
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
  });
}

export async function isFocused(control: Locator): Promise<boolean> {
  return control.evaluate((element) => element.matches(':focus'));
}

export async function recordedEvents(page: Page): Promise<PacakEventRecord[]> {
  return page.evaluate(() => (window as unknown as { pacakEvents: PacakEventRecord[] }).pacakEvents);
}

/** The values the form holds right now, read from its native controls. */
export async function formValues(page: Page) {
  const checked: Record<string, string | null> = {};
  for (const code of INDICATOR_CODES) {
    const radio = page.locator(`pacak-rating input[name=${code}]:checked`);
    checked[code] = (await radio.count()) ? await radio.getAttribute('value') : null;
  }
  return {
    serviceType: await page.locator('pacak-rating select[name=serviceType]').inputValue(),
    scores: checked,
    phone: await page.locator('pacak-rating input[name=phone]').inputValue(),
    comment: await page.locator('pacak-rating textarea[name=comment]').inputValue(),
  };
}
