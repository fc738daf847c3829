import { describe, expect, it } from 'vitest';
import { AdminUser, AuditEntry } from '../../server/db/models/index.js';
import { adminApi, makeOffice, makeUser, signIn, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { postJson } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

interface Created {
  user: { id: number; username: string; role: string; office: string; workArea: string | null };
  password?: string;
}

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const api = () => adminApi(server, admin.token);
const tokenStatus = async (username: string, password: string) =>
  (await postJson(`${server.url}/api/v1/auth/token`, { username, password })).status;

describe('an admin manages the users of the office', () => {
  it('creates a coordinator with a generated password shown once, who signs in with it', async () => {
    const created = await api().post<Created>('/users', { username: 'Koor.BoomBaru', role: 'coordinator', workArea: 'boom-baru' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'koor.boombaru',
      role: 'coordinator',
      office: 'bkk-palembang',
      workArea: 'boom-baru',
    });
    expect(created.body.password).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const token = await signIn(server, 'koor.boombaru', created.body.password!);
    expect((await adminApi(server, token).get('/me')).body).toMatchObject({ role: 'coordinator', workArea: 'boom-baru' });
    const listed = await api().get<{ users: { username: string }[] }>('/users');
    expect(JSON.stringify(listed.body)).not.toMatch(/"password"|passwordHash|password_hash/i);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.password!);
    const entry = await AuditEntry.findOne({ where: { action: 'user.create', targetId: String(created.body.user.id) } });
    expect(entry!.changes).not.toContain(created.body.password!);
  });

  it('takes a chosen password of twelve characters or more and then answers none', async () => {
    const created = await api().post<Created>('/users', { username: 'viewer.kepala', role: 'viewer', password: 'kepala balai 2026' });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('password');
    expect(await tokenStatus('viewer.kepala', 'kepala balai 2026')).toBe(200);
    expect((await api().post('/users', { username: 'pendek', role: 'viewer', password: 'short' })).body).toMatchObject({
      errors: [{ path: 'password' }],
    });
  });

  it('refuses a taken username, a bad one, and placements that do not fit the role', async () => {
    const before = await AdminUser.count();
    expect((await api().post('/users', { username: admin.username, role: 'viewer' })).status).toBe(409);
    expect((await api().post('/users', { username: 'a b', role: 'viewer' })).status).toBe(422);
    expect((await api().post('/users', { username: 'koor.tanpa', role: 'coordinator' })).body).toMatchObject({
      errors: [{ path: 'workArea' }],
    });
    expect((await api().post('/users', { username: 'viewer.area', role: 'viewer', workArea: 'boom-baru' })).body).toMatchObject({
      errors: [{ path: 'workArea' }],
    });
    expect((await api().post('/users', { username: 'koor.atlantis', role: 'coordinator', workArea: 'atlantis' })).status).toBe(422);
    expect((await api().post('/users', { username: 'super.baru', role: 'superadmin' })).body).toMatchObject({ errors: [{ path: 'role' }] });
    expect(await AdminUser.count()).toBe(before);
  });

  it('changes a role and work area; the old token must sign in again', async () => {
    const viewer = await makeUser(server, 'viewer');
    const changed = await api().patch<Created['user']>(`/users/${viewer.id}`, { role: 'coordinator', workArea: 'bandara-smb-ii' });
    expect(changed.body).toMatchObject({ role: 'coordinator', workArea: 'bandara-smb-ii' });
    expect((await adminApi(server, viewer.token).get('/me')).status).toBe(401);
    const back = await api().patch<Created['user']>(`/users/${viewer.id}`, { role: 'viewer' });
    expect(back.body).toMatchObject({ role: 'viewer', workArea: null });
    expect((await api().patch(`/users/${viewer.id}`, {})).status).toBe(422);
  });

  it('deactivates and reactivates a user, who meanwhile cannot sign in', async () => {
    const viewer = await makeUser(server, 'viewer');
    expect((await api().post(`/users/${viewer.id}/deactivate`)).body).toMatchObject({ active: false });
    expect(await tokenStatus(viewer.username, viewer.password)).toBe(401);
    expect((await adminApi(server, viewer.token).get('/me')).status).toBe(401);
    expect((await api().post(`/users/${viewer.id}/reactivate`)).body).toMatchObject({ active: true });
    expect(await tokenStatus(viewer.username, viewer.password)).toBe(200);
  });

  it('resets a password, answering the new one once and auditing without it', async () => {
    const viewer = await makeUser(server, 'viewer');
    const reset = await api().post<{ password: string }>(`/users/${viewer.id}/password`);
    expect(await tokenStatus(viewer.username, viewer.password)).toBe(401);
    expect(await tokenStatus(viewer.username, reset.body.password)).toBe(200);
    const entry = await AuditEntry.findOne({ where: { action: 'user.reset-password', targetId: String(viewer.id) } });
    expect(entry).toMatchObject({ actorId: admin.id, changes: null });
  });

  it('keeps an admin from changing their own role or deactivating themselves', async () => {
    expect((await api().patch(`/users/${admin.id}`, { role: 'viewer' })).status).toBe(409);
    expect((await api().post(`/users/${admin.id}/deactivate`)).status).toBe(409);
    expect((await AdminUser.findByPk(admin.id))!.role).toBe('admin');
  });

  it('keeps at least one active admin in an office', async () => {
    const { office } = await makeOffice('bkk-sendiri');
    const only = await makeUser(server, 'admin', { office: office.code });
    const superadmin = await makeUser(server, 'superadmin');
    const asSuper = adminApi(server, superadmin.token);
    expect((await asSuper.patch(`/users/${only.id}`, { role: 'viewer' })).status).toBe(409);
    expect((await asSuper.post(`/users/${only.id}/deactivate`)).status).toBe(409);
    const second = await asSuper.post<Created>('/users', { username: 'admin.kedua', role: 'admin', office: office.code });
    expect((await adminApi(server, only.token).post(`/users/${second.body.user.id}/deactivate`)).status).toBe(200);
  });
});

describe('a superadmin sets up offices and their admins', () => {
  it('creates the first admin of a new office, who then manages that office alone', async () => {
    const superadmin = await makeUser(server, 'superadmin');
    const asSuper = adminApi(server, superadmin.token);
    await asSuper.post('/offices', { code: 'bkk-baru', name: 'BKK Baru' });
    expect((await asSuper.post('/users', { username: 'tanpa.kantor', role: 'admin' })).body).toMatchObject({
      errors: [{ path: 'office' }],
    });
    expect((await asSuper.post('/users', { username: 'viewer.baru', role: 'viewer', office: 'bkk-baru' })).body).toMatchObject({
      errors: [{ path: 'role' }],
    });
    expect((await asSuper.post('/users', { username: 'admin.x', role: 'admin', office: 'bkk-tidak-ada' })).body).toMatchObject({
      errors: [{ path: 'office' }],
    });
    const first = await asSuper.post<Created>('/users', { username: 'admin.baru', role: 'admin', office: 'bkk-baru' });
    expect(first.body.user).toMatchObject({ role: 'admin', office: 'bkk-baru' });
    const generated = await signIn(server, 'admin.baru', first.body.password!);
    // A generated password is changed first; then the office is theirs to set up.
    expect(
      (await adminApi(server, generated).post('/me/password', { currentPassword: first.body.password, newPassword: 'kantor baru kami' }))
        .status,
    ).toBe(204);
    const token = await signIn(server, 'admin.baru', 'kantor baru kami');
    expect((await adminApi(server, token).post('/work-areas', { code: 'kantor-induk', name: 'Kantor Induk' })).status).toBe(201);
    expect(
      (await asSuper.get<{ users: { username: string }[] }>('/users?office=bkk-baru')).body.users.map((user) => user.username),
    ).toEqual(['admin.baru']);
    const offices = await asSuper.get<{ offices: { code: string; admins: number }[] }>('/offices');
    expect(offices.body.offices.find((office) => office.code === 'bkk-baru')).toMatchObject({ admins: 1 });
  });

  it('leaves superadmin accounts to the command line', async () => {
    const one = await makeUser(server, 'superadmin');
    const two = await makeUser(server, 'superadmin');
    expect((await adminApi(server, one.token).post(`/users/${two.id}/deactivate`)).status).toBe(403);
    expect((await api().post(`/users/${two.id}/deactivate`)).status).toBe(404);
  });
});

describe('changing one own password', () => {
  it('needs the current password and a long enough new one', async () => {
    const viewer = await makeUser(server, 'viewer');
    const me = adminApi(server, viewer.token);
    expect((await me.post('/me/password', { currentPassword: 'wrong', newPassword: 'a brand new password' })).body).toMatchObject({
      errors: [{ path: 'currentPassword' }],
    });
    expect((await me.post('/me/password', { currentPassword: viewer.password, newPassword: 'short' })).body).toMatchObject({
      errors: [{ path: 'newPassword' }],
    });
    expect((await me.post('/me/password', { currentPassword: viewer.password, newPassword: 'a brand new password' })).status).toBe(204);
    expect(await tokenStatus(viewer.username, viewer.password)).toBe(401);
    expect(await tokenStatus(viewer.username, 'a brand new password')).toBe(200);
  });
});
