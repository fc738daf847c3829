import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { estimatedBits } from '../../server/domain/secret-entropy.js';
import { PROCESS_SECRETS } from '../helpers/processes.js';
import { startTestServer } from '../helpers/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pacak-policy-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SAFE = {
  NODE_ENV: 'production',
  DATA_DIR: dataDir,
  PUBLIC_BASE_URL: 'https://rating.bkk-palembang.go.id',
  JWT_SECRET: PROCESS_SECRETS.JWT_SECRET,
  PHONE_KEY: PROCESS_SECRETS.PHONE_KEY,
};
const production = (env: Record<string, string>) => () => loadConfig({ ...SAFE, ...env });

describe('a production start', () => {
  it('refuses secrets with too little randomness, saying how to make a good one', () => {
    for (const weak of ['zyxwvutsrqponmlkjihgfedcba987654', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9', 'Pacak-Rating-BKK-Palembang-2026!!']) {
      expect(estimatedBits(weak), weak).toBeLessThan(80);
      expect(production({ JWT_SECRET: weak }), weak).toThrow(/JWT_SECRET: has too little randomness.*openssl rand -hex 32/);
    }
  });

  it('refuses two secrets that differ only trivially', () => {
    for (const phoneKey of [
      `${PROCESS_SECRETS.JWT_SECRET} `,
      PROCESS_SECRETS.JWT_SECRET.toLowerCase(),
      `${PROCESS_SECRETS.JWT_SECRET.slice(0, -2)}xy`,
    ]) {
      expect(production({ PHONE_KEY: phoneKey }), phoneKey).toThrow(/differ only trivially/);
    }
  });

  it('refuses CORS_ORIGINS=* and a public address that is not https, or none', () => {
    expect(production({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS: "\*"/);
    expect(production({ PUBLIC_BASE_URL: 'http://rating.bkk-palembang.go.id' })).toThrow(/PUBLIC_BASE_URL: must be an https/);
    expect(() => loadConfig({ ...SAFE, PUBLIC_BASE_URL: undefined })).toThrow(/PUBLIC_BASE_URL: must be set/);
    expect(production({ CORS_ORIGINS: '*' })).toThrow(/ALLOW_INSECURE=1/);
  });

  it('accepts all of that under ALLOW_INSECURE=1, listing what is broken', () => {
    const config = production({
      ALLOW_INSECURE: '1',
      CORS_ORIGINS: '*',
      PUBLIC_BASE_URL: 'http://10.0.0.5:8080',
      JWT_SECRET: 'Pacak-Rating-BKK-Palembang-2026!!',
    })();
    expect(config.insecure).toHaveLength(3);
    expect(production({})().insecure).toEqual([]);
  });

  it('still refuses the development secrets under ALLOW_INSECURE=1', () => {
    const dev = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
    expect(production({ ALLOW_INSECURE: '1', JWT_SECRET: dev.jwtSecret })).toThrow(ConfigError);
  });

  it('says so loudly, at error level, at every start under ALLOW_INSECURE=1', async () => {
    const lines: string[] = [];
    const logger = {
      error: (message: string, fields?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(fields)}`),
      info() {},
      debug() {},
    };
    for (let start = 0; start < 2; start++) {
      const server = await startTestServer(
        { NODE_ENV: 'production', ALLOW_INSECURE: '1', JWT_SECRET: PROCESS_SECRETS.JWT_SECRET, PHONE_KEY: PROCESS_SECRETS.PHONE_KEY },
        { logger },
      );
      await server.close();
    }
    const warnings = lines.filter((line) => line.startsWith('INSECURE'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/PUBLIC_BASE_URL: must be an https/);
  }, 120_000);
});
