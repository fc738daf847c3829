import { afterAll, beforeAll } from 'vitest';
import { Employee, Office, ServiceType, WorkArea } from '../../server/db/models/index.js';
import type { Role } from '../../server/domain/roles.js';
import { createAccount } from '../../server/services/access/accounts.js';
import { issuePublicCode } from '../../server/services/catalogue/catalogue.js';
import { getJson, postJson, ratingBody, type JsonResponse } from './http.js';
import { startTestServer, type TestServer } from './server.js';

type Body = Record<string, unknown>;

/** Signs in over HTTP and returns the token; fails the test when the sign-in is refused. */
export async function signIn(server: TestServer, username: string, password: string): Promise<string> {
  const response = await postJson<{ token: string }>(`${server.url}/api/v1/auth/token`, { username, password });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.token;
}

let userCounter = 0;

export interface TestUser {
  id: number;
  username: string;
  password: string;
  token: string;
}

/** A new account made directly in the database (as the CLI would), then signed in over HTTP. */
export async function makeUser(server: TestServer, role: Role, place: { office?: string; workArea?: string } = {}): Promise<TestUser> {
  const office = role === 'superadmin' ? null : await Office.findOne({ where: { code: place.office ?? 'bkk-palembang' } });
  const workArea = place.workArea && office ? await WorkArea.findOne({ where: { officeId: office.id, code: place.workArea } }) : null;
  const username = `${role}-${++userCounter}-${process.pid}`;
  const password = `correct horse battery ${userCounter}`;
  const { user } = await createAccount({ username, role, officeId: office?.id ?? null, workAreaId: workArea?.id ?? null, password });
  return { id: user.id, username, password, token: await signIn(server, username, password) };
}

let nipCounter = 0;

/** A valid, distinct ASN NIP each call: birth 1970-1999, appointed at 25, male, sequence 001-999. */
export function newNip(): string {
  const n = nipCounter++;
  const year = 1970 + (Math.floor(n / 999) % 30);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  return `${year}${month}${day}${year + 25}${month}1${String(1 + (n % 999)).padStart(3, '0')}`;
}

/** A second office with one work area, one service type and one rated-ready employee, made directly. */
export async function makeOffice(code: string): Promise<{ office: Office; area: WorkArea; type: ServiceType; employee: Employee }> {
  const office = await Office.create({ code, name: `Kantor ${code}`, timezone: 'Asia/Makassar' });
  const area = await WorkArea.create({ officeId: office.id, code: 'induk', name: 'Kantor Induk' });
  const type = await ServiceType.create({ officeId: office.id, code: 'umum', name: 'Pelayanan Umum', sortOrder: 1 });
  const employee = await Employee.create({
    officeId: office.id,
    workAreaId: area.id,
    nip: newNip(),
    name: 'Petugas Lain',
    position: 'Staf',
    kind: 'asn',
  });
  await issuePublicCode(employee.id);
  return { office, area, type, employee };
}

/** Posts a rating through the public API and returns its id. */
export async function rate(server: TestServer, overrides: Body = {}): Promise<number> {
  const response = await postJson<{ id: number }>(`${server.url}/api/v1/ratings`, ratingBody(overrides));
  if (response.status !== 201) throw new Error(`rating answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** A client of the admin API with one token (or none). */
export function adminApi(server: TestServer, token?: string) {
  const base = `${server.url}/api/v1/admin`;
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const send = <T = Body>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<JsonResponse<T>> =>
    getJson<T>(`${base}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': type }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    get: <T = Body>(path: string) => send<T>('GET', path),
    post: <T = Body>(path: string, body?: unknown) => send<T>('POST', path, body),
    patch: <T = Body>(path: string, body?: unknown) => send<T>('PATCH', path, body),
    put: <T = Body>(path: string, body?: unknown) => send<T>('PUT', path, body),
    delete: <T = Body>(path: string) => send<T>('DELETE', path),
    csv: <T = Body>(path: string, text: string | Buffer, type = 'text/csv') =>
      getJson<T>(`${base}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': type },
        body: typeof text === 'string' ? text : new Uint8Array(text),
      }),
    send,
  };
}

/**
 * One test server for the file and an admin of its first office; `bind` hands both to the file's own
 * variables once they are there, e.g. `useServerWithAdmin((started) => ({ server, admin } = started))`.
 */
export function useServerWithAdmin(bind: (started: { server: TestServer; admin: TestUser }) => void): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    bind({ server, admin: await makeUser(server, 'admin') });
  });
  afterAll(() => server?.close());
}
