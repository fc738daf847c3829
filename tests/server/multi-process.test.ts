import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_TABLE } from '../../server/db/migrate.js';
import { MIGRATIONS } from '../../server/db/migrations/index.js';
import { createScratchDatabase, openSide, type ScratchDatabase } from '../helpers/databases.js';
import { postJson, ratingBody, uniquePhone } from '../helpers/http.js';
import { ensureServerBuilt, PROCESS_SECRETS, spawnServer, type ServerProcess } from '../helpers/processes.js';

let database: ScratchDatabase;
let dataDir: string;
let side: Sequelize;
let servers: ServerProcess[] = [];

beforeAll(async () => {
  await ensureServerBuilt();
  database = await createScratchDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'pacak-multi-'));
  const env = { ...PROCESS_SECRETS, DATABASE_URL: database.url, DATA_DIR: dataDir };
  // Both start at once on an empty database: the startup lock makes them migrate and seed in turn.
  servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  side = openSide(database.url);
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.child.kill('SIGKILL');
  await side?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const count = async (sql: string): Promise<number> => (await side.query<{ n: number }>(sql, { type: QueryTypes.SELECT }))[0]!.n;

const messages = (server: ServerProcess): string[] =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { message: string }).message);

describe('two server processes on one database', () => {
  it('migrate and seed it once when they start together on an empty database', async () => {
    const all = servers.flatMap(messages);
    expect(all.filter((message) => message === 'migrated')).toHaveLength(1);
    expect(all.filter((message) => message === 'seeded the first office')).toHaveLength(1);
    expect(await count('SELECT COUNT(*) AS n FROM schema_migrations')).toBe(MIGRATIONS.length);
    expect(await count('SELECT COUNT(*) AS n FROM offices')).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM employees')).toBe(12);
  });

  it('let exactly one of fifty identical ratings sent to both at once through', async () => {
    const phone = uniquePhone();
    const before = await count('SELECT COUNT(*) AS n FROM ratings');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postJson(`${servers[i % 2]!.url}/api/v1/ratings`, ratingBody({ phone, serviceType: 'cop', clientId: randomUUID() })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array<number>(49).fill(409)]);
    expect(await count('SELECT COUNT(*) AS n FROM ratings')).toBe(before + 1);
  });

  it('answer one clientId sent to both with one rating and the same receipt', async () => {
    const body = ratingBody({ serviceType: 'posbindu' });
    const before = await count('SELECT COUNT(*) AS n FROM ratings');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => postJson(`${servers[i % 2]!.url}/api/v1/ratings`, body)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM ratings')).toBe(before + 1);
  });

  it('refuse on one process a phone that rated on the other, however it is written', async () => {
    const phone = uniquePhone();
    expect((await postJson(`${servers[0]!.url}/api/v1/ratings`, ratingBody({ phone }))).status).toBe(201);
    expect((await postJson(`${servers[1]!.url}/api/v1/ratings`, ratingBody({ phone: phone.replace(/^0/, '+62 ') }))).status).toBe(409);
  });

  it('check at most five passwords of one username when a burst of sign-ins reaches both at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        postJson(`${servers[i % 2]!.url}/api/v1/auth/token`, { username: 'admin', password: `wrong guess ${i}` }),
      ),
    );
    const statuses = results.map(({ status }) => status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
  });

  it('both stop on SIGTERM with exit code 0', async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((server) => server.exited))).toEqual([0, 0]);
  });

  it('a release older than the schema refuses to start on it, saying why, with exit code 1', async () => {
    await side.query(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES ('2099.01.01T00.00.00.from-the-future')`);
    const env = { ...PROCESS_SECRETS, DATABASE_URL: database.url, DATA_DIR: dataDir };
    await expect(spawnServer(env)).rejects.toThrow(
      /exited with code 1 before answering:[^]*The database was migrated by a newer release \(unknown migrations: 2099\.01\.01T00\.00\.00\.from-the-future\)/,
    );
  });
});
