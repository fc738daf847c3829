import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmployeePin, type CliOutput } from '../../server/cli/employee-pin.js';
import { Employee } from '../../server/db/models/index.js';
import { postJson } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let tokensUrl: string;
beforeAll(async () => {
  server = await startTestServer();
  tokensUrl = `${server.url}/api/v1/service-tokens`;
});
afterAll(() => server.close());

describe('npm run employee-pin', () => {
  const capture = () => {
    const lines = { out: '', err: '' };
    const io: CliOutput = { out: (text) => (lines.out += text), err: (text) => (lines.err += text) };
    return { lines, io };
  };

  it('prints a random 6-digit PIN once and stores only its hash', async () => {
    const { lines, io } = capture();
    expect(await runEmployeePin(['--nip', '198903252012122001'], io)).toBe(0);
    const pin = /New PIN for .*: (\d{6})\n/.exec(lines.out)?.[1];
    expect(pin).toBeDefined();
    const employee = await Employee.findOne({ where: { nip: '198903252012122001' } });
    expect(employee!.pinHash).not.toContain(pin!);
    expect((await postJson(tokensUrl, { nip: '198903252012122001', pin })).status).toBe(201);
  });

  it('sets a chosen PIN, refuses an easy one, and removes a PIN', async () => {
    const nip = '199707142023211006';
    const { lines, io } = capture();
    expect(await runEmployeePin(['--nip', nip, '--pin', '123456'], io)).toBe(2);
    expect(lines.err).toMatch(/too easy/);
    expect(await runEmployeePin(['--nip', nip, '--pin', '583920'], io)).toBe(0);
    expect((await postJson(tokensUrl, { nip, pin: '583920' })).status).toBe(201);
    expect(await runEmployeePin(['--nip', nip, '--remove'], io)).toBe(0);
    expect((await postJson(tokensUrl, { nip, pin: '583920' })).status).toBe(403);
    expect(await runEmployeePin(['--nip', '000000000000000000'], io)).toBe(1);
    expect(await runEmployeePin([], io)).toBe(2);
  });
});
