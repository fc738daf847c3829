import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { projectRoot } from '../../server/paths.js';
import { weakSecretReason } from '../../server/domain/secret-strength.js';
import { BUILT_MAIN, ensureServerBuilt, PROCESS_SECRETS } from '../helpers/processes.js';

let dataDir: string;
let development: { jwtSecret: string; phoneKey: string };

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pacak-secrets-'));
  // A development start writes its generated secrets beside the data.
  loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir });
  development = JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const production = (secrets: { JWT_SECRET?: string; PHONE_KEY?: string }) => () =>
  loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://rating.bkk-palembang.go.id', ...secrets });

/** Starts the built server and answers its exit code and output; it must stop by itself. */
async function startBuilt(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BUILT_MAIN], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe('secrets in production', () => {
  it('refuses the development secrets that dev-secrets.json holds, naming the variable', () => {
    expect(production({ JWT_SECRET: development.jwtSecret, PHONE_KEY: PROCESS_SECRETS.PHONE_KEY })).toThrow(
      /JWT_SECRET: is the development secret from dev-secrets.json/,
    );
    expect(production({ JWT_SECRET: PROCESS_SECRETS.JWT_SECRET, PHONE_KEY: development.phoneKey })).toThrow(
      /PHONE_KEY: is the development secret/,
    );
  });

  it('refuses obviously weak secrets however long they are', () => {
    for (const weak of [
      'x'.repeat(40),
      'change-me-change-me-change-me-change-me',
      'my-very-long-production-jwt-secret-2026',
      '0123456789abcdef0123456789abcdef',
      'abababababababababababababababababababab',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbb',
      '11112222333344445555666677778888',
    ]) {
      expect(weakSecretReason(weak), weak).not.toBeNull();
      expect(production({ JWT_SECRET: weak, PHONE_KEY: PROCESS_SECRETS.PHONE_KEY }), weak).toThrow(ConfigError);
    }
  });

  it('accepts random secrets such as `openssl rand -hex 32` and `-base64 32` make', () => {
    for (const strong of [
      '3f9c2a7e1b8d4c6f0a5e9d2b7c1f8a3e6d0b4c9f2e7a1d5c8b3f6e0a9d2c7b1e',
      'uhChXNCXVXGlopA6781mpuBiDzW5W4Zt5O5CjIvhVqs=',
      PROCESS_SECRETS.JWT_SECRET,
    ]) {
      expect(weakSecretReason(strong), strong).toBeNull();
    }
    expect(production({ JWT_SECRET: PROCESS_SECRETS.JWT_SECRET, PHONE_KEY: PROCESS_SECRETS.PHONE_KEY })).not.toThrow();
  });

  it('stops a production start left with the development secrets, before it touches the database', async () => {
    await ensureServerBuilt();
    const { code, output } = await startBuilt({
      NODE_ENV: 'production',
      JWT_SECRET: development.jwtSecret,
      PHONE_KEY: development.phoneKey,
      DATABASE_URL: `sqlite:${join(dataDir, 'never-made.sqlite')}`,
    });
    expect(code).toBe(2);
    expect(output).toMatch(/JWT_SECRET: is the development secret/);
    expect(output).toMatch(/PHONE_KEY: is the development secret/);
    expect(() => readFileSync(join(dataDir, 'never-made.sqlite'))).toThrow();
  }, 60_000);

  it('stops a production start with a placeholder secret', async () => {
    const { code, output } = await startBuilt({
      NODE_ENV: 'production',
      JWT_SECRET: 'please-change-me-before-going-live!!',
      PHONE_KEY: PROCESS_SECRETS.PHONE_KEY,
    });
    expect(code).toBe(2);
    expect(output).toMatch(/JWT_SECRET: looks like a placeholder/);
  }, 60_000);
});
