import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { Catalogue } from '../../server/services/catalogue/catalogue.js';
import { localDate } from '../../server/domain/local-date.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { MemoryRateLimiter } from '../../server/services/access/rate-limiter.js';
import { ratingBodySchema } from '../../server/domain/rating-schema.js';
import { openRatingStore } from '../../server/db/open-rating-store.js';
import { RatingService } from '../../server/services/intake/ratings.js';
import { ADMIN_URLS, createScratchDatabase, openSide, TEST_DB, type ScratchDatabase } from '../helpers/databases.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let database: ScratchDatabase;
const originalTz = process.env.TZ;

beforeAll(async () => {
  // Neither the machine's zone (São Paulo, UTC-3) nor the database's (Kiritimati, UTC+14) is the office's (WIB, UTC+7).
  process.env.TZ = 'America/Sao_Paulo';
  database = await createScratchDatabase();
  if (TEST_DB === 'postgres') {
    const admin = openSide(ADMIN_URLS.postgres);
    await admin.query(`ALTER DATABASE ${new URL(database.url).pathname.slice(1)} SET timezone TO 'Pacific/Kiritimati'`);
    await admin.close();
  }
  server = await startTestServer({}, { database });
});
afterAll(async () => {
  await server.close();
  await database.drop();
  process.env.TZ = originalTz;
});

/** created_at and local_date as the database itself spells them, in UTC. */
async function storedForm(id: number): Promise<{ createdAt: string; localDate: string }> {
  const sql = {
    sqlite: 'SELECT substr(created_at, 1, 23) AS createdAt, local_date AS localDate FROM ratings WHERE id = :id',
    postgres: `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS "createdAt", to_char(local_date, 'YYYY-MM-DD') AS "localDate" FROM ratings WHERE id = :id`,
    mariadb:
      "SELECT LEFT(DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f'), 23) AS createdAt, DATE_FORMAT(local_date, '%Y-%m-%d') AS localDate FROM ratings WHERE id = :id",
  }[TEST_DB];
  const [row] = await server.sequelize.query<{ createdAt: string; localDate: string }>(sql, {
    replacements: { id },
    type: QueryTypes.SELECT,
  });
  return row!;
}

describe('office-local days and instants whatever the machine and database time zones', () => {
  it('runs this file in a machine zone other than UTC and the office zone', () => {
    expect(new Date('2026-05-10T17:30:00Z').getTimezoneOffset()).toBe(180);
  });

  it('stores the WIB day and the instant to the millisecond, and reads both back unchanged', async () => {
    const instant = new Date('2026-05-10T17:30:00.123Z'); // 00:30:00.123 WIB on 11 May; 14:30 on 10 May in São Paulo
    const service = new RatingService({
      catalogue: new Catalogue(server.config.publicBaseUrl),
      vault: new PhoneVault(server.config.phoneKey),
      limiter: new MemoryRateLimiter(100, 60_000),
      store: await openRatingStore(server.sequelize, server.config),
      now: () => instant,
    });
    const { receipt } = await service.submit(ratingBodySchema.parse(ratingBody()), { ipHash: null });
    expect(receipt.createdAt).toBe('2026-05-10T17:30:00.123Z');

    const rating = await Rating.findByPk(receipt.id);
    expect(rating!.localDate).toBe('2026-05-11');
    expect(rating!.createdAt.toISOString()).toBe('2026-05-10T17:30:00.123Z');
    expect(await storedForm(receipt.id)).toEqual({ createdAt: '2026-05-10 17:30:00.123', localDate: '2026-05-11' });
    expect(await Rating.count({ where: { localDate: '2026-05-11' } })).toBe(1);
    expect(await Rating.count({ where: { localDate: '2026-05-10' } })).toBe(0);
  });

  it('answers a replayed clientId with the very createdAt of the first answer, milliseconds included', async () => {
    const body = ratingBody({ clientId: randomUUID() });
    const first = await postJson<{ id: number; createdAt: string }>(`${server.url}/api/v1/ratings`, body);
    const again = await postJson<{ id: number; createdAt: string }>(`${server.url}/api/v1/ratings`, body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.createdAt).toBe(first.body.createdAt);
    const rating = await Rating.findByPk(first.body.id);
    expect(rating!.localDate).toBe(localDate(new Date(first.body.createdAt), 'Asia/Jakarta'));
  });
});
