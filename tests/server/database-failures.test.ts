import { describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { TEST_DB } from '../helpers/databases.js';
import { getJson, postJson, ratingBody, type JsonResponse } from '../helpers/http.js';
import { killConnection, lockRatings } from '../helpers/locks.js';
import { startTestServer } from '../helpers/server.js';

/** The answer the widget can act on: 503 problem+json with Retry-After, never a 500. */
function expectUnavailable(response: JsonResponse): void {
  expect(response.status, JSON.stringify(response.body)).toBe(503);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.body).toMatchObject({ status: 503, title: 'Service unavailable', detail: expect.stringMatching(/database/) });
}

describe('the database failing under a request', () => {
  it.skipIf(TEST_DB === 'sqlite')('answers 503 when the connection serving a rating is killed, and serves the next one', async () => {
    const server = await startTestServer();
    try {
      const before = await Rating.count();
      const lock = await lockRatings(server.database);
      const pending = postJson(`${server.url}/api/v1/ratings`, ratingBody());
      const [blocked] = await lock.waitForBlocked();
      await killConnection(lock, TEST_DB, blocked!);
      const killed = await pending;
      await lock.release();
      expectUnavailable(killed);
      expect(await Rating.count()).toBe(before);

      expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody())).status).toBe(201);
      expect((await getJson(`${server.url}/healthz`)).body).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
  });

  it('answers 503 when a statement outlasts DB_STATEMENT_TIMEOUT_MS, and serves the next one', async () => {
    const server = await startTestServer({ DB_STATEMENT_TIMEOUT_MS: '400' });
    try {
      const lock = await lockRatings(server.database);
      const started = Date.now();
      const response = await postJson(`${server.url}/api/v1/ratings`, ratingBody());
      const waited = Date.now() - started;
      await lock.release();
      expectUnavailable(response);
      expect(waited).toBeGreaterThanOrEqual(350);
      expect(waited).toBeLessThan(5_000);
      expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody())).status).toBe(201);
    } finally {
      await server.close();
    }
  });

  // SQLite's driver opens a connection per transaction and has no pool to run out of.
  it.skipIf(TEST_DB === 'sqlite')('answers 503 when no pooled connection frees up within DB_POOL_ACQUIRE_MS', async () => {
    const server = await startTestServer({ DB_POOL_MAX: '1', DB_POOL_ACQUIRE_MS: '300' });
    try {
      const transaction = await server.sequelize.transaction(); // takes the only connection
      const started = Date.now();
      const response = await postJson(`${server.url}/api/v1/ratings`, ratingBody());
      expect(Date.now() - started).toBeLessThan(5_000);
      expectUnavailable(response);
      expect((await getJson(`${server.url}/healthz`)).status).toBe(503);
      await transaction.rollback();
      expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody())).status).toBe(201);
      expect((await getJson(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
