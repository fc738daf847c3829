import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, Rating } from '../../server/db/models/index.js';
import { TEST_DB } from '../helpers/databases.js';
import { getJson, postJson, ratingBody, uniquePhone } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('text in Indonesian and any Unicode', () => {
  it('keeps names and comments with accents, scripts and 4-byte emoji exactly as written', async () => {
    const name = 'dr. Ñoman Siregar, Sp.KKLP 👩🏽‍⚕️ 𝓟𝓐𝓒𝓐𝓚';
    const comment = 'Pelayanan ramah sekali 😊🙏🏼 — terima kasih banyak! ẞ ğ ş 中文 العربية 🇮🇩';
    await Employee.create({ officeId: 1, workAreaId: 1, nip: '199001012020121001', name, position: 'Dokter', kind: 'asn' });
    const employee = await getJson<{ name: string }>(`${server.url}/api/v1/employees/199001012020121001`);
    expect(employee.body.name).toBe(name);
    const { status, body } = await postJson(`${server.url}/api/v1/ratings`, ratingBody({ nip: '199001012020121001', comment }));
    expect(status).toBe(201);
    expect((await Rating.findByPk(body.id as number))!.comment).toBe(comment);
  });

  it.skipIf(TEST_DB !== 'mariadb')('creates every table and text column in utf8mb4 although the database default is latin1', async () => {
    const [database] = await server.sequelize.query<{ charset: string }>(
      'SELECT DEFAULT_CHARACTER_SET_NAME AS charset FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()',
      { type: QueryTypes.SELECT },
    );
    expect(database!.charset).toBe('latin1');
    const tables = await server.sequelize.query<{ name: string; collation: string }>(
      'SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
      { type: QueryTypes.SELECT },
    );
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const table of tables) expect(table, table.name).toMatchObject({ collation: expect.stringMatching(/^utf8mb4_/) });
    const columns = await server.sequelize.query<{ name: string; charset: string }>(
      "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS name, CHARACTER_SET_NAME AS charset FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL",
      { type: QueryTypes.SELECT },
    );
    for (const column of columns) expect(column, column.name).toMatchObject({ charset: 'utf8mb4' });
  });
});

describe('counts and sums are numbers on every database', () => {
  beforeAll(async () => {
    const base = ratingBody();
    const rows = Array.from({ length: 2_000 }, (_, i) => ({
      officeId: 1,
      employeeId: 1 + (i % 12),
      workAreaId: 1,
      serviceTypeId: 1 + (i % 20),
      profesional: 5,
      amanah: 4,
      cakap: 1 + (i % 5),
      akuntabel: 5,
      kolaboratif: 5,
      comment: null,
      channel: 'kiosk' as const,
      clientId: `bulk-${i}`,
      receipt: `BULK${String(i).padStart(6, '0')}`,
      phoneHash: `hash-${i}-${String(base.phone)}`,
      phoneCipher: null,
      phoneMasked: '0812****0000',
      ipHash: null,
      localDate: '2026-01-15',
      createdAt: new Date('2026-01-15T03:00:00Z'),
    }));
    for (let i = 0; i < rows.length; i += 500) await Rating.bulkCreate(rows.slice(i, i + 500));
  });

  it('counts through the models as numbers', async () => {
    const count = await Rating.count({ where: { localDate: '2026-01-15' } });
    expect(count).toBe(2_000);
    const grouped = (await Rating.count({ where: { localDate: '2026-01-15' }, group: ['cakap'] })) as unknown as {
      cakap: number;
      count: number;
    }[];
    expect(grouped.map((row) => [Number(row.cakap), row.count]).sort()).toEqual([
      [1, 400],
      [2, 400],
      [3, 400],
      [4, 400],
      [5, 400],
    ]);
    expect(await Rating.sum('cakap', { where: { localDate: '2026-01-15' } })).toBe(6_000);
  });

  it('returns COUNT, SUM, AVG and products past 2^31 from plain SQL as numbers', async () => {
    const [row] = await server.sequelize.query<Record<string, unknown>>(
      `SELECT COUNT(*) AS n, SUM(cakap) AS total, AVG(cakap) AS mean, COUNT(*) * 3000000000 AS big, MAX(id) AS top
       FROM ratings WHERE local_date = '2026-01-15'`,
      { type: QueryTypes.SELECT },
    );
    expect(row).toEqual({ n: 2_000, total: 6_000, mean: 3, big: 6_000_000_000_000, top: expect.any(Number) });
  });

  it('still counts a new rating posted over HTTP', async () => {
    const before = await Rating.count();
    expect((await postJson(`${server.url}/api/v1/ratings`, ratingBody({ phone: uniquePhone() }))).status).toBe(201);
    expect(await Rating.count()).toBe(before + 1);
  });
});
