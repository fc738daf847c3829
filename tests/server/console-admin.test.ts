import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { AdminUser, AuditEntry, Office } from '../../server/db/models/index.js';
import { adminApi, makeOffice, makeUser, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const api = () => adminApi(server, admin.token);
const lastAudit = async () => (await AuditEntry.findOne({ order: [['id', 'DESC']] }))!;

/** Draws the answer's QR path (runs of `M x y h n`) at 4 px a module and reads it as a camera would. */
function readQrPath(qr: { size: number; path: string }): string | null {
  const scale = 4;
  const width = qr.size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y, run] of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dx = 0; dx < Number(run) * scale; dx++) {
      for (let dy = 0; dy < scale; dy++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

describe("the office's own settings", () => {
  it('reads and changes the complaint link, privacy contact and time zone, auditing the change', async () => {
    expect((await api().get('/office')).body).toMatchObject({
      code: 'bkk-palembang',
      timezone: 'Asia/Jakarta',
      complaintUrl: 'https://www.lapor.go.id',
    });
    const changed = await api().patch('/office', {
      complaintUrl: 'https://pengaduan.bkk-palembang.go.id/',
      privacyContact: 'ppid@bkk.go.id',
      timezone: 'Asia/Makassar',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      complaintUrl: 'https://pengaduan.bkk-palembang.go.id/',
      privacyContact: 'ppid@bkk.go.id',
      timezone: 'Asia/Makassar',
    });
    expect(JSON.parse((await lastAudit()).changes!)).toMatchObject({ timezone: { from: 'Asia/Jakarta', to: 'Asia/Makassar' } });
    const form = await fetch(`${server.url}/api/v1/employees/199203152019032001`).then((response) => response.json());
    expect(JSON.stringify(form)).toContain('pengaduan.bkk-palembang.go.id');
    expect((await api().patch('/office', { complaintUrl: null, timezone: 'Asia/Jakarta' })).body).toMatchObject({ complaintUrl: null });
  });

  it('refuses a link that is not a web address, an unknown time zone and an empty change, changing nothing', async () => {
    const before = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!.get();
    for (const body of [
      { complaintUrl: 'javascript:alert(1)' },
      { complaintUrl: 'lapor.go.id' },
      { timezone: 'Mars/Olympus' },
      {},
      { name: 'Lain' },
    ]) {
      expect((await api().patch('/office', body)).status).toBe(422);
    }
    expect((await Office.findOne({ where: { code: 'bkk-palembang' } }))!.get()).toEqual(before);
  });

  it('is for admins only', async () => {
    const viewer = await makeUser(server, 'viewer');
    expect((await adminApi(server, viewer.token).get('/office')).status).toBe(403);
    expect((await adminApi(server, viewer.token).patch('/office', { privacyContact: 'x' })).status).toBe(403);
  });
});

describe('kiosk keys in the console', () => {
  it('answers the key once with the tablet address and a QR code that reads as that address', async () => {
    const issued = await api().post<{ id: number; key: string; tabletUrl: string; qr: { size: number; path: string } }>('/kiosk-keys', {
      workArea: 'boom-baru',
      label: 'Loket 1',
    });
    expect(issued.status).toBe(201);
    expect(issued.body.tabletUrl).toBe(`${server.config.publicBaseUrl}/kiosk#area=boom-baru&key=${issued.body.key}`);
    expect(readQrPath(issued.body.qr)).toBe(issued.body.tabletUrl);
    const listed = await api().get<{ keys: unknown[] }>('/kiosk-keys');
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);
    expect(await AuditEntry.count({ where: { action: 'kiosk-key.issue', targetId: String(issued.body.id) } })).toBe(1);
  });

  it('names a key anew, audited; another office cannot see, rename or revoke it', async () => {
    const issued = await api().post<{ id: number }>('/kiosk-keys', { workArea: 'kantor-induk', label: 'Loket 2' });
    const renamed = await api().patch(`/kiosk-keys/${issued.body.id}`, { label: 'Loket Vaksinasi' });
    expect(renamed.body).toMatchObject({ id: issued.body.id, label: 'Loket Vaksinasi', workArea: 'kantor-induk', revokedAt: null });
    expect(JSON.parse((await lastAudit()).changes!)).toEqual({ label: { from: 'Loket 2', to: 'Loket Vaksinasi' } });
    expect((await api().patch(`/kiosk-keys/${issued.body.id}`, { label: '' })).status).toBe(422);

    await makeOffice('bkk-kendari');
    const other = adminApi(server, (await makeUser(server, 'admin', { office: 'bkk-kendari' })).token);
    expect((await other.get<{ keys: unknown[] }>('/kiosk-keys')).body.keys).toEqual([]);
    expect((await other.patch(`/kiosk-keys/${issued.body.id}`, { label: 'Diambil' })).status).toBe(404);
    expect((await other.post(`/kiosk-keys/${issued.body.id}/revoke`)).status).toBe(404);
  });

  it('revokes once: a second revoke changes nothing and adds no audit entry', async () => {
    const issued = await api().post<{ id: number }>('/kiosk-keys', { workArea: 'kantor-induk', label: 'Loket 3' });
    expect((await api().post(`/kiosk-keys/${issued.body.id}/revoke`)).status).toBe(204);
    expect((await api().post(`/kiosk-keys/${issued.body.id}/revoke`)).status).toBe(204);
    expect(await AuditEntry.count({ where: { action: 'kiosk-key.revoke', targetId: String(issued.body.id) } })).toBe(1);
  });

  it('serves the tablet page, which needs no key from the server', async () => {
    const response = await fetch(`${server.url}/kiosk`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await response.text()).toContain('<script type="module" src="/widget/pacak-pages.js"></script>');
  });
});

describe('the moderation list by rating ids', () => {
  it('lists exactly the given ratings of the office (an anomaly flag links to them), and refuses a malformed list', async () => {
    const ids = [await rate(server), await rate(server), await rate(server)];
    const listed = await api().get<{ ratings: { id: number }[]; total: number }>(`/ratings?ids=${ids[0]},${ids[2]}`);
    expect(listed.body.ratings.map((rating) => rating.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(listed.body.total).toBe(2);
    for (const bad of ['1,,2', 'a', '0', Array.from({ length: 101 }, (_, i) => i + 1).join(',')]) {
      expect((await api().get(`/ratings?ids=${bad}`)).status).toBe(422);
    }
  });
});

describe('the last admin of an office', () => {
  it('cannot be taken away when two admins deactivate each other at the same moment', async () => {
    await makeOffice('bkk-ternate');
    const [first, second] = [
      await makeUser(server, 'admin', { office: 'bkk-ternate' }),
      await makeUser(server, 'admin', { office: 'bkk-ternate' }),
    ];
    const answers = await Promise.all([
      adminApi(server, first.token).post(`/users/${second.id}/deactivate`),
      adminApi(server, second.token).post(`/users/${first.id}/deactivate`),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body).toMatchObject({ title: 'Last admin' });
    const office = (await Office.findOne({ where: { code: 'bkk-ternate' } }))!;
    expect(await AdminUser.count({ where: { officeId: office.id, role: 'admin', active: true } })).toBe(1);
  });

  it('cannot be taken away when two admins demote each other at the same moment', async () => {
    await makeOffice('bkk-tual');
    const [first, second] = [
      await makeUser(server, 'admin', { office: 'bkk-tual' }),
      await makeUser(server, 'admin', { office: 'bkk-tual' }),
    ];
    const answers = await Promise.all([
      adminApi(server, first.token).patch(`/users/${second.id}`, { role: 'viewer' }),
      adminApi(server, second.token).patch(`/users/${first.id}`, { role: 'viewer' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const office = (await Office.findOne({ where: { code: 'bkk-tual' } }))!;
    expect(await AdminUser.count({ where: { officeId: office.id, role: 'admin', active: true } })).toBe(1);
  });
});
