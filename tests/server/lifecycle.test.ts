import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { createSequelize } from '../../server/db/connection.js';
import { migrate, SchemaTooNewError } from '../../server/db/migrate.js';
import { Employee, Office, ServiceType, WorkArea } from '../../server/db/models/index.js';
import { getJson } from '../helpers/http.js';
import { startTestServer } from '../helpers/server.js';

describe('first and later starts', () => {
  it('seeds the first office on the first start and nothing on the second', async () => {
    const first = await startTestServer();
    expect(await Office.count()).toBe(1);
    expect(await WorkArea.count()).toBe(6);
    expect(await ServiceType.count()).toBe(20);
    expect(await Employee.count()).toBe(12);
    expect(new Set((await Employee.findAll()).map((e) => e.workAreaId)).size).toBe(6);
    await first.close().catch(() => undefined);

    const dataDir = mkdtempSync(join(tmpdir(), 'pacak-restart-'));
    const again = { DATA_DIR: dataDir };
    const one = await startTestServer(again);
    await one.sequelize.close();
    one.server.close();
    const two = await startTestServer(again);
    expect(await Office.count()).toBe(1);
    expect(await Employee.count()).toBe(12);
    await two.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to run on a database migrated by a newer release', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pacak-newer-'));
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
    const sequelize = createSequelize(config);
    await migrate(sequelize);
    await sequelize.query("INSERT INTO schema_migrations (name) VALUES ('2099.01.01T00.00.00.from-the-future')");
    await expect(migrate(sequelize)).rejects.toThrow(SchemaTooNewError);
    await sequelize.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 on /healthz once the database is gone', async () => {
    const server = await startTestServer();
    await server.sequelize.close();
    const { status } = await getJson(`${server.url}/healthz`);
    expect(status).toBe(503);
    server.server.close();
  });
});

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
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), PHONE_KEY: 'p'.repeat(40), CORS_ORIGINS: 'https://a.example/, https://b.example' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
