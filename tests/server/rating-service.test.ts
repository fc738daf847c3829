import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { Catalogue } from '../../server/services/catalogue/catalogue.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { MemoryRateLimiter } from '../../server/services/access/rate-limiter.js';
import { ratingBodySchema } from '../../server/domain/rating-schema.js';
import { openRatingStore } from '../../server/db/open-rating-store.js';
import { RatingService } from '../../server/services/intake/ratings.js';
import { ratingBody } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function serviceAt(clock: { now: Date }): Promise<RatingService> {
  return new RatingService({
    catalogue: new Catalogue(server.config.publicBaseUrl),
    vault: new PhoneVault(server.config.phoneKey),
    limiter: new MemoryRateLimiter(100, 60_000),
    store: await openRatingStore(server.sequelize, server.config),
    now: () => clock.now,
  });
}

describe('the one-a-day rule counts days in the office time zone', () => {
  it('refuses a second rating at 23:59 WIB and accepts one a minute later, on the next local day', async () => {
    const clock = { now: new Date('2026-05-10T16:58:00Z') }; // 23:58 WIB
    const service = await serviceAt(clock);
    const body = () => ratingBodySchema.parse(ratingBody({ phone: '0857-1111-2222' }));
    const first = await service.submit(body(), { ipHash: null });
    expect((await Rating.findByPk(first.receipt.id))!.localDate).toBe('2026-05-10');

    clock.now = new Date('2026-05-10T16:59:59Z'); // 23:59:59 WIB
    await expect(service.submit(body(), { ipHash: null })).rejects.toMatchObject({ problem: { status: 409 } });

    clock.now = new Date('2026-05-10T17:00:30Z'); // 00:00:30 WIB, the next day
    const next = await service.submit(body(), { ipHash: null });
    expect((await Rating.findByPk(next.receipt.id))!.localDate).toBe('2026-05-11');
  });

  it('counts the day in WIB even where UTC has another date', async () => {
    const service = await serviceAt({ now: new Date('2026-07-01T20:00:00Z') }); // 03:00 WIB on 2 July
    const result = await service.submit(ratingBodySchema.parse(ratingBody()), { ipHash: null });
    expect((await Rating.findByPk(result.receipt.id))!.localDate).toBe('2026-07-02');
  });
});
