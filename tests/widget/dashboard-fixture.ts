import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { getJson } from '../helpers/http.js';
import { addRatings, type FixtureRating, type Scores } from '../helpers/rating-fixtures.js';
import type { TestServer } from '../helpers/server.js';

export const RINA = '199203152019032001'; // kantor-induk
export const AGUS = '198507222010121002'; // kantor-induk
export const DEWI = '199011042015032003'; // boom-baru
export const MAY = { from: '2025-05-01', to: '2025-05-31' };

const wib = (local: string) => new Date(`${local}+07:00`);
const rating = (nip: string, scores: Scores, at: string, extra: Partial<FixtureRating> = {}): FixtureRating => ({
  nip,
  scores,
  at: wib(at),
  ...extra,
});

/**
 * Ratings with figures worked out by hand. May 2025:
 * - Rina (Kantor Induk): 4 x all fives (COP) and 2 x [4,4,4,4,5] (PHQC, commented): 142 stars / 6 = score 94.7, A;
 * - Agus (Kantor Induk): 5 x [4,3,4,4,4] (COP, verified): 95 / 5 = score 76.0, C;
 * - Dewi (Boom Baru): 2 x [2,3,3,2,1] (COP, commented): 22 / 2 = score 44.0, D, not yet ranked (fewer than 5).
 * The office in May: 13 ratings, 259 stars, score 4 x 259 / 13 = 79.7, grade B, overall 3.98, 5 verified.
 * April: Rina 2 x all fours = score 80.0; so May is 0.3 points down on 11 more ratings. March: Agus 2 x [3,4,4,4,4].
 */
export async function seedRatings(server: TestServer): Promise<void> {
  await addRatings(server.sequelize, [
    ...[1, 2, 3, 4].map((d) => rating(RINA, [5, 5, 5, 5, 5], `2025-05-0${d}T10:00:00`, { serviceType: 'cop' })),
    ...[5, 6].map((d) => rating(RINA, [4, 4, 4, 4, 5], `2025-05-0${d}T10:00:00`, { serviceType: 'phqc', comment: 'Cepat dan ramah' })),
    ...[1, 2, 3, 4, 5].map((d) => rating(AGUS, [4, 3, 4, 4, 4], `2025-05-1${d}T10:00:00`, { verified: true })),
    ...[1, 2].map((d) => rating(DEWI, [2, 3, 3, 2, 1], `2025-05-2${d}T10:00:00`, { comment: 'Antrean terlalu lama' })),
    ...[1, 2].map((d) => rating(RINA, [4, 4, 4, 4, 4], `2025-04-0${d}T10:00:00`)),
    ...[1, 2].map((d) => rating(AGUS, [3, 4, 4, 4, 4], `2025-03-0${d}T10:00:00`)),
  ]);
}

/** Numbers as the dashboard writes them in Indonesian. */
export const id = (value: number, digits: number) =>
  new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

export async function signInOnPage(
  page: Page,
  username: string,
  password: string,
  labels = { user: 'Nama pengguna', password: 'Kata sandi', submit: 'Masuk' },
) {
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await page.locator('[data-figure=count]').waitFor();
  await settled(page);
}

/** Waits until no report is loading. */
export async function settled(page: Page): Promise<void> {
  await page.locator('pacak-dashboard .loading').waitFor({ state: 'detached' });
}

export async function choosePeriod(page: Page, period: { from: string; to: string }): Promise<void> {
  await page.getByLabel('Dari tanggal').fill(period.from);
  await page.getByLabel('Sampai tanggal').fill(period.to);
  await page.locator(`[data-period="${period.from}/${period.to}"]`).waitFor();
  await settled(page);
}

export const figure = (page: Page, name: string) => page.locator(`[data-figure=${name}]`).first().textContent();

/** A report straight from the API, to compare with what the screen shows. */
export async function apiReport<T = Record<string, unknown>>(
  server: TestServer,
  token: string,
  path: string,
  query: Record<string, string>,
): Promise<T> {
  const response = await getJson<T>(`${server.url}/api/v1/reports/${path}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return response.body;
}

/** The token the page holds, read from its sessionStorage. */
export async function pageToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('pacak-dashboard:'));
    return key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { token: string }).token : '';
  });
}
