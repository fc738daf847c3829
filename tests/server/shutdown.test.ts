import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, openSide, TEST_DB, type ScratchDatabase } from '../helpers/databases.js';
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

/** Polls until `check` holds: a signal reaches a busy process after a while, not at once. */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A rating whose body arrives in two parts, the second only on `finish()`: a slow phone mid-upload. */
function slowPost(url: string): { started: Promise<void>; finish(): void; status: Promise<number> } {
  const body = Buffer.from(JSON.stringify(ratingBody()));
  const request = httpRequest(`${url}/api/v1/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': body.length },
    agent: false,
  });
  const status = new Promise<number>((resolve, reject) => {
    request.once('response', (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', reject);
  });
  const half = Math.floor(body.length / 2);
  const started = new Promise<void>((resolve) => request.write(body.subarray(0, half), () => resolve()));
  // Give the server a moment to read the headers and start the handler before the signal arrives.
  const settled = started.then(() => new Promise((resolve) => setTimeout(resolve, 200)));
  return { started: settled.then(() => undefined), finish: () => request.end(body.subarray(half)), status };
}

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
    server = await spawnServer({ ...PROCESS_SECRETS, REQUIRE_FORM_TOKEN: '0', DATABASE_URL: database.url, DATA_DIR: dataDir });
    const before = await ratingsCount();
    // In flight two ways: a phone still uploading its rating, and (where the database can show it) ratings
    // waiting on a lock. Not on SQLite: node-sqlite3 finalizes statements on the main thread, so a writer
    // waiting for the file lock can hold the whole process still, signals included, until the lock goes.
    const uploads = [slowPost(server.url), slowPost(server.url)];
    const lock = TEST_DB === 'sqlite' ? undefined : await lockRatings(database);
    try {
      const blocked = lock ? Array.from({ length: 3 }, () => postJson(`${server!.url}/api/v1/ratings`, ratingBody())) : [];
      // Should a step below fail, the process is killed with these still open: that is not a second failure.
      for (const pending of [...blocked, ...uploads.map((upload) => upload.status)]) pending.catch(() => undefined);
      // At least one waits at the database; ratings that arrive meanwhile wait in the process for the next
      // group (grouped commits), where the database cannot show them: a moment lets them all arrive.
      await lock?.waitForBlocked(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await Promise.all(uploads.map((upload) => upload.started));

      server.child.kill('SIGTERM');
      await until(() =>
        fetch(`${server!.url}/healthz`).then(
          () => false,
          () => true,
        ),
      ); // the port closes
      expect(server.child.exitCode).toBeNull(); // held open by the requests in flight
      await lock?.release();
      for (const upload of uploads) upload.finish();

      const statuses = [
        ...(await Promise.all(blocked)).map((response) => response.status),
        ...(await Promise.all(uploads.map((u) => u.status))),
      ];
      expect(statuses).toEqual(Array<number>(lock ? 5 : 2).fill(201));
      expect(await server.exited).toBe(0);
      expect(server.output()).toMatch(/"message":"shutting down","signal":"SIGTERM"/);
      expect(await ratingsCount()).toBe(before + statuses.length);
    } finally {
      await lock?.release();
      server.child.kill('SIGKILL');
    }
  });

  it('answers /healthz 503 during SHUTDOWN_DELAY_MS while still serving ratings, then exits 0', async () => {
    server = await spawnServer({
      ...PROCESS_SECRETS,
      REQUIRE_FORM_TOKEN: '0',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SHUTDOWN_DELAY_MS: '3000',
    });
    expect((await getJson(`${server.url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    await until(async () => (await getJson(`${server!.url}/healthz`)).status === 503);

    const health = await getJson(`${server.url}/healthz`);
    expect(health).toMatchObject({ status: 503, body: { status: 'shutting-down' } });
    const late = await postJson(`${server.url}/api/v1/ratings`, ratingBody());
    expect(late.status).toBe(201);
    expect(late.headers.get('connection')).toBe('close');

    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
