import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, makeOffice, makeUser, type TestUser } from '../helpers/admin.js';
import { getJson, uniquePhone } from '../helpers/http.js';
import { addRatings, type FixtureRating } from '../helpers/rating-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const RINA = '199203152019032001'; // kantor-induk
const AGUS = '198507222010121002'; // kantor-induk
const DEWI = '199011042015032003'; // boom-baru
const BAMBANG = '198812302014021001'; // boom-baru
const SITI = '199405182020122004'; // sungai-lumpur
const MAYA = '198903252012122001'; // tanjung-api-api

const wib = (local: string) => new Date(`${local}+07:00`);
const scores = [4, 4, 4, 4, 4] as [number, number, number, number, number];

let server: TestServer;
let admin: TestUser;
const ids: Record<string, number[]> = {};

interface Flag {
  kind: string;
  count: number;
  day?: string;
  key?: string;
  employee?: { nip: string };
  ratings: { id: number; receipt: string; phone: string; employee: { nip: string } }[];
}
type Report = { flags: Record<'outsideHours' | 'bursts' | 'aboveMedian' | 'phoneManyEmployees' | 'addressManyRatings', Flag[]> };

async function anomalies(params: string, token = admin.token) {
  return getJson<Report>(`${server.url}/api/v1/reports/anomalies?${params}`, { headers: { authorization: `Bearer ${token}` } });
}

const rated = async (name: string, ratings: FixtureRating[]) => (ids[name] = await addRatings(server.sequelize, ratings));

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeUser(server, 'admin');
  expect((await adminApi(server, admin.token).patch('/work-areas/kantor-induk', { serviceHours: '07:30-16:00' })).status).toBe(200);

  // 2 March: one rating of Rina at 02:00 WIB (outside 07:30-16:00), one at 10:00 (inside), one at 16:00 (closed).
  await rated('night', [
    { nip: RINA, scores, at: wib('2026-03-02T02:00:00') },
    { nip: RINA, scores, at: wib('2026-03-02T16:00:00') },
  ]);
  await rated('day', [
    { nip: RINA, scores, at: wib('2026-03-02T10:00:00') },
    { nip: RINA, scores, at: wib('2026-03-02T15:59:00') },
  ]);
  // 3 March: six ratings of Agus within eight minutes, and two more hours apart.
  await rated(
    'burst',
    Array.from({ length: 6 }, (_, i) => ({ nip: AGUS, scores, at: wib(`2026-03-03T09:0${i}:30`) })),
  );
  await rated('calm', [
    { nip: AGUS, scores, at: wib('2026-03-03T11:00:00') },
    { nip: AGUS, scores, at: wib('2026-03-03T13:00:00') },
  ]);
  // Boom Baru: Dewi rated twelve times over two days, Bambang twice.
  await rated(
    'busy',
    Array.from({ length: 12 }, (_, i) => ({
      nip: DEWI,
      scores,
      at: wib(`2026-03-0${6 + (i % 2)}T${String(8 + Math.floor(i / 2)).padStart(2, '0')}:00:00`),
    })),
  );
  await rated('usual', [
    { nip: BAMBANG, scores, at: wib('2026-03-06T09:00:00') },
    { nip: BAMBANG, scores, at: wib('2026-03-07T09:00:00') },
  ]);
  // 4 March: one number rates four employees, another three.
  const many = uniquePhone();
  const few = uniquePhone();
  await rated(
    'phone',
    [RINA, AGUS, SITI, MAYA].map((nip, i) => ({ nip, scores, phone: many, at: wib(`2026-03-04T${String(8 + i).padStart(2, '0')}:00:00`) })),
  );
  await rated(
    'phone-few',
    [RINA, AGUS, SITI].map((nip, i) => ({ nip, scores, phone: few, at: wib(`2026-03-04T${String(8 + i).padStart(2, '0')}:30:00`) })),
  );
  // 5 March: ten ratings from one address, nine from another.
  const spread = (i: number) => wib(`2026-03-05T${String(8 + (i % 7)).padStart(2, '0')}:${String(10 + i * 2).padStart(2, '0')}:00`);
  await rated(
    'address',
    Array.from({ length: 10 }, (_, i) => ({ nip: [SITI, MAYA][i % 2]!, scores, ipHash: 'a'.repeat(64), at: spread(i) })),
  );
  await rated(
    'address-few',
    Array.from({ length: 9 }, (_, i) => ({ nip: [SITI, MAYA][i % 2]!, scores, ipHash: 'b'.repeat(64), at: spread(i) })),
  );
  // Another office's burst is none of this office's business.
  const other = await makeOffice('bkk-lain-anomali');
  await rated(
    'elsewhere',
    Array.from({ length: 8 }, (_, i) => ({ nip: other.employee.nip, serviceType: 'umum', scores, at: wib(`2026-03-03T10:0${i}:00`) })),
  );
});
afterAll(() => server.close());

const idsOf = (flag: Flag | undefined) => (flag?.ratings ?? []).map((rating) => rating.id).sort((a, b) => a - b);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

describe('the anomaly report', () => {
  it("flags ratings outside the post's service hours, office-local, with their ids", async () => {
    const { status, body } = await anomalies('from=2026-03-01&to=2026-03-31');
    expect(status).toBe(200);
    const flags = body.flags.outsideHours;
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'outside-hours', count: 2, day: '2026-03-02', employee: { nip: RINA } });
    expect(idsOf(flags[0])).toEqual(sorted(ids.night!));
  });

  it('flags a burst of ratings of one employee within ten minutes, once, with the ratings in it', async () => {
    const { body } = await anomalies('from=2026-03-01&to=2026-03-31');
    expect(body.flags.bursts).toHaveLength(1);
    expect(body.flags.bursts[0]).toMatchObject({ kind: 'burst', count: 6, day: '2026-03-03', employee: { nip: AGUS } });
    expect(idsOf(body.flags.bursts[0])).toEqual(sorted(ids.burst!));
    // A stricter threshold finds none; a looser window joins the calm ones too.
    expect((await anomalies('from=2026-03-01&to=2026-03-31&burstCount=7')).body.flags.bursts).toEqual([]);
    const wide = (await anomalies('from=2026-03-03&to=2026-03-03&burstCount=8&burstMinutes=300')).body.flags.bursts;
    expect(wide[0]).toMatchObject({ count: 8 });
  });

  it("flags an employee far above their work area's median", async () => {
    const { body } = await anomalies('from=2026-03-01&to=2026-03-31&medianFactor=1.5&medianMin=10');
    const flag = body.flags.aboveMedian.find((f) => f.employee?.nip === DEWI);
    expect(flag).toMatchObject({ kind: 'above-median', count: 12 });
    expect(idsOf(flag)).toEqual(sorted(ids.busy!));
    expect(body.flags.aboveMedian.map((f) => f.employee?.nip)).not.toContain(BAMBANG);
    // The defaults (more than 3 times the median, at least 10) do not flag 12 against a median of 7.
    expect((await anomalies('from=2026-03-01&to=2026-03-31')).body.flags.aboveMedian).toEqual([]);
  });

  it('flags one phone number rating four employees in a day, with masked numbers, not one rating three', async () => {
    const { body } = await anomalies('from=2026-03-04&to=2026-03-04');
    expect(body.flags.phoneManyEmployees).toHaveLength(1);
    const flag = body.flags.phoneManyEmployees[0]!;
    expect(flag).toMatchObject({ kind: 'phone-many-employees', count: 4, day: '2026-03-04', key: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(idsOf(flag)).toEqual(sorted(ids.phone!));
    for (const rating of flag.ratings) expect(rating.phone).toMatch(/^08\d\d\*+\d{4}$/);
    expect(JSON.stringify(body)).not.toMatch(/phone_?hash|phoneCipher|\+628/);
  });

  it('flags ten ratings from one address in a day, not nine', async () => {
    const { body } = await anomalies('from=2026-03-05&to=2026-03-05');
    expect(body.flags.addressManyRatings).toHaveLength(1);
    expect(body.flags.addressManyRatings[0]).toMatchObject({ kind: 'address-many-ratings', count: 10, key: 'aaaaaaaaaaaa' });
    expect(idsOf(body.flags.addressManyRatings[0])).toEqual(sorted(ids.address!));
    expect((await anomalies('from=2026-03-05&to=2026-03-05&addressRatings=9')).body.flags.addressManyRatings).toHaveLength(2);
  });

  it('stops flagging what an admin voided', async () => {
    const api = adminApi(server, admin.token);
    expect((await api.post(`/ratings/${ids.phone![0]}/void`, { reason: 'Satu nomor menilai banyak petugas' })).status).toBe(200);
    const { body } = await anomalies('from=2026-03-04&to=2026-03-04');
    expect(body.flags.phoneManyEmployees).toEqual([]);
  });

  it('keeps to the admin’s own office and is for admins only', async () => {
    const { body } = await anomalies('from=2026-03-01&to=2026-03-31&burstCount=3');
    const nips = Object.values(body.flags)
      .flat()
      .flatMap((flag) => flag.ratings.map((rating) => rating.employee.nip));
    expect(nips.length).toBeGreaterThan(0);
    expect(new Set(nips).size).toBeLessThanOrEqual(6);
    for (const ratingId of ids.elsewhere!) expect(JSON.stringify(body)).not.toMatch(new RegExp(`"id":${ratingId}[,}]`));
    for (const role of ['viewer', 'coordinator'] as const) {
      const user = await makeUser(server, role, role === 'coordinator' ? { workArea: 'kantor-induk' } : {});
      expect((await anomalies('from=2026-03-01&to=2026-03-31', user.token)).status).toBe(403);
    }
    expect((await getJson(`${server.url}/api/v1/reports/anomalies?from=2026-03-01&to=2026-03-31`)).status).toBe(401);
  });

  it('reports the last 30 days of the office calendar when no period is given', async () => {
    const response = await anomalies('');
    expect(response.status).toBe(200);
    // The office's today (Asia/Jakarta), not the reader's UTC date: after 17:00 UTC they differ.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    expect((response.body as unknown as { period: { from: string; to: string } }).period).toEqual({ from, to: today });
  });

  it('refuses a bad period or threshold with 422 naming the parameter', async () => {
    for (const [params, path] of [
      ['to=2026-03-31', 'from'],
      ['from=2026-03-01', 'to'],
      ['from=2026-03-31&to=2026-03-01', 'to'],
      ['from=2026-01-01&to=2026-06-30', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-03-01&to=2026-03-31&burstCount=1', 'burstCount'],
      ['from=2026-03-01&to=2026-03-31&medianFactor=zero', 'medianFactor'],
      ['from=2026-03-01&to=2026-03-31&colour=red', 'colour'],
    ] as const) {
      const response = await anomalies(params);
      expect(response.status, params).toBe(422);
      expect((response.body as unknown as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
    }
  });
});
