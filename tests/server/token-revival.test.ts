import { describe, expect, it } from 'vitest';
import { AdminUser } from '../../server/db/models/index.js';
import { TokenIssuer } from '../../server/services/access/tokens.js';
import { adminApi, makeUser, signIn, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const me = (token: string) => adminApi(server, token).get('/me');

describe('a token from before a change of access', () => {
  it('stays refused after the account is deactivated and reactivated', async () => {
    const user = await makeUser(server, 'viewer');
    const api = adminApi(server, admin.token);
    expect((await api.post(`/users/${user.id}/deactivate`)).status).toBe(200);
    expect((await me(user.token)).status).toBe(401);
    expect((await api.post(`/users/${user.id}/reactivate`)).status).toBe(200);
    expect((await me(user.token)).status).toBe(401);
    expect((await me(await signIn(server, user.username, user.password))).status).toBe(200);
  });

  it('stays refused after a role is changed and changed back', async () => {
    const user = await makeUser(server, 'viewer');
    const api = adminApi(server, admin.token);
    expect((await api.patch(`/users/${user.id}`, { role: 'admin' })).status).toBe(200);
    expect((await api.patch(`/users/${user.id}`, { role: 'viewer' })).status).toBe(200);
    expect((await me(user.token)).status).toBe(401);
  });

  it('stays refused after a password reset or change, even within the same second', async () => {
    const user = await makeUser(server, 'viewer');
    const fresh = await signIn(server, user.username, user.password);
    expect(
      (await adminApi(server, user.token).post('/me/password', { currentPassword: user.password, newPassword: 'another long passphrase' }))
        .status,
    ).toBe(204);
    expect((await me(user.token)).status).toBe(401);
    expect((await me(fresh)).status).toBe(401);
    const again = await signIn(server, user.username, 'another long passphrase');
    expect((await adminApi(server, admin.token).post(`/users/${user.id}/password`)).status).toBe(200);
    expect((await me(again)).status).toBe(401);
  });

  it('is refused when it carries no version or another one, however well signed', async () => {
    const user = await makeUser(server, 'viewer');
    const row = (await AdminUser.findByPk(user.id))!;
    const issuer = new TokenIssuer(server.config.jwtSecret);
    const stale = issuer.issue({ sub: String(user.id), role: 'viewer', office: 'bkk-palembang', ver: row.tokenVersion - 1 });
    expect((await me(stale.token)).status).toBe(401);
    const current = issuer.issue({ sub: String(user.id), role: 'viewer', office: 'bkk-palembang', ver: row.tokenVersion });
    expect((await me(current.token)).status).toBe(200);
  });
});
