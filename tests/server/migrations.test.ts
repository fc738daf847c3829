import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { createSequelize } from '../../server/db/connection.js';
import { migrate } from '../../server/db/migrate.js';
import { MIGRATIONS } from '../../server/db/migrations/index.js';

describe('the one-service-codes migration', () => {
  it('adds the PIN and service-code columns, and takes them away again without losing other indexes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pacak-migration-'));
    const sequelize = createSequelize(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
    try {
      await migrate(sequelize);
      const qi = sequelize.getQueryInterface();
      const indexNames = async () =>
        (await sequelize.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'ratings'", { type: QueryTypes.SELECT })).map(
          (row) => row.name,
        );
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
