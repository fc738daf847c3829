import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/databases.js';
import { formToken, getJson, postJson, ratingBody, uniquePhone } from '../helpers/http.js';
import { ensureServerBuilt, PROCESS_SECRETS, spawnServer, type ServerProcess } from '../helpers/processes.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const NIPS = FIRST_OFFICE.employees.map((employee) => employee.nip);
const TYPES = FIRST_OFFICE.serviceTypes.map((type) => type.code);
/** Every employee and service type once: ratings of one phone that the one-a-day rule does not refuse. */
const COMBINATIONS = NIPS.flatMap((nip) => TYPES.map((serviceType) => ({ nip, serviceType })));
const LIMITS = { TRUST_PROXY: '1', RATE_LIMIT_BURST: '5', RATE_LIMIT_RATINGS: '8', RATE_LIMIT_PHONE_PER_DAY: '10' };
const FLOOD_MS = 3_000;
const MAX_REQUESTS = 3_000;

let addressCounter = 0;
/** A new client address each call, told to the server in X-Forwarded-For (TRUST_PROXY=1). */
const newAddress = () => {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** Form tokens per employee, fetched once: a flooding script would reuse them too. */
async function tokens(urls: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const nip of NIPS) map.set(nip, (await formToken(urls[0]!, nip))!);
  return map;
}

interface Flood {
  statuses: Map<number, number>;
  sent: number;
}

/**
 * Sends as fast as `concurrency` connections allow for FLOOD_MS, at most MAX_REQUESTS in all,
 * spreading requests over the servers in turn; `next` makes the i-th request's body and address.
 */
async function flood(
  urls: string[],
  next: (i: number) => { body: Record<string, unknown>; address: string } | null,
  concurrency = 16,
): Promise<Flood> {
  const statuses = new Map<number, number>();
  let sent = 0;
  const until = Date.now() + FLOOD_MS;
  const worker = async () => {
    while (Date.now() < until && sent < MAX_REQUESTS) {
      const i = sent++;
      const request = next(i);
      if (!request) return;
      const response = await postJson(`${urls[i % urls.length]}/api/v1/ratings`, request.body, { 'x-forwarded-for': request.address });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  console.log(`flood: ${Math.min(sent, MAX_REQUESTS)} requests`, Object.fromEntries(statuses));
  return { statuses, sent };
}

/** Meanwhile, another customer from another address: reads the form and rates, every 100 ms. */
function bystander(urls: string[]): { stop(): Promise<{ statuses: number[]; slowestMs: number }> } {
  const statuses: number[] = [];
  let slowestMs = 0;
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const url = urls[i % urls.length]!;
      const started = Date.now();
      statuses.push((await getJson(`${url}/api/v1/employees/${NIPS[1]}`)).status);
      // Each rating from an address of its own, as customers on their own phones are.
      statuses.push(
        (await postJson(`${url}/api/v1/ratings`, ratingBody({ nip: NIPS[1] }), { 'x-forwarded-for': `198.18.${i % 250}.${(i >> 8) + 1}` }))
          .status,
      );
      slowestMs = Math.max(slowestMs, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { statuses, slowestMs };
    },
  };
}

function expectOnly(result: Flood, allowed: number[]): void {
  for (const status of result.statuses.keys())
    expect(allowed, `status ${status} in ${JSON.stringify([...result.statuses])}`).toContain(status);
}

describe('a flood from one address, then one phone, against one server', () => {
  let server: TestServer;
  let forms: Map<string, string>;
  beforeAll(async () => {
    server = await startTestServer(LIMITS);
    forms = await tokens([server.url]);
  });
  afterAll(() => server.close());

  it('lets at most the address limits through, answers the rest 429, and keeps serving others', async () => {
    const address = newAddress();
    const others = bystander([server.url]);
    const result = await flood([server.url], () => ({ body: ratingBody({ nip: NIPS[0], formToken: forms.get(NIPS[0]!) }), address }));
    const { statuses, slowestMs } = await others.stop();
    expectOnly(result, [201, 429]);
    // RATE_LIMIT_BURST a minute; should the minute turn meanwhile, RATE_LIMIT_RATINGS still bounds it.
    expect(result.statuses.get(201) ?? 0).toBeGreaterThanOrEqual(1);
    expect(result.statuses.get(201) ?? 0).toBeLessThanOrEqual(8);
    expect(result.statuses.get(429) ?? 0).toBeGreaterThan(10);
    expect(new Set(statuses)).toEqual(new Set([200, 201]));
    // Generous: on a busy two-core machine a loopback request can wait a second or two; a server that stopped answering would not.
    expect(slowestMs).toBeLessThan(8_000);
  });

  it('lets at most RATE_LIMIT_PHONE_PER_DAY ratings of one phone through, from any number of addresses', async () => {
    const phone = uniquePhone();
    const others = bystander([server.url]);
    const result = await flood([server.url], (i) => {
      const target = COMBINATIONS[i];
      return target ? { body: ratingBody({ ...target, phone, formToken: forms.get(target.nip) }), address: newAddress() } : null;
    });
    const { statuses } = await others.stop();
    expectOnly(result, [201, 429]);
    expect(result.statuses.get(201)).toBe(10);
    expect(new Set(statuses)).toEqual(new Set([200, 201]));
  });
});

describe('the limits hold across two server processes on one database', () => {
  let database: ScratchDatabase;
  let dataDir: string;
  let servers: ServerProcess[] = [];
  let urls: string[];
  let forms: Map<string, string>;

  beforeAll(async () => {
    await ensureServerBuilt();
    database = await createScratchDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'pacak-flood-'));
    const env = { ...PROCESS_SECRETS, ...LIMITS, RATE_LIMIT_QR: '6', DATABASE_URL: database.url, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
    servers = [await spawnServer(env)];
    servers.push(await spawnServer(env));
    urls = servers.map((s) => s.url);
    forms = await tokens(urls);
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('one address sending to both gets no more through than it would from one', async () => {
    const address = newAddress();
    const result = await flood(urls, () => ({ body: ratingBody({ nip: NIPS[2], formToken: forms.get(NIPS[2]!) }), address }));
    expectOnly(result, [201, 429]);
    expect(result.statuses.get(201) ?? 0).toBeGreaterThanOrEqual(1);
    expect(result.statuses.get(201) ?? 0).toBeLessThanOrEqual(8);
  });

  it('one phone sending to both gets exactly its daily allowance through', async () => {
    const phone = uniquePhone();
    const result = await flood(urls, (i) => {
      const target = COMBINATIONS[i];
      return target ? { body: ratingBody({ ...target, phone, formToken: forms.get(target.nip) }), address: newAddress() } : null;
    });
    expectOnly(result, [201, 429]);
    expect(result.statuses.get(201)).toBe(10);
  });

  it('one address fetching QR codes from both gets RATE_LIMIT_QR of them', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await fetch(`${urls[i % 2]}/qr/${NIPS[0]}.svg`, { headers: { 'x-forwarded-for': '192.0.2.77' } });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });
});
