import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDatabase, CopyRefusedError } from '../../server/db/copy.js';
import { PublicCode, Rating } from '../../server/db/models/index.js';
import { createScratchDatabase, TEST_DB, type ScratchDatabase } from '../helpers/databases.js';
import { postJson, ratingBody } from '../helpers/http.js';
import { ensureServerBuilt, runDbCopy } from '../helpers/processes.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Same secrets on both sides, as an operator moving an installation keeps PHONE_KEY. */
const SECRETS = { PHONE_KEY: 'k'.repeat(40), JWT_SECRET: 'j'.repeat(40) };
const REPEATED = { phone: '0812-7777-0001', serviceType: 'cop' };

let source: ScratchDatabase;
let target: ScratchDatabase;
let before: Record<string, unknown[]>;

/**
 * Every row of every model the server registers, in id order, as the models read them. MariaDB keeps
 * whole seconds in plain DATETIME columns (only the ratings' times are DATETIME(3)), so elsewhere the
 * comparison is to the second there.
 */
async function everything(server: TestServer): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const model of Object.values(server.sequelize.models)) {
    if (model.tableName === 'schema_migrations') continue;
    const json = JSON.stringify(await model.findAll({ order: [[model.primaryKeyAttributes[0] ?? 'id', 'ASC']] }));
    const coarse = TEST_DB === 'mariadb' && model.tableName !== 'ratings';
    tables[model.tableName] = JSON.parse(coarse ? json.replace(/(T\d{2}:\d{2}:\d{2})\.\d{3}Z/g, '$1.000Z') : json);
  }
  return tables;
}

beforeAll(async () => {
  await ensureServerBuilt();
  source = await createScratchDatabase('sqlite');
  target = await createScratchDatabase();
  const server = await startTestServer(SECRETS, { database: source });
  const post = (overrides: Record<string, unknown>) => postJson(`${server.url}/api/v1/ratings`, ratingBody(overrides));
  expect((await post(REPEATED)).status).toBe(201);
  expect((await post({ comment: 'Mantap 👍🏽 pelayanannya, terima kasih Bu dokter 🙏' })).status).toBe(201);
  for (let i = 0; i < 30; i++)
    expect((await post({ nip: i % 2 ? '198507222010121002' : '199011042015032003', channel: 'qr' })).status).toBe(201);
  await Rating.update({ voidedAt: new Date('2026-06-01T02:03:04.567Z'), voidReason: 'uji coba' }, { where: { id: 3 } });
  await PublicCode.update({ replacedAt: new Date() }, { where: { id: 1 } });
  before = await everything(server);
  await server.close();
}, 120_000);

afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

describe(`db:copy from SQLite to ${TEST_DB}`, () => {
  it('copies every table in dependency order with matching counts', async () => {
    const lines: string[] = [];
    const report = await copyDatabase({ from: source.url, to: target.url, batchSize: 7, log: (line) => lines.push(line) });
    const tables = report.tables.map((table) => table.name);
    expect(tables.indexOf('offices')).toBeLessThan(tables.indexOf('work_areas'));
    expect(tables.indexOf('employees')).toBeLessThan(tables.indexOf('ratings'));
    expect(report.tables).toEqual(
      expect.arrayContaining([
        { name: 'ratings', rows: 32 },
        { name: 'employees', rows: 12 },
        { name: 'offices', rows: 1 },
      ]),
    );
    expect(lines).toContain('ratings: 32 rows');
  });

  it('leaves every row equal as the models read it, instants and Unicode included', async () => {
    const server = await startTestServer(SECRETS, { database: target });
    try {
      expect(await everything(server)).toEqual(before);
      expect(Object.keys(before).length).toBeGreaterThanOrEqual(6);
    } finally {
      await server.close();
    }
  });

  it('keeps the rules working on the copy: the same phone is refused, new ratings get fresh ids', async () => {
    const server = await startTestServer(SECRETS, { database: target });
    try {
      expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody(REPEATED))).status).toBe(409);
      const fresh = await postJson<{ id: number }>(`${server.url}/api/v1/ratings`, ratingBody());
      expect(fresh.status).toBe(201);
      // Past the copied ids (PostgreSQL's sequence was moved on); a refused insert may have used one up.
      expect(fresh.body.id).toBeGreaterThan(32);
    } finally {
      await server.close();
    }
  });

  it('refuses a target that already holds rows and changes nothing', async () => {
    await expect(copyDatabase({ from: source.url, to: target.url })).rejects.toThrow(CopyRefusedError);
    await expect(copyDatabase({ from: source.url, to: target.url })).rejects.toThrow(/target is not empty \(rows in .*ratings/);
  });

  it('runs as a command that copies, refuses and explains itself with exit codes', async () => {
    const second = await createScratchDatabase();
    try {
      const copied = await runDbCopy(['--from', source.url, '--to', second.url]);
      expect(copied.output).toMatch(/Done: \d+ rows in \d+ tables, counts verified/);
      expect(copied.code).toBe(0);
      const again = await runDbCopy(['--from', source.url, '--to', second.url]);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/db:copy failed and wrote no rows: The target is not empty/);
      const usage = await runDbCopy(['--from', source.url]);
      expect(usage.code).toBe(2);
      expect(usage.output).toMatch(/Both --from and --to are required/);
    } finally {
      await second.drop();
    }
  });
});
