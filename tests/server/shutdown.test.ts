import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, openSide, type ScratchDatabase } from '../helpers/databases.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { lockRatings } from '../helpers/locks.js';
import { ensureServerBuilt, PROCESS_SECRETS, spawnServer, type ServerProcess } from '../helpers/processes.js';

let database: ScratchDatabase;
let dataDir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  await ensureServerBuilt();
  database = await createScratchDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'pacak-shutdown-'));
}, 120_000);

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const ratingsCount = async (): Promise<number> => {
  const side = openSide(database.url);
  try {
    return (await side.query<{ n: number }>('SELECT COUNT(*) AS n FROM ratings', { type: QueryTypes.SELECT }))[0]!.n;
  } finally {
    await side.close();
  }
};

describe('graceful shutdown on SIGTERM', () => {
  it('lets ratings in flight finish with 201, takes no new connections and exits 0', async () => {
    server = await spawnServer({ ...PROCESS_SECRETS, DATABASE_URL: database.url, DATA_DIR: dataDir });
    const before = await ratingsCount();
    const lock = await lockRatings(database);
    const inFlight = Array.from({ length: 5 }, () => postJson(`${server!.url}/api/v1/ratings`, ratingBody()));
    await lock.waitForBlocked(5);

    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.child.exitCode).toBeNull();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await lock.release();

    expect((await Promise.all(inFlight)).map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/"message":"shutting down","signal":"SIGTERM"/);
    expect(await ratingsCount()).toBe(before + 5);
  });

  it('answers /healthz 503 during SHUTDOWN_DELAY_MS while still serving ratings, then exits 0', async () => {
    server = await spawnServer({ ...PROCESS_SECRETS, DATABASE_URL: database.url, DATA_DIR: dataDir, SHUTDOWN_DELAY_MS: '1500' });
    expect((await getJson(`${server.url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const health = await getJson(`${server.url}/healthz`);
    expect(health).toMatchObject({ status: 503, body: { status: 'shutting-down' } });
    const late = await postJson(`${server.url}/api/v1/ratings`, ratingBody());
    expect(late.status).toBe(201);
    expect(late.headers.get('connection')).toBe('close');

    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
