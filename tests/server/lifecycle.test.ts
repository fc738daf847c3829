import { QueryTypes } from 'sequelize';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { createSequelize } from '../../server/db/connection.js';
import { executedMigrations, migrate, MIGRATIONS_TABLE, SchemaTooNewError } from '../../server/db/migrate.js';
import { MIGRATIONS } from '../../server/db/migrations/index.js';
import { Employee, Office, ServiceType, WorkArea } from '../../server/db/models/index.js';
import { createLogger } from '../../server/logger.js';
import { createScratchDatabase, openSide } from '../helpers/databases.js';
import { getJson, postJson, ratingBody } from '../helpers/http.js';
import { PROCESS_SECRETS } from '../helpers/processes.js';
import { startTestServer } from '../helpers/server.js';

describe('first and later starts', () => {
  it('migrates and seeds the first office on the first start and does nothing on the second', async () => {
    const database = await createScratchDatabase();
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    const first = await startTestServer({}, { database, logger });
    expect(await Office.count()).toBe(1);
    expect(await WorkArea.count()).toBe(6);
    expect(await ServiceType.count()).toBe(20);
    expect(await Employee.count()).toBe(12);
    expect(new Set((await Employee.findAll()).map((e) => e.workAreaId)).size).toBe(6);
    expect(messages(lines)).toEqual(expect.arrayContaining(['migrated', 'seeded the first office']));
    await first.close();

    lines.length = 0;
    const second = await startTestServer({}, { database, logger });
    expect(await Office.count()).toBe(1);
    expect(await Employee.count()).toBe(12);
    expect(await executedMigrations(second.sequelize)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(messages(lines)).not.toContain('migrated');
    expect(messages(lines)).not.toContain('seeded the first office');
    await second.close();
    await database.drop();
  });

  it('refuses to start on a database migrated by a newer release, with a message saying so', async () => {
    const database = await createScratchDatabase();
    const side = openSide(database.url);
    try {
      expect(await migrate(side)).toEqual(MIGRATIONS.map((migration) => migration.name));
      expect(await migrate(side)).toEqual([]);
      await side.query(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES ('2099.01.01T00.00.00.from-the-future')`);
      await expect(migrate(side)).rejects.toThrow(SchemaTooNewError);
      const refused = startTestServer({}, { database });
      await expect(refused).rejects.toThrow(SchemaTooNewError);
      await expect(refused).rejects.toThrow(
        /newer release \(unknown migrations: 2099\.01\.01T00\.00\.00\.from-the-future\)\. Upgrade this server/,
      );
      expect(await side.query('SELECT COUNT(*) AS n FROM offices', { type: QueryTypes.SELECT })).toEqual([{ n: 0 }]);
    } finally {
      await side.close();
      await database.drop();
    }
  });

  it('answers 503 on /healthz and to a rating once its connection pool is gone, never 500', async () => {
    const server = await startTestServer();
    try {
      await server.sequelize.close();
      expect((await getJson(`${server.url}/healthz`)).status).toBe(503);
      const response = await postJson(`${server.url}/api/v1/ratings`, ratingBody());
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.body).toMatchObject({ status: 503, title: 'Service unavailable' });
    } finally {
      await server.close();
    }
  });
});

const messages = (lines: string[]): string[] => lines.map((line) => (JSON.parse(line) as { message: string }).message);

describe('configuration', () => {
  it('refuses a production start without its own secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET and PHONE_KEY must be set/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/PHONE_KEY must be set/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short', PHONE_KEY: 'y'.repeat(40) })).toThrow(ConfigError);
  });

  it('names each bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty', NODE_ENV: 'test' })).toThrow(/PORT/);
    expect(() => loadConfig({ TZ_DEFAULT: 'Mars/Olympus', NODE_ENV: 'test' })).toThrow(/TZ_DEFAULT: is not an IANA time zone/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'not a url', NODE_ENV: 'test' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'oracle://x', NODE_ENV: 'test' })).not.toThrow();
    expect(() => createSequelize(loadConfig({ DATABASE_URL: 'oracle://x', NODE_ENV: 'test' }))).toThrow(/DATABASE_URL must start with/);
  });

  it('accepts production with its own distinct secrets', () => {
    const config = loadConfig({
      ...PROCESS_SECRETS,
      PUBLIC_BASE_URL: 'https://rating.example.go.id',
      CORS_ORIGINS: 'https://a.example/, https://b.example',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
