import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { createScratchDatabase, openSide, type ScratchDatabase } from '../helpers/databases.js';
import { dailyFiguresBothWays } from '../helpers/daily-figures.js';
import { formToken, postJson, ratingBody } from '../helpers/http.js';
import { ensureServerBuilt, PROCESS_SECRETS, spawnServer, type ServerProcess } from '../helpers/processes.js';

const NIPS = FIRST_OFFICE.employees.map((employee) => employee.nip);
const WORKERS = 12;

interface Attempt {
  body: Record<string, unknown>;
  /** The answer, or null when the connection broke before one came (the process was killed). */
  status: number | null;
  answer?: { id: number; receipt: string; createdAt: string };
}

let database: ScratchDatabase;
let dataDir: string;
let env: Record<string, string>;
let side: Sequelize;
let current: ServerProcess | undefined;
const attempts = new Map<string, Attempt>();

beforeAll(async () => {
  await ensureServerBuilt();
  database = await createScratchDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'pacak-fault-'));
  env = { ...PROCESS_SECRETS, DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'error', RETENTION_SWEEP_MINUTES: '0' };
  side = openSide(database.url);
}, 60_000);

afterAll(async () => {
  current?.child.kill('SIGKILL');
  await side?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function send(url: string, attempt: Attempt): Promise<void> {
  try {
    const response = await postJson<{ id: number; receipt: string; createdAt: string }>(`${url}/api/v1/ratings`, attempt.body);
    attempt.status = response.status;
    if (response.status === 201) attempt.answer = response.body;
  } catch {
    attempt.status = null; // The connection broke: no answer, so the client does not know.
  }
}

/** Posts new ratings from WORKERS connections until `stop()`; SIGKILLs the process after `killAfterMs`. */
async function loadThenKill(server: ServerProcess, killAfterMs: number): Promise<void> {
  const tokens = new Map<string, string>();
  for (const nip of NIPS) tokens.set(nip, (await formToken(server.url, nip))!);
  let killed = false;
  const worker = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const nip = NIPS[(w + i) % NIPS.length]!;
      const attempt: Attempt = { body: ratingBody({ nip, formToken: tokens.get(nip) }), status: null };
      attempts.set(attempt.body.clientId as string, attempt);
      await send(server.url, attempt);
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  // Hard: no shutdown handler runs, whatever was in flight is cut off.
  killed = true;
  server.child.kill('SIGKILL');
  await server.exited;
  await Promise.all(workers);
}

const storedRows = (sql: string, replacements: unknown[] = []) =>
  side.query<{ id: number; receipt: string; client_id: string }>(sql, { replacements, type: QueryTypes.SELECT });

describe('ratings posted while the server process is killed hard and restarted', () => {
  it('keeps every rating that got a 201, stores none twice, and answers a resent one with its first answer', async () => {
    for (const killAfterMs of [1_500, 1_000]) {
      current = await spawnServer(env);
      await loadThenKill(current, killAfterMs);
    }
    current = await spawnServer(env);

    const answered = [...attempts.values()].filter((a) => a.status === 201);
    const cutOff = [...attempts.values()].filter((a) => a.status === null);
    // Enough ratings answered to span the kills; the point is that each of them is stored once.
    expect(answered.length).toBeGreaterThan(10);
    expect(cutOff.length).toBeGreaterThan(0);
    expect([...attempts.values()].every((a) => a.status === 201 || a.status === null)).toBe(true);

    // Every 201 is in the database, with the id and receipt it was answered with.
    const rows = await storedRows('SELECT id, receipt, client_id FROM ratings');
    const byClient = new Map(rows.map((row) => [row.client_id, row]));
    for (const attempt of answered) {
      expect(byClient.get(attempt.body.clientId as string), attempt.body.clientId as string).toMatchObject({
        id: attempt.answer!.id,
        receipt: attempt.answer!.receipt,
      });
    }
    // Nothing else: a rating is stored only when it was sent, and once.
    expect(rows.length).toBeLessThanOrEqual(attempts.size);
    expect(new Set(rows.map((row) => row.client_id)).size).toBe(rows.length);
    expect(new Set(rows.map((row) => row.receipt)).size).toBe(rows.length);

    // Some cut off may have been committed before the kill, their answer lost on the way.
    const committedUnanswered = cutOff.filter((a) => byClient.has(a.body.clientId as string)).length;

    // The widget sends what got no answer again, under the same clientId: each lands exactly once.
    for (const attempt of cutOff) await send(current.url, attempt);
    expect(cutOff.filter((a) => a.status !== 201).map((a) => a.status)).toEqual([]);
    // A resent answered one gets its first answer back.
    for (const attempt of answered.slice(0, 20)) {
      const again = await postJson(`${current.url}/api/v1/ratings`, attempt.body);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(attempt.answer);
    }
    const after = await storedRows('SELECT id, receipt, client_id FROM ratings');
    expect(after).toHaveLength(attempts.size);
    expect(new Set(after.map((row) => row.client_id))).toEqual(new Set(attempts.keys()));

    // The daily figures moved with the ratings, in the same transactions, across every kill.
    const figures = await dailyFiguresBothWays(side);
    expect(figures.fine.kept).toEqual(figures.fine.raw);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
    console.log(
      `fault: ${attempts.size} ratings sent, ${answered.length} answered 201 before the kills, ${cutOff.length} cut off (${committedUnanswered} of them stored already) and resent`,
    );
  }, 180_000);
});
