import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { dailyFiguresBothWays } from '../helpers/daily-figures.js';
import { postJson, ratingBody, uniquePhone } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('daily figures kept as ratings arrive', () => {
  it('equal what the raw ratings give after a burst of concurrent ratings, duplicates and replays among them', async () => {
    const nips = FIRST_OFFICE.employees.map((employee) => employee.nip);
    const types = ['cop', 'phqc', 'posbindu'];
    const bodies = Array.from({ length: 120 }, (_, i) =>
      ratingBody({
        nip: nips[i % nips.length],
        serviceType: types[i % types.length],
        phone: uniquePhone(),
        scores: {
          profesional: 1 + (i % 5),
          amanah: 1 + ((i * 2) % 5),
          cakap: 1 + ((i * 3) % 5),
          akuntabel: 5,
          kolaboratif: 1 + ((i * 7) % 5),
        },
      }),
    );
    const duplicates = bodies.slice(0, 20).map((body) => ({ ...body, clientId: randomUUID() }));
    const replays = bodies.slice(20, 40);
    const results = await Promise.all([...bodies, ...duplicates, ...replays].map((body) => postJson(`${server.url}/api/v1/ratings`, body)));

    expect(results.filter((r) => r.status === 201)).toHaveLength(120 + 20);
    expect(results.filter((r) => r.status === 409)).toHaveLength(20);
    expect(await Rating.count()).toBe(120);

    const figures = await dailyFiguresBothWays(server.sequelize);
    expect(Object.keys(figures.fine.raw).length).toBeGreaterThan(10);
    expect(figures.fine.kept).toEqual(figures.fine.raw);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
  });
});
