import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { RetentionJob } from '../../server/services/intake/retention.js';
import { adminApi, makeUser } from '../helpers/admin.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/databases.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const NIP = '199203152019032001';
const DAY = 86_400_000;
const scores = [5, 4, 5, 4, 5] as [number, number, number, number, number];
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RETENTION_DAYS: '30' });
});
afterAll(() => server.close());

const job = (batch = 500) => new RetentionJob(server.sequelize, 30, 600, () => new Date(), batch);

describe('retention of phone numbers', () => {
  it('erases the readable number of ratings past RETENTION_DAYS and keeps their hash and masked form', async () => {
    const old = await addRatings(
      server.sequelize,
      Array.from({ length: 3 }, (_, i) => ({ nip: NIP, scores, at: daysAgo(31 + i) })),
    );
    const recent = await addRatings(server.sequelize, [
      { nip: NIP, scores, at: daysAgo(29) },
      { nip: NIP, scores },
    ]);
    const before = new Map((await Rating.findAll({ where: { id: [...old, ...recent] } })).map((r) => [r.id, r]));

    const result = await job().run();
    expect(result.erased).toBeGreaterThanOrEqual(3);
    for (const id of old) {
      const rating = (await Rating.findByPk(id))!;
      expect(rating.phoneCipher).toBeNull();
      expect(rating.phoneHash).toBe(before.get(id)!.phoneHash);
      expect(rating.phoneMasked).toBe(before.get(id)!.phoneMasked);
    }
    for (const id of recent) expect((await Rating.findByPk(id))!.phoneCipher).not.toBeNull();

    // An admin asking for an erased number gets 410.
    const admin = await makeUser(server, 'admin');
    const read = await adminApi(server, admin.token).post(`/ratings/${old[0]}/phone`, { reason: 'Keluhan no. 3/2026' });
    expect(read.status).toBe(410);
    expect((await job().run()).erased).toBe(0);
  });

  it('works through many old ratings in batches, and two passes at once erase each number once', async () => {
    const old = await addRatings(
      server.sequelize,
      Array.from({ length: 23 }, (_, i) => ({ nip: NIP, scores, at: daysAgo(40 + i / 10) })),
    );
    const results = await Promise.all([job(5).run(), job(7).run(), job(4).run()]);
    expect(results.reduce((sum, r) => sum + r.erased, 0)).toBe(23);
    expect(await Rating.count({ where: { id: old, phoneCipher: null } })).toBe(23);
  });

  it('forgets rate-limit counters of windows long past and keeps current ones', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const [key, start] of [
      ['old:x', now - 3 * 86_400],
      ['new:x', now - 60],
    ] as const) {
      await server.sequelize.query('INSERT INTO rate_counters (key_hash, window_start, count) VALUES (?, ?, 1)', {
        replacements: [key, start],
      });
    }
    expect((await job().run()).counters).toBeGreaterThanOrEqual(1);
    const keys = await server.sequelize.query<{ key_hash: string }>('SELECT key_hash FROM rate_counters', { type: QueryTypes.SELECT });
    expect(keys.map((row) => row.key_hash)).toContain('new:x');
    expect(keys.map((row) => row.key_hash)).not.toContain('old:x');
  });
});

describe('the scheduled retention pass', () => {
  let database: ScratchDatabase | undefined;
  afterAll(() => database?.drop());

  it('runs in the server process shortly after start and stops with it', async () => {
    database = await createScratchDatabase();
    const first = await startTestServer({}, { database });
    const [id] = await addRatings(first.sequelize, [{ nip: NIP, scores, at: daysAgo(400) }]);
    await first.close();

    const second = await startTestServer({ RETENTION_DAYS: '365', RETENTION_SWEEP_MINUTES: '60' }, { database });
    try {
      const deadline = Date.now() + 10_000;
      while ((await Rating.findByPk(id!))!.phoneCipher !== null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect((await Rating.findByPk(id!))!.phoneCipher).toBeNull();
    } finally {
      await second.close();
    }
  });
});
