import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createSequelize } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrate.js';
import { MIGRATIONS } from '../../server/db/migrations/index.js';
import { Rating } from '../../server/db/models/index.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { dailyFiguresBothWays } from '../helpers/daily-figures.js';
import { addRatings } from '../helpers/rating-fixtures.js';
import { startTestServer } from '../helpers/server.js';

describe('the one-service-codes migration', () => {
  it('adds the PIN and service-code columns, and takes them away again without losing other indexes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pacak-migration-'));
    const sequelize = createSequelize(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
    try {
      await migrate(sequelize);
      const qi = sequelize.getQueryInterface();
      const indexNames = async () =>
        (
          await sequelize.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ratings'", {
            type: QueryTypes.SELECT,
          })
        ).map((row) => row.name);
      expect(Object.keys(await qi.describeTable('employees'))).toContain('pin_hash');
      expect(Object.keys(await qi.describeTable('ratings'))).toContain('service_token_id');
      const withCodes = await indexNames();
      expect(withCodes).toEqual(expect.arrayContaining(['ratings_service_token', 'ratings_one_a_day', 'ratings_office_date']));

      const migration = MIGRATIONS.find((m) => m.name === '2026.11.29T09.50.00.one-service-codes')!;
      await migration.down({ context: qi });
      expect(Object.keys(await qi.describeTable('employees'))).not.toContain('pin_hash');
      expect(Object.keys(await qi.describeTable('ratings'))).not.toContain('service_token_id');
      expect((await indexNames()).sort()).toEqual(withCodes.filter((name) => name !== 'ratings_service_token').sort());

      await migration.up({ context: qi });
      expect((await indexNames()).sort()).toEqual(withCodes.sort());
    } finally {
      await sequelize.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the daily-star-counts migration', () => {
  it('adds star counts to the daily figures, rebuilt from the ratings with voided ones left out, and takes them away again', async () => {
    const server = await startTestServer();
    try {
      const ids = await addRatings(server.sequelize, [
        { nip: DEMO_NIP, scores: [5, 4, 3, 2, 1], at: new Date('2025-03-03T03:00:00Z') },
        { nip: DEMO_NIP, scores: [5, 5, 5, 5, 5], at: new Date('2025-03-03T04:00:00Z'), serviceType: 'phqc', verified: true },
        { nip: DEMO_NIP, scores: [1, 1, 1, 1, 1], at: new Date('2025-03-04T04:00:00Z') },
      ]);
      const qi = server.sequelize.getQueryInterface();
      const migration = MIGRATIONS.find((m) => m.name === '2026.12.01T08.00.00.daily-star-counts')!;
      const indexes = async () => ((await qi.showIndex('rating_daily')) as { name: string }[]).map((index) => index.name).sort();
      const before = await indexes();

      await migration.down({ context: qi });
      expect(Object.keys(await qi.describeTable('rating_daily_employee'))).not.toContain('stars_profesional_1');
      // A rating voided while the columns were away: the rebuild must leave it out.
      await Rating.update({ voidedAt: new Date(), voidReason: 'uji' }, { where: { id: ids[2]! } });

      await migration.up({ context: qi });
      expect(await indexes()).toEqual(before);
      const figures = await dailyFiguresBothWays(server.sequelize);
      expect(figures.fine.kept).toEqual(figures.fine.raw);
      expect(figures.coarse.kept).toEqual(figures.coarse.raw);
      const [row] = await server.sequelize.query<Record<string, unknown>>(
        'SELECT SUM(stars_profesional_5) AS five, SUM(stars_kolaboratif_1) AS one, SUM(rating_count) AS n FROM rating_daily_employee',
        { type: QueryTypes.SELECT },
      );
      expect([Number(row!.five), Number(row!.one), Number(row!.n)]).toEqual([2, 1, 2]);

      // The upsert still finds its unique key after the table was rebuilt.
      await addRatings(server.sequelize, [{ nip: DEMO_NIP, scores: [4, 4, 4, 4, 4], at: new Date('2025-03-03T05:00:00Z') }]);
      const after = await dailyFiguresBothWays(server.sequelize);
      expect(after.fine.kept).toEqual(after.fine.raw);
      expect(after.coarse.kept).toEqual(after.coarse.raw);
    } finally {
      await server.close();
    }
  });
});

describe('the monthly-figures migration', () => {
  it('folds the daily figures kept so far into months, and takes the monthly tables away again', async () => {
    const server = await startTestServer();
    try {
      await addRatings(server.sequelize, [
        { nip: DEMO_NIP, scores: [5, 4, 3, 2, 1], at: new Date('2025-01-31T03:00:00Z') },
        { nip: DEMO_NIP, scores: [5, 5, 5, 5, 5], at: new Date('2025-02-01T04:00:00Z'), serviceType: 'phqc', verified: true },
        { nip: DEMO_NIP, scores: [1, 1, 1, 1, 1], at: new Date('2025-02-28T04:00:00Z') },
      ]);
      const qi = server.sequelize.getQueryInterface();
      const migration = MIGRATIONS.find((m) => m.name === '2026.12.04T14.30.00.monthly-figures')!;
      await migration.down({ context: qi });
      expect(await qi.tableExists('rating_monthly_employee')).toBe(false);
      await migration.up({ context: qi });
      const figures = await dailyFiguresBothWays(server.sequelize);
      expect(Object.keys(figures.monthly.coarse.raw).length).toBeGreaterThan(1);
      expect(figures.monthly.fine.kept).toEqual(figures.monthly.fine.raw);
      expect(figures.monthly.coarse.kept).toEqual(figures.monthly.coarse.raw);

      // The upsert finds the new unique key.
      await addRatings(server.sequelize, [{ nip: DEMO_NIP, scores: [4, 4, 4, 4, 4], at: new Date('2025-02-03T05:00:00Z') }]);
      const after = await dailyFiguresBothWays(server.sequelize);
      expect(after.monthly.fine.kept).toEqual(after.monthly.fine.raw);
      expect(after.monthly.coarse.kept).toEqual(after.monthly.coarse.raw);
    } finally {
      await server.close();
    }
  });
});
