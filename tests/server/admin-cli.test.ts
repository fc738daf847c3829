import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAdminCli } from '../../server/cli/admin.js';
import { loadConfig } from '../../server/config.js';
import { AuditEntry } from '../../server/db/models/index.js';
import { createLogger } from '../../server/logger.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { postJson } from '../helpers/http.js';
import { freePort } from '../helpers/server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'pacak-cli-'));
const env = { NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the real server on the shared data folder, keeping every JSON log line it writes. */
async function start(): Promise<{ running: RunningServer; url: string; logs: string[] }> {
  const port = await freePort();
  const logs: string[] = [];
  const config = loadConfig({ ...env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'debug', SIGNIN_SLOWDOWN_MS: '0' });
  const running = await startServer(
    config,
    createLogger('debug', (line) => logs.push(line)),
  );
  return { running, url: `http://127.0.0.1:${port}`, logs };
}

async function cli(...args: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const code = await runAdminCli(args, env, (text) => (output += text));
  return { code, output };
}

const passwordIn = (output: string) => /Password \(shown only now\): (\S+)/.exec(output)?.[1];
const signInStatus = async (url: string, username: string, password: string) =>
  (await postJson(`${url}/api/v1/auth/token`, { username, password })).status;

describe('the demo admin and the admin command line', () => {
  let demoPassword: string | undefined;

  it('creates the demo admin on the first start only, and never logs its password', async () => {
    const first = await start();
    demoPassword = first.running.demoAdminPassword;
    expect(demoPassword).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await signInStatus(first.url, 'admin', demoPassword!)).toBe(200);
    expect(first.logs.join('')).toContain('created the demo admin');
    expect(first.logs.join('')).not.toContain(demoPassword);
    await first.running.close();

    const second = await start();
    expect(second.running.demoAdminPassword).toBeUndefined();
    expect(await signInStatus(second.url, 'admin', demoPassword!)).toBe(200);
    expect(second.logs.join('')).not.toContain(demoPassword);
    await second.running.close();
  });

  it('creates accounts of each kind, printing a generated password once', async () => {
    const coordinator = await cli(
      'create',
      '--office',
      'bkk-palembang',
      '--role',
      'coordinator',
      '--username',
      'koor.boom',
      '--work-area',
      'boom-baru',
    );
    expect(coordinator.code).toBe(0);
    expect(coordinator.output).toContain('Created coordinator "koor.boom" of bkk-palembang, work area boom-baru.');
    expect(passwordIn(coordinator.output)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const superadmin = await cli('create', '--role', 'superadmin', '--username', 'pusat', '--password', 'kementerian kesehatan ri');
    expect(superadmin).toMatchObject({ code: 0 });
    expect(passwordIn(superadmin.output)).toBeUndefined();

    const server = await start();
    expect(await signInStatus(server.url, 'koor.boom', passwordIn(coordinator.output)!)).toBe(200);
    expect(await signInStatus(server.url, 'pusat', 'kementerian kesehatan ri')).toBe(200);
    await server.running.close();
  });

  it('resets a password, ending the old one', async () => {
    const reset = await cli('reset-password', '--username', 'admin');
    expect(reset.code).toBe(0);
    const server = await start();
    expect(await signInStatus(server.url, 'admin', demoPassword!)).toBe(401);
    expect(await signInStatus(server.url, 'admin', passwordIn(reset.output)!)).toBe(200);
    const entries = await AuditEntry.findAll({ where: { actorUsername: 'cli' } });
    expect(entries.map((entry) => entry.action)).toEqual(['user.create', 'user.create', 'user.reset-password']);
    await server.running.close();
  });

  it('refuses wrong usage with exit code 2 and refused accounts with exit code 1, saying why', async () => {
    expect(await cli()).toMatchObject({ code: 2, output: expect.stringContaining('Usage:') });
    expect(await cli('delete', '--username', 'admin')).toMatchObject({ code: 2 });
    expect(await cli('create', '--role', 'ruler', '--username', 'x.y.z')).toMatchObject({
      code: 2,
      output: expect.stringContaining('--role'),
    });
    expect(await cli('create', '--role', 'admin')).toMatchObject({ code: 2, output: expect.stringContaining('--username') });
    expect(await cli('create', '--role', 'admin', '--username', 'a.b', '--nonsense')).toMatchObject({ code: 2 });
    expect(await cli('create', '--role', 'admin', '--username', 'a.b', '--password', 'short')).toMatchObject({
      code: 2,
      output: expect.stringContaining('12'),
    });
    expect(await cli('create', '--office', 'bkk-nowhere', '--role', 'admin', '--username', 'a.b')).toMatchObject({
      code: 1,
      output: expect.stringContaining('bkk-nowhere'),
    });
    expect(await cli('create', '--role', 'admin', '--username', 'a.b')).toMatchObject({
      code: 1,
      output: expect.stringContaining('needs an office'),
    });
    expect(await cli('create', '--office', 'bkk-palembang', '--role', 'coordinator', '--username', 'a.b')).toMatchObject({
      code: 1,
      output: expect.stringContaining('work area'),
    });
    expect(await cli('create', '--office', 'bkk-palembang', '--role', 'superadmin', '--username', 'a.b')).toMatchObject({
      code: 1,
      output: expect.stringContaining('no office'),
    });
    expect(await cli('create', '--office', 'bkk-palembang', '--role', 'viewer', '--username', 'admin')).toMatchObject({
      code: 1,
      output: expect.stringContaining('already taken'),
    });
    expect(await cli('reset-password', '--username', 'nobody')).toMatchObject({ code: 2, output: expect.stringContaining('No account') });
  });
});
