import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { AdminUser } from '../../server/db/models/index.js';
import { adminApi, makeUser, signIn, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { postJson } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];
const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the server's real secret but claims of the test's choosing. */
function signed(claims: Record<string, unknown>, options: jwt.SignOptions = {}): string {
  return jwt.sign({ role: 'admin', office: 'bkk-palembang', iat: now(), exp: now() + 3600, ...claims }, server.config.jwtSecret, {
    algorithm: 'HS256',
    issuer: 'pacak-rating',
    audience: 'pacak-api',
    subject: String(admin.id),
    ...options,
  });
}

async function expect401(token: string | null, header?: string) {
  const response = await fetch(`${server.url}/api/v1/admin/me`, {
    headers: header ? { authorization: header } : token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  return (await response.json()) as { detail: string };
}

describe('signing in', () => {
  it('gives an HS256 token for pacak-api that lives one hour and says who, which role and which office', async () => {
    const { status, body } = await postJson<{ token: string; expiresAt: string }>(`${server.url}/api/v1/auth/token`, {
      username: admin.username,
      password: admin.password,
    });
    expect(status).toBe(200);
    const [header, payload] = parts(body.token).slice(0, 2).map(decode) as [Record<string, unknown>, Record<string, unknown>];
    expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: 'pacak-rating', aud: 'pacak-api', sub: String(admin.id), role: 'admin', office: 'bkk-palembang' });
    expect(payload).not.toHaveProperty('workArea');
    expect((payload.exp as number) - (payload.iat as number)).toBe(3600);
    expect(Date.parse(body.expiresAt)).toBe((payload.exp as number) * 1000);
  });

  it('puts the work area in a coordinator token and no office in a superadmin token', async () => {
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    expect(decode(parts(coordinator.token)[1])).toMatchObject({ role: 'coordinator', office: 'bkk-palembang', workArea: 'boom-baru' });
    const superadmin = await makeUser(server, 'superadmin');
    const payload = decode(parts(superadmin.token)[1]);
    expect(payload.role).toBe('superadmin');
    expect(payload).not.toHaveProperty('office');
  });

  it('answers a wrong password and an unknown username alike, without saying which was wrong', async () => {
    const wrongPassword = await postJson(`${server.url}/api/v1/auth/token`, { username: admin.username, password: 'not the password' });
    const unknownUser = await postJson(`${server.url}/api/v1/auth/token`, { username: 'nobody-here', password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownUser.body);
    expect(wrongPassword.body.detail).toBe('The username or password is wrong.');
  });

  it('refuses a deactivated account with the same answer as a wrong password', async () => {
    const user = await makeUser(server, 'viewer');
    await AdminUser.update({ active: false }, { where: { id: user.id } });
    const response = await postJson(`${server.url}/api/v1/auth/token`, { username: user.username, password: user.password });
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe('The username or password is wrong.');
  });

  it('refuses a malformed sign-in body with 400 or 422', async () => {
    expect((await postJson(`${server.url}/api/v1/auth/token`, '{"username":')).status).toBe(400);
    expect((await postJson(`${server.url}/api/v1/auth/token`, { username: 'admin' })).status).toBe(422);
    expect((await postJson(`${server.url}/api/v1/auth/token`, { username: 'admin', password: 'x', role: 'superadmin' })).status).toBe(422);
  });

  it('keeps only a salted scrypt hash of the password', async () => {
    const user = await AdminUser.findByPk(admin.id);
    expect(user!.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]{22}\$[\w-]{86}$/);
    expect(user!.passwordHash).not.toContain(admin.password);
  });
});

describe('bearer tokens', () => {
  it('lets a valid token through', async () => {
    const response = await adminApi(server, admin.token).get('/me');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: admin.id, username: admin.username, role: 'admin', office: 'bkk-palembang' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses no token, another scheme and a token that is not a JWT', async () => {
    expect((await expect401(null)).detail).toMatch(/Sign in first/);
    await expect401(null, `Basic ${Buffer.from('admin:x').toString('base64')}`);
    await expect401('not-a-token');
    await expect401(null, `Bearer ${admin.token} extra`);
  });

  it('refuses a token signed with another algorithm, even with the right secret', async () => {
    await expect401(signed({}, { algorithm: 'HS512' }));
    await expect401(signed({}, { algorithm: 'HS384' }));
  });

  it('refuses an RS256-looking header on an HS256 signature', async () => {
    const [, payload, signature] = parts(admin.token);
    await expect401(`${b64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`);
  });

  it('refuses an unsigned token (alg none), with or without a signature part', async () => {
    const [, payload] = parts(admin.token);
    await expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
    await expect401(`${b64({ alg: 'none' })}.${payload}.${parts(admin.token)[2]}`);
  });

  it('refuses a wrong audience, a wrong issuer and another secret', async () => {
    await expect401(signed({}, { audience: 'other-api' }));
    await expect401(signed({}, { issuer: 'someone-else' }));
    await expect401(
      jwt.sign({ role: 'admin', office: 'bkk-palembang' }, 'x'.repeat(64), {
        algorithm: 'HS256',
        issuer: 'pacak-rating',
        audience: 'pacak-api',
        subject: String(admin.id),
        expiresIn: 3600,
      }),
    );
  });

  it('refuses an expired token and one that claims to live longer than an hour', async () => {
    const detail = await expect401(signed({ iat: now() - 7200, exp: now() - 3600 }));
    expect(detail.detail).toMatch(/expired/);
    await expect401(signed({ exp: now() + 7200 }));
  });

  it('refuses a changed payload carried on the original signature', async () => {
    const [header, payload, signature] = parts(admin.token);
    for (const change of [{ role: 'superadmin' }, { office: 'other-office' }, { sub: '1' }, { exp: now() + 60 }]) {
      await expect401(`${header}.${b64({ ...decode(payload), ...change })}.${signature}`);
    }
  });

  it('refuses a token whose claims no longer match the user: changed role or deactivated', async () => {
    const user = await makeUser(server, 'viewer');
    expect((await adminApi(server, user.token).get('/me')).status).toBe(200);
    await AdminUser.update({ role: 'admin' }, { where: { id: user.id } });
    expect((await expect401(user.token)).detail).toMatch(/access has changed/);
    await AdminUser.update({ role: 'viewer', active: false }, { where: { id: user.id } });
    expect((await expect401(user.token)).detail).toMatch(/not active/);
    await expect401(signed({ role: 'admin' }, { subject: '999999' }));
  });

  it('ends earlier tokens when the password is reset', async () => {
    const user = await makeUser(server, 'viewer');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // tokens carry whole seconds
    const reset = await adminApi(server, admin.token).post<{ password: string }>(`/users/${user.id}/password`);
    expect(reset.status).toBe(200);
    expect((await expect401(user.token)).detail).toMatch(/password was changed/);
    const fresh = await signIn(server, user.username, reset.body.password);
    expect((await adminApi(server, fresh).get('/me')).status).toBe(200);
  });
});
