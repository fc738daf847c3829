import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office, Rating, WorkArea } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { KioskKeys } from '../../server/services/access/kiosk-keys.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let keys: KioskKeys;
let areaId: number;
let officeId: number;
beforeAll(async () => {
  // One counter's shared address: three ratings per window from it, eight per kiosk key.
  server = await startTestServer({
    TRUST_PROXY: '1',
    RATE_LIMIT_RATINGS: '3',
    RATE_LIMIT_BURST: '3',
    RATE_LIMIT_KIOSK_RATINGS: '8',
    RATE_LIMIT_KIOSK_BURST: '8',
  });
  keys = new KioskKeys(new PhoneVault(server.config.phoneKey));
  officeId = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!.id;
  areaId = (await WorkArea.findOne({ where: { officeId, code: 'kantor-induk' } }))!.id;
});
afterAll(() => server.close());

const ratings = () => `${server.url}/api/v1/ratings`;
const kioskRating = (key: string, address: string) =>
  postJson(ratings(), ratingBody({ nip: DEMO_NIP, channel: 'kiosk' }), { 'X-Kiosk-Key': key, 'x-forwarded-for': address });

describe('the ratings of a counter tablet count per kiosk key, not per address', () => {
  it('accepts a kiosk beyond the per-address limit of its shared network, and refuses it beyond its own', async () => {
    const address = '198.51.100.10';
    for (let i = 0; i < 3; i++) expect((await postJson(ratings(), ratingBody(), { 'x-forwarded-for': address })).status).toBe(201);
    expect((await postJson(ratings(), ratingBody(), { 'x-forwarded-for': address })).status).toBe(429);
    const { key } = await keys.issueKioskKey(officeId, areaId, 'Loket Sibuk');
    for (let i = 0; i < 8; i++) expect((await kioskRating(key, address)).status).toBe(201);
    const refused = await kioskRating(key, address);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 429, limit: expect.stringMatching(/^kiosk/), detail: expect.stringMatching(/tablet/) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another tablet on the same network has limits of its own.
    const other = await keys.issueKioskKey(officeId, areaId, 'Loket Sebelah');
    expect((await kioskRating(other.key, address)).status).toBe(201);
  });

  it('lets no more than the key limit through when ratings arrive at once', async () => {
    const { key } = await keys.issueKioskKey(officeId, areaId, 'Loket Serentak');
    const before = await Rating.count();
    const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => kioskRating(key, `198.51.100.${100 + i}`)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(8);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    expect((await Rating.count()) - before).toBe(8);
  });

  it('counts a rating without a valid key per address as before', async () => {
    const address = '198.51.100.20';
    const revoked = await keys.issueKioskKey(officeId, areaId, 'Loket Dicabut');
    await keys.revokeKioskKey(revoked.id);
    expect((await kioskRating(revoked.key, address)).status).toBe(422);
    for (let i = 0; i < 3; i++)
      expect((await postJson(ratings(), ratingBody(), { 'x-forwarded-for': address, 'X-Kiosk-Key': revoked.key })).status).toBe(201);
    expect((await postJson(ratings(), ratingBody(), { 'x-forwarded-for': address })).status).toBe(429);
  });
});
