import { describe, expect, it } from 'vitest';
import { AdminUser } from '../../server/db/models/index.js';
import { adminApi, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { getJson, postJson } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

interface Token {
  token: string;
  mustChangePassword: boolean;
}

const signIn = async (username: string, password: string) =>
  (await postJson<Token>(`${server.url}/api/v1/auth/token`, { username, password })).body;
const report = (token: string) =>
  getJson(`${server.url}/api/v1/reports/summary?from=2026-01-01&to=2026-01-31`, { headers: { authorization: `Bearer ${token}` } });

/** A new account of the office with a generated password, as an admin makes one in the console. */
async function generated(username: string, role = 'admin'): Promise<{ id: number; password: string }> {
  const created = await adminApi(server, admin.token).post<{ user: { id: number }; password: string }>('/users', { username, role });
  expect(created.status).toBe(201);
  return { id: created.body.user.id, password: created.body.password };
}

describe('an account with a generated password chooses its own first', () => {
  it('says so at sign-in and is refused everything but its account and the password change', async () => {
    const { password } = await generated('admin.baru');
    const first = await signIn('admin.baru', password);
    expect(first.mustChangePassword).toBe(true);
    const api = adminApi(server, first.token);
    const refused = await api.get('/employees');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: expect.stringMatching(/password-change-required$/) });
    expect((await report(first.token)).status).toBe(403);
    expect((await api.post('/work-areas', { code: 'pos-baru', name: 'Pos Baru' })).status).toBe(403);
    expect((await api.get('/me')).body).toMatchObject({ username: 'admin.baru', mustChangePassword: true });

    expect((await api.post('/me/password', { currentPassword: password, newPassword: 'pilihan saya sendiri' })).status).toBe(204);
    const next = await signIn('admin.baru', 'pilihan saya sendiri');
    expect(next.mustChangePassword).toBe(false);
    expect((await adminApi(server, next.token).get('/employees')).status).toBe(200);
    expect((await report(next.token)).status).toBe(200);
  });

  it('holds a coordinator and a viewer too, and takes hold again after an admin resets the password', async () => {
    const viewer = await generated('peninjau.baru', 'viewer');
    const token = (await signIn('peninjau.baru', viewer.password)).token;
    expect((await report(token)).status).toBe(403);
    await adminApi(server, token).post('/me/password', { currentPassword: viewer.password, newPassword: 'peninjau yang teliti' });
    expect((await report((await signIn('peninjau.baru', 'peninjau yang teliti')).token)).status).toBe(200);

    const reset = await adminApi(server, admin.token).post<{ password: string }>(`/users/${viewer.id}/password`);
    expect(reset.status).toBe(200);
    const again = await signIn('peninjau.baru', reset.body.password);
    expect(again.mustChangePassword).toBe(true);
    expect((await report(again.token)).status).toBe(403);
  });

  it('does not hold an account made with a chosen password, nor the demo admin once it chose one', async () => {
    const created = await adminApi(server, admin.token).post<{ user: { id: number } }>('/users', {
      username: 'peninjau.pilih',
      role: 'viewer',
      password: 'dipilih oleh admin',
    });
    expect((await AdminUser.findByPk(created.body.user.id))!.mustChangePassword).toBe(false);
    // The test server's demo admin was generated, and chose its password over HTTP at start.
    const demo = await signIn('admin', server.demoAdminPassword!);
    expect(demo.mustChangePassword).toBe(false);
    expect((await adminApi(server, demo.token).get('/employees')).status).toBe(200);
  });

  it('keeps the new password to the usual rules, and refuses a wrong current one', async () => {
    const { password } = await generated('admin.teliti');
    const api = adminApi(server, (await signIn('admin.teliti', password)).token);
    expect((await api.post('/me/password', { currentPassword: password, newPassword: 'pendek' })).body).toMatchObject({
      errors: [{ path: 'newPassword' }],
    });
    expect((await api.post('/me/password', { currentPassword: 'salah sekali', newPassword: 'cukup panjang sekali' })).body).toMatchObject({
      errors: [{ path: 'currentPassword' }],
    });
    expect((await signIn('admin.teliti', password)).mustChangePassword).toBe(true);
  });
});
