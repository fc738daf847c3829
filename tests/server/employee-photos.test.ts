import { describe, expect, it } from 'vitest';
import { AuditEntry, Employee, EmployeePhoto } from '../../server/db/models/index.js';
import { imageInfoOf } from '../../server/domain/image.js';
import { adminApi, makeOffice, makeUser, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { jpegHeader, pngOf, webpHeader } from '../helpers/images.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const RINA = '199203152019032001';

async function upload(nip: string, bytes: Buffer, type: string, token = admin.token) {
  const response = await fetch(`${server.url}/api/v1/admin/employees/${nip}/photo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  });
  const body = (await response.json()) as { photoUrl?: string | null; errors?: { code: string; path: string }[] };
  return { status: response.status, body };
}

describe('employee photos', () => {
  it('reads the type and size of PNG, JPEG and WebP from their bytes', () => {
    expect(imageInfoOf(pngOf(40, 60))).toEqual({ type: 'image/png', width: 40, height: 60 });
    expect(imageInfoOf(jpegHeader(640, 480))).toEqual({ type: 'image/jpeg', width: 640, height: 480 });
    expect(imageInfoOf(webpHeader(300, 200))).toEqual({ type: 'image/webp', width: 300, height: 200 });
    expect(imageInfoOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('stores an upload, serves it from this server with cache headers, replaces and removes it, audited', async () => {
    const png = pngOf(64, 64);
    const first = await upload(RINA, png, 'image/png');
    expect(first.status).toBe(200);
    expect(first.body.photoUrl).toMatch(/^\/api\/v1\/employee-photos\/[\w-]{22}$/);
    const served = await fetch(`${server.url}${first.body.photoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const etag = served.headers.get('etag')!;
    expect((await fetch(`${server.url}${first.body.photoUrl}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    // The public record of the employee points at it, relative to the API's origin.
    const code = (await adminApi(server, admin.token).get<{ publicCode: string }>(`/employees/${RINA}`)).body.publicCode;
    const record = (await (await fetch(`${server.url}/api/v1/employees/by-code/${code}`)).json()) as { photoUrl: string };
    expect(record.photoUrl).toBe(first.body.photoUrl);

    // A new upload gets a new address; the old one is gone.
    const second = await upload(RINA, jpegHeader(800, 600), 'image/jpeg');
    expect(second.status).toBe(200);
    expect(second.body.photoUrl).not.toBe(first.body.photoUrl);
    expect((await fetch(`${server.url}${first.body.photoUrl}`)).status).toBe(404);
    expect((await fetch(`${server.url}${second.body.photoUrl}`)).headers.get('content-type')).toBe('image/jpeg');

    const removed = await adminApi(server, admin.token).delete<{ photoUrl: string | null }>(`/employees/${RINA}/photo`);
    expect(removed.status).toBe(200);
    expect(removed.body.photoUrl).toBeNull();
    expect((await fetch(`${server.url}${second.body.photoUrl}`)).status).toBe(404);
    const employee = await Employee.findOne({ where: { nip: RINA } });
    expect(await EmployeePhoto.count({ where: { employeeId: employee!.id } })).toBe(0);
    const actions = (await AuditEntry.findAll({ where: { targetId: RINA } })).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'employee.photo')).toHaveLength(2);
    expect(actions).toContain('employee.photo-remove');
  });

  it('takes WebP, and sent as plain bytes the type comes from the bytes', async () => {
    const sent = await upload(RINA, webpHeader(300, 400), 'application/octet-stream');
    expect(sent.status).toBe(200);
    expect((await fetch(`${server.url}${sent.body.photoUrl}`)).headers.get('content-type')).toBe('image/webp');
    // Another address in its place deletes the stored bytes.
    await adminApi(server, admin.token).patch(`/employees/${RINA}`, { photoUrl: 'https://bkkpalembang.go.id/foto/rina.jpg' });
    expect((await fetch(`${server.url}${sent.body.photoUrl}`)).status).toBe(404);
  });

  it('refuses what is not a photo of sane size with a clear error, and changes nothing', async () => {
    const before = (await Employee.findOne({ where: { nip: RINA } }))!.photoUrl;
    const svg = await upload(RINA, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    expect(svg.status).toBe(422);
    expect(svg.body.errors?.[0]).toMatchObject({ path: 'photo', code: 'not_an_image' });
    expect((await upload(RINA, Buffer.from('<svg/>'), 'image/svg+xml')).status).toBe(415);
    expect((await upload(RINA, Buffer.alloc(0), 'image/png')).status).toBe(422);
    const tiny = await upload(RINA, pngOf(8, 8), 'image/png');
    expect(tiny.status).toBe(422);
    expect(tiny.body.errors?.[0]?.code).toBe('image_dimensions');
    expect((await upload(RINA, jpegHeader(5000, 300), 'image/jpeg')).body.errors?.[0]?.code).toBe('image_dimensions');
    const big = Buffer.concat([pngOf(64, 64), Buffer.alloc(1024 * 1024)]);
    expect((await upload(RINA, big, 'image/png')).status).toBe(413);
    expect((await Employee.findOne({ where: { nip: RINA } }))!.photoUrl).toBe(before);
  });

  it('is for the office’s admin only, and another office’s employee is not found', async () => {
    const viewer = await makeUser(server, 'viewer');
    expect((await upload(RINA, pngOf(64, 64), 'image/png', viewer.token)).status).toBe(403);
    expect((await upload('199912312020121999', pngOf(64, 64), 'image/png')).status).toBe(404);
    const other = await makeOffice('kantor-foto');
    expect((await upload(other.employee.nip, pngOf(64, 64), 'image/png')).status).toBe(404);
    expect((await adminApi(server, admin.token).delete(`/employees/${other.employee.nip}/photo`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/employee-photos/no-such-key`)).status).toBe(404);
  });
});
