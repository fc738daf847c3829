import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryReport } from '../../server/services/reports/report-builders.js';
import { adminApi, makeUser, type TestUser } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const RINA = '199203152019032001'; // kantor-induk
const AGUS = '198507222010121002'; // kantor-induk
const DEWI = '199011042015032003'; // boom-baru

let server: TestServer;
let admin: TestUser;
let coordinator: TestUser;
let voidedId: number;
const wib = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeUser(server, 'admin');
  coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
  const ids = await addRatings(server.sequelize, [
    { nip: RINA, scores: [5, 4, 3, 2, 1], at: wib('2024-10-15T10:00:00') },
    { nip: AGUS, scores: [5, 5, 5, 5, 5], at: wib('2024-10-31T23:30:00') }, // still October in Palembang
    { nip: DEWI, scores: [4, 4, 4, 4, 4], at: new Date('2024-10-31T17:10:00Z'), verified: true }, // 00:10 WIB, 1 November
    { nip: DEWI, scores: [1, 2, 3, 4, 5], at: wib('2024-12-05T10:00:00') },
    { nip: DEWI, scores: [1, 1, 1, 1, 1], at: wib('2024-12-06T10:00:00') }, // voided below
  ]);
  voidedId = ids[4]!;
  const voided = await adminApi(server, admin.token).post(`/ratings/${voidedId}/void`, { reason: 'Uji coba' });
  expect(voided.status).toBe(200);
});
afterAll(() => server.close());

const summary = (token: string, params: string) =>
  getJson<SummaryReport>(`${server.url}/api/v1/reports/summary?${params}`, { headers: { authorization: `Bearer ${token}` } });

describe('the summary report, for charts', () => {
  it('counts the stars of each indicator over everyone in scope, leaving voided ratings out', async () => {
    const { status, body } = await summary(admin.token, 'from=2024-10-01&to=2024-12-31');
    expect(status).toBe(200);
    // profesional: 5, 5, 4, 1 -> one 1, no 2 or 3, one 4, two 5s; kolaboratif: 1, 5, 4, 5.
    expect(body.stars).toEqual({
      profesional: [1, 0, 0, 1, 2],
      amanah: [0, 1, 0, 2, 1],
      cakap: [0, 0, 2, 1, 1],
      akuntabel: [0, 1, 0, 2, 1],
      kolaboratif: [1, 0, 0, 1, 2],
    });
    // Every rating counted once per indicator.
    for (const counts of Object.values(body.stars)) expect(counts.reduce((a, b) => a + b, 0)).toBe(body.totals.count);
  });

  it('gives the figures month by month in the office time zone, oldest first, months without ratings left out', async () => {
    const { body } = await summary(admin.token, 'from=2024-09-01&to=2024-12-31');
    expect(body.byMonth.map((m) => [m.month, m.count])).toEqual([
      ['2024-10', 2],
      ['2024-11', 1],
      ['2024-12', 1],
    ]);
    // October: 15 + 25 stars over 2 ratings = score 4 x 40 / 2 = 80.0, grade B.
    expect(body.byMonth[0]).toMatchObject({ averages: { profesional: 5, kolaboratif: 3 }, overall: 4, score: 80, grade: 'B' });
    expect(body.byMonth[1]).toMatchObject({ verifiedCount: 1, score: 80 });
    expect(body.byMonth[2]).toMatchObject({ averages: { profesional: 1, kolaboratif: 5 }, score: 60, grade: 'D' });
    // The months add up to the period's totals.
    expect(body.byMonth.reduce((sum, m) => sum + m.count, 0)).toBe(body.totals.count);
  });

  it('narrows the stars and months by the filters and to a coordinator’s work area', async () => {
    const verified = (await summary(admin.token, 'from=2024-10-01&to=2024-12-31&verified=true')).body;
    expect(verified.stars.profesional).toEqual([0, 0, 0, 1, 0]);
    expect(verified.byMonth.map((m) => m.month)).toEqual(['2024-11']);

    const mine = (await summary(coordinator.token, 'from=2024-10-01&to=2024-12-31')).body;
    expect(mine.filters.workArea).toBe('boom-baru');
    expect(mine.stars.profesional).toEqual([1, 0, 0, 1, 0]);
    expect(mine.byMonth.map((m) => [m.month, m.count])).toEqual([
      ['2024-11', 1],
      ['2024-12', 1],
    ]);
    expect((await summary(coordinator.token, 'from=2024-10-01&to=2024-12-31&workArea=kantor-induk')).status).toBe(403);
  });

  it('counts a rating again once it is unvoided', async () => {
    await adminApi(server, admin.token).post(`/ratings/${voidedId}/unvoid`, {});
    const { body } = await summary(admin.token, 'from=2024-12-01&to=2024-12-31');
    expect(body.stars.profesional).toEqual([2, 0, 0, 0, 0]);
    expect(body.byMonth).toMatchObject([{ month: '2024-12', count: 2 }]);
    await adminApi(server, admin.token).post(`/ratings/${voidedId}/void`, { reason: 'Uji coba' });
  });

  it('gives zero stars and no months for an empty period', async () => {
    const { body } = await summary(admin.token, 'from=2019-01-01&to=2019-01-31');
    expect(
      Object.values(body.stars)
        .flat()
        .every((n) => n === 0),
    ).toBe(true);
    expect(body.byMonth).toEqual([]);
  });
});
