import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { createScratchDatabase, openSide, TEST_DB, type ScratchDatabase } from '../helpers/databases.js';
import { dailyFiguresBothWays } from '../helpers/daily-figures.js';
import { formToken, postJson, ratingBody, uniquePhone, type JsonResponse } from '../helpers/http.js';
import { ensureServerBuilt, PROCESS_SECRETS, spawnServer, type ServerProcess } from '../helpers/processes.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const NIPS = FIRST_OFFICE.employees.map((employee) => employee.nip);
const TYPES = FIRST_OFFICE.serviceTypes.map((type) => type.code);

/**
 * Counts the statements the server's database driver sends, by wrapping the methods that send them on
 * the prototype of the pool's connections (pg's Client.query; mysql2's query and execute). Nothing is
 * replaced: every statement still goes to the real database.
 */
async function statementLog(sequelize: Sequelize): Promise<{ sent: string[]; stop(): void }> {
  const connection = await sequelize.connectionManager.getConnection({ type: 'write' });
  sequelize.connectionManager.releaseConnection(connection);
  const prototype = Object.getPrototypeOf(connection) as Record<string, unknown>;
  const sent: string[] = [];
  const restore: (() => void)[] = [];
  for (const method of TEST_DB === 'postgres' ? ['query'] : ['query', 'execute']) {
    const own = Object.prototype.hasOwnProperty.call(prototype, method);
    const original = prototype[method] as (this: unknown, ...args: unknown[]) => unknown;
    prototype[method] = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string; sql?: string };
      sent.push(typeof first === 'string' ? first : (first.text ?? first.sql ?? ''));
      return original.apply(this, args);
    };
    restore.push(() => (own ? (prototype[method] = original) : delete prototype[method]));
  }
  return { sent, stop: () => restore.forEach((undo) => undo()) };
}

describe.skipIf(TEST_DB === 'sqlite')('the lean rating path of PostgreSQL and MariaDB', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores a rating, its figures and its alert with one statement to the database', async () => {
    const token = await formToken(server.url, NIPS[0]!);
    // The first rating fills the catalogue's cache; from then on a rating reads nothing else.
    expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody({ nip: NIPS[0], formToken: token }))).status).toBe(201);
    const log = await statementLog(server.sequelize);
    const answers: JsonResponse[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        // A low score, so the alert outbox gets its row in the same statement.
        const scores = { profesional: 1, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 };
        answers.push(await postJson(`${server.url}/api/v1/ratings`, ratingBody({ nip: NIPS[0], formToken: token, scores })));
      }
    } finally {
      log.stop();
    }
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(log.sent).toHaveLength(5);
    for (const sql of log.sent) expect(sql).toMatch(TEST_DB === 'postgres' ? /^WITH limits AS/ : /^BEGIN NOT ATOMIC/);
    const ids = answers.map((answer) => Number(answer.body.id));
    const [alerts] = await server.sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM alert_outbox WHERE rating_id IN (${ids.join(', ')})`,
      {
        type: QueryTypes.SELECT,
      },
    );
    expect(Number(alerts?.n)).toBe(5);
  });

  it('answers a refused rating as before: a resend with its first answer, a repeat with 409', async () => {
    const body = ratingBody({ nip: NIPS[1] });
    const first = await postJson(`${server.url}/api/v1/ratings`, body);
    expect(first.status).toBe(201);
    const resent = await postJson(`${server.url}/api/v1/ratings`, body);
    expect(resent.status).toBe(201);
    expect(resent.body).toEqual(first.body);
    const repeat = await postJson(`${server.url}/api/v1/ratings`, { ...body, clientId: randomUUID() });
    expect(repeat.status).toBe(409);
    expect(repeat.body).toMatchObject({ type: expect.stringMatching(/already-rated$/), status: 409 });
  });
});

describe.skipIf(TEST_DB === 'sqlite')('ratings arriving together on PostgreSQL and MariaDB (grouped commits)', () => {
  let server: TestServer;
  const tokens = new Map<string, string>();
  const send = (body: Record<string, unknown>) =>
    postJson(`${server.url}/api/v1/ratings`, { ...body, formToken: tokens.get(body.nip as string) });
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_PHONE_PER_DAY: '10' });
    for (const nip of NIPS) tokens.set(nip, (await formToken(server.url, nip)) as string);
    // The catalogue's cache filled, so the ratings below reach the writer together.
    for (const nip of NIPS) expect((await send(ratingBody({ nip, serviceType: TYPES[0] }))).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  const figuresEqual = async () => {
    const figures = await dailyFiguresBothWays(server.sequelize);
    expect(figures.fine.kept).toEqual(figures.fine.raw);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
  };
  const count = async (sql: string) => Number((await server.sequelize.query<{ n: number }>(sql, { type: QueryTypes.SELECT }))[0]?.n ?? 0);

  it('writes ratings that arrive together in one statement, one commit for the group', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM ratings');
    const log = await statementLog(server.sequelize);
    // Comments that a group's JSON must carry unchanged: quotes, a backslash, accents, an emoji, none at all.
    const comments = ['Petugas "sangat" ramah \\ cepat', 'Pelayanan café 👍', undefined, 'Baik.\nTerima kasih'];
    const bodies = Array.from({ length: 24 }, (_, i) =>
      ratingBody({ nip: NIPS[i % NIPS.length], serviceType: TYPES[i % TYPES.length], comment: comments[i % comments.length] }),
    );
    let answers: JsonResponse[];
    try {
      answers = await Promise.all(bodies.map(send));
    } finally {
      log.stop();
    }
    expect(answers.map((answer) => answer.status)).toEqual(Array(24).fill(201));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(24);
    expect(await count('SELECT COUNT(*) AS n FROM ratings')).toBe(before + 24);
    // Each answer names its own rating: the id answered holds the clientId and the comment sent.
    const stored = await server.sequelize.query<{ id: number; client_id: string; comment: string | null }>(
      `SELECT id, client_id, comment FROM ratings WHERE id IN (${answers.map((answer) => Number(answer.body.id)).join(', ')})`,
      { type: QueryTypes.SELECT },
    );
    const byId = new Map(stored.map((row) => [Number(row.id), row]));
    bodies.forEach((body, i) => {
      const row = byId.get(Number(answers[i]!.body.id));
      expect(row?.client_id).toBe(body.clientId);
      expect(row?.comment ?? null).toBe(body.comment ?? null);
    });
    // A group is one statement; a rating alone is its own.
    const [single, grouped] =
      TEST_DB === 'postgres'
        ? [/^WITH limits AS \(\s+SELECT \* FROM unnest/, /^WITH limits AS \(\s+SELECT counter->>0/]
        : [/^BEGIN NOT ATOMIC\s+DECLARE v_full_limits/, /^BEGIN NOT ATOMIC\s+DECLARE v_first_id/];
    const ratingStatements = log.sent.filter((sql) => single.test(sql));
    const groupCalls = log.sent.filter((sql) => grouped.test(sql));
    expect(groupCalls.length).toBeGreaterThanOrEqual(1);
    expect(groupCalls.length + ratingStatements.length).toBeLessThan(24);
    await figuresEqual();
  });

  it('stores the rest of a group when one of its ratings is refused, and answers each as when sent alone', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM ratings');
    const distinct = Array.from({ length: 8 }, (_, i) =>
      ratingBody({ nip: NIPS[i % NIPS.length], serviceType: TYPES[(i + 1) % TYPES.length] }),
    );
    const repeated = ratingBody({ nip: NIPS[0], serviceType: TYPES[2] });
    const resent = ratingBody({ nip: NIPS[1], serviceType: TYPES[2] });
    const bodies = [...distinct, repeated, { ...repeated, clientId: randomUUID() }, resent, resent];
    const answers = await Promise.all(bodies.map(send));
    expect(answers.slice(0, 8).map((answer) => answer.status)).toEqual(Array(8).fill(201));
    // The same customer rating the same service twice at once: one stored, one told it is already rated.
    expect([answers[8]!.status, answers[9]!.status].sort()).toEqual([201, 409]);
    // The same rating sent twice at once: stored once, both sends get its answer.
    expect([answers[10]!.status, answers[11]!.status]).toEqual([201, 201]);
    expect(answers[10]!.body.id).toBe(answers[11]!.body.id);
    expect(await count('SELECT COUNT(*) AS n FROM ratings')).toBe(before + 10);
    expect(await count(`SELECT COUNT(*) AS n FROM ratings WHERE client_id = '${resent.clientId as string}'`)).toBe(1);
    await figuresEqual();
  });

  it('counts a full limit inside a group exactly, refusing only the ratings beyond it', async () => {
    const phone = uniquePhone();
    // RATE_LIMIT_PHONE_PER_DAY is 10 here: twelve different services of one number at once.
    const bodies = Array.from({ length: 12 }, (_, i) =>
      ratingBody({ phone, nip: NIPS[i % NIPS.length], serviceType: TYPES[(i + 3) % TYPES.length] }),
    );
    const answers = await Promise.all(bodies.map(send));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), 429, 429]);
    const allowed = 10;
    const stored = await count(
      `SELECT COUNT(*) AS n FROM ratings WHERE client_id IN (${bodies.map((body) => `'${body.clientId as string}'`).join(', ')})`,
    );
    expect(stored).toBe(allowed);
    const [counter] = await server.sequelize.query<{ n: number }>(
      "SELECT SUM(count) AS n FROM rate_counters WHERE key_hash LIKE 'phone:%' GROUP BY key_hash ORDER BY SUM(count) DESC LIMIT 1",
      { type: QueryTypes.SELECT },
    );
    expect(Number(counter?.n)).toBe(allowed);
    await figuresEqual();
  });
});

describe('two server processes racing the rating limits on one database', () => {
  const LIMITS = { TRUST_PROXY: '1', RATE_LIMIT_PHONE_PER_DAY: '3', RATE_LIMIT_BURST: '4', RATE_LIMIT_RATINGS: '8' };
  let database: ScratchDatabase;
  let dataDir: string;
  let side: Sequelize;
  let servers: ServerProcess[] = [];
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    await ensureServerBuilt();
    database = await createScratchDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'pacak-lean-'));
    const env = { ...PROCESS_SECRETS, ...LIMITS, DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
    servers = [await spawnServer(env)];
    servers.push(await spawnServer(env));
    side = openSide(database.url);
    for (const nip of NIPS) tokens.set(nip, (await formToken(servers[0]!.url, nip))!);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await side?.close();
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (i: number, body: Record<string, unknown>, address: string) =>
    postJson(
      `${servers[i % 2]!.url}/api/v1/ratings`,
      { ...body, formToken: tokens.get(body.nip as string) },
      { 'x-forwarded-for': address },
    );
  const total = async (sql: string) => Number((await side.query<{ n: number }>(sql, { type: QueryTypes.SELECT }))[0]?.n ?? 0);

  it('lets exactly the daily allowance of one phone through, each rating sent twice at once, and answers both sends alike', async () => {
    const phone = uniquePhone();
    const bodies = Array.from({ length: 12 }, (_, i) => ratingBody({ nip: NIPS[i % NIPS.length], serviceType: TYPES[i], phone }));
    // Each body twice (the same clientId), to both processes, all at once, every send from an address of its own.
    const answers = await Promise.all(bodies.flatMap((body, i) => [post(i, body, `10.1.${i}.1`), post(i + 1, body, `10.1.${i}.2`)]));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(6);
    expect(statuses.filter((status) => status === 429)).toHaveLength(18);
    for (let i = 0; i < bodies.length; i++) {
      const [one, other] = [answers[2 * i]!, answers[2 * i + 1]!];
      expect(one.status).toBe(other.status);
      if (one.status === 201) expect(one.body).toEqual(other.body);
    }
    for (const refused of answers.filter((answer) => answer.status === 429)) expect(refused.body).toMatchObject({ limit: 'phone' });
  });

  it('lets exactly the burst allowance of one address through, sent to both at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => post(i, ratingBody({ nip: NIPS[i % NIPS.length] }), '10.2.0.1')),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
  });

  it('counts exactly the stored ratings, none of the refused, and keeps the figures equal to the ratings', async () => {
    const stored = await total('SELECT COUNT(*) AS n FROM ratings');
    expect(stored).toBe(7);
    expect(await total("SELECT SUM(count) AS n FROM rate_counters WHERE key_hash LIKE 'phone:%'")).toBe(stored);
    expect(await total("SELECT SUM(count) AS n FROM rate_counters WHERE key_hash LIKE 'burst:%'")).toBe(stored);
    expect(await total("SELECT SUM(count) AS n FROM rate_counters WHERE key_hash LIKE 'rate:%'")).toBe(stored);
    const figures = await dailyFiguresBothWays(side);
    expect(figures.fine.kept).toEqual(figures.fine.raw);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
  });
});
