import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteStorage } from '../../server/db/connection.js';
import { Employee, Rating, ServiceType } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { SqliteRatingStore } from '../../server/db/sqlite-rating-store.js';
import { localDate } from '../../server/domain/local-date.js';
import { PhoneVault } from '../../server/domain/phone.js';
import type { NewRating } from '../../server/db/rating-store.js';
import { dailyFiguresBothWays } from '../helpers/daily-figures.js';
import { TEST_DB } from '../helpers/databases.js';
import { uniquePhone } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// The grouping writer is SQLite's alone; PostgreSQL and MariaDB have their one-statement stores (lean-intake.test.ts).
const describeSqlite = TEST_DB === 'sqlite' ? describe : describe.skip;

let server: TestServer;
let store: SqliteRatingStore;
let base: Pick<NewRating, 'officeId' | 'employeeId' | 'workAreaId' | 'serviceTypeId'>;
const vault = new PhoneVault('store-test-key-'.padEnd(40, 'x'));

beforeAll(async () => {
  if (TEST_DB !== 'sqlite') return;
  server = await startTestServer();
  store = await SqliteRatingStore.open(sqliteStorage(server.database.url), 5_000);
  const employee = await Employee.findOne({ where: { nip: DEMO_NIP }, rejectOnEmpty: true });
  const type = await ServiceType.findOne({ where: { officeId: employee.officeId, code: 'cop' }, rejectOnEmpty: true });
  base = { officeId: employee.officeId, employeeId: employee.id, workAreaId: employee.workAreaId, serviceTypeId: type.id };
});
afterAll(async () => {
  await store?.close();
  await server?.close();
});

function rating(overrides: Partial<NewRating> = {}): NewRating {
  const createdAt = new Date();
  const phone = vault.protect(`+62${uniquePhone().slice(1)}`);
  return {
    ...base,
    profesional: 5,
    amanah: 4,
    cakap: 3,
    akuntabel: 2,
    kolaboratif: 1,
    comment: null,
    channel: 'widget',
    clientId: randomUUID(),
    receipt: randomUUID().slice(0, 11).toUpperCase(),
    phoneHash: phone.hash,
    phoneCipher: phone.cipher,
    phoneMasked: phone.masked,
    ipHash: null,
    localDate: localDate(createdAt, 'Asia/Jakarta'),
    verified: false,
    serviceTokenId: null,
    createdAt,
    ...overrides,
  };
}

describeSqlite('the SQLite rating store', () => {
  it('answers each rating of a group its own id, and null for the ones a unique index refused', async () => {
    const ratings = Array.from({ length: 40 }, () => rating());
    const sameClient = { ...rating(), clientId: ratings[0]!.clientId };
    const sameDay = { ...rating(), phoneHash: ratings[1]!.phoneHash };
    // The refused ones in the middle of the group: rows after them must still get their own ids.
    const sent = [...ratings.slice(0, 10), sameClient, ...ratings.slice(10, 20), sameDay, ...ratings.slice(20)];
    const ids = await Promise.all(sent.map((r) => store.insert(r)));

    expect([ids[10], ids[21]]).toEqual([null, null]);
    const stored = ids.filter((_, i) => i !== 10 && i !== 21) as number[];
    expect(new Set(stored).size).toBe(40);
    for (const [i, id] of stored.entries()) {
      const row = await Rating.findByPk(id, { rejectOnEmpty: true });
      expect([row.clientId, row.receipt]).toEqual([ratings[i]!.clientId, ratings[i]!.receipt]);
    }
    const figures = await dailyFiguresBothWays(server.sequelize);
    expect(figures.fine.kept).toEqual(figures.fine.raw);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
  });

  it('fails only the rating the database refuses for another reason, and stores the rest of its group', async () => {
    const before = await Rating.count();
    const good = Array.from({ length: 5 }, () => rating());
    const bad = rating({ employeeId: 987_654 }); // No such employee: the foreign key refuses it.
    const outcomes = await Promise.allSettled([...good.slice(0, 2), bad, ...good.slice(2)].map((r) => store.insert(r)));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await Rating.count()).toBe(before + 5);
    const figures = await dailyFiguresBothWays(server.sequelize);
    expect(figures.coarse.kept).toEqual(figures.coarse.raw);
    expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
    expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);
  });
});
