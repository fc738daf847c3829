import { describe, expect, it } from 'vitest';
import { AuditEntry, Rating } from '../../server/db/models/index.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { adminApi, makeUser, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

interface Listed {
  id: number;
  phone: string;
  employee: { nip: string };
  serviceType: { code: string };
  voided: { at: string; reason: string; by: string | null } | null;
}

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const api = () => adminApi(server, admin.token);
const list = (query = '') => api().get<{ ratings: Listed[]; total: number }>(`/ratings?limit=500${query}`);
const auditOf = (action: string, id: number) => AuditEntry.findAll({ where: { action, targetId: String(id) } });

describe('the moderation list', () => {
  it('shows ratings of the office newest first with masked phone numbers only', async () => {
    const id = await rate(server, { phone: '0812-7777-0001' });
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.body.ratings[0]).toMatchObject({ id, phone: '0812****0001', employee: { nip: '199203152019032001' }, voided: null });
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/81277770001/);
    expect(text).not.toMatch(/phoneCipher|phoneHash|ipHash/);
  });

  it('filters by day, employee, service type and voided state', async () => {
    const cop = await rate(server, { serviceType: 'cop', nip: '198507222010121002' });
    const today = (await Rating.findByPk(cop))!.localDate;
    expect((await list(`&from=${today}&to=${today}`)).body.ratings.map((r) => r.id)).toContain(cop);
    expect((await list('&to=2020-01-01')).body.ratings).toEqual([]);
    expect((await list('&nip=198507222010121002&serviceType=cop')).body.ratings.map((r) => r.id)).toEqual([cop]);
    expect((await list('&nip=199001012015011999')).body).toEqual({ ratings: [], total: 0 });
    expect((await list('&voided=true')).body.ratings.every((r) => r.voided !== null)).toBe(true);
    expect((await list('&from=yesterday')).status).toBe(422);
    expect((await list('&voided=perhaps')).status).toBe(422);
  });
});

describe('voiding a rating', () => {
  it('keeps the rating stored, marks who voided it and why, and audits it', async () => {
    const id = await rate(server);
    const response = await api().post<Listed>(`/ratings/${id}/void`, { reason: 'Dinilai oleh petugas sendiri' });
    expect(response.status).toBe(200);
    expect(response.body.voided).toMatchObject({ reason: 'Dinilai oleh petugas sendiri', by: admin.username });
    const stored = await Rating.findByPk(id);
    expect(stored).toMatchObject({ voidReason: 'Dinilai oleh petugas sendiri', voidedBy: admin.id });
    expect(stored!.voidedAt).toBeInstanceOf(Date);
    expect((await list('&voided=true')).body.ratings.map((r) => r.id)).toContain(id);
    expect((await list('&voided=false')).body.ratings.map((r) => r.id)).not.toContain(id);
    const [entry] = await auditOf('rating.void', id);
    expect(entry).toMatchObject({ actorId: admin.id, actorUsername: admin.username, targetType: 'rating', officeId: 1 });
    expect(entry!.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(entry!.changes!)).toEqual({ reason: 'Dinilai oleh petugas sendiri' });
  });

  it('undoes a void, so the rating counts again, and audits that too', async () => {
    const id = await rate(server);
    await api().post(`/ratings/${id}/void`, { reason: 'Keliru' });
    const response = await api().post<Listed>(`/ratings/${id}/unvoid`, { reason: 'Ternyata sah' });
    expect(response.body.voided).toBeNull();
    expect(await Rating.findByPk(id)).toMatchObject({ voidedAt: null, voidReason: null, voidedBy: null });
    const [entry] = await auditOf('rating.unvoid', id);
    expect(JSON.parse(entry!.changes!)).toEqual({ reason: 'Ternyata sah', voidReason: 'Keliru' });
  });

  it('needs a reason, and refuses voiding twice or unvoiding a counted rating', async () => {
    const id = await rate(server);
    expect((await api().post(`/ratings/${id}/void`)).status).toBe(422);
    expect((await api().post(`/ratings/${id}/void`, { reason: '   ' })).status).toBe(422);
    expect((await api().post(`/ratings/${id}/unvoid`)).status).toBe(409);
    expect((await api().post(`/ratings/${id}/void`, { reason: 'Spam' })).status).toBe(200);
    expect((await api().post(`/ratings/${id}/void`, { reason: 'Spam lagi' })).status).toBe(409);
    expect((await api().post('/ratings/999999/void', { reason: 'Tidak ada' })).status).toBe(404);
    expect((await api().post('/ratings/abc/void', { reason: 'Tidak ada' })).status).toBe(404);
    expect(await auditOf('rating.void', id)).toHaveLength(1);
  });
});

describe('reading a customer phone number', () => {
  it('answers the full number for a reason and audits the reading without the number', async () => {
    const id = await rate(server, { phone: '+62 813-5555-0002' });
    const response = await api().post(`/ratings/${id}/phone`, { reason: 'Keluhan no. 12/2026: hubungi pelanggan' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, phone: '+6281355550002', national: '081355550002' });
    const [entry] = await auditOf('rating.read-phone', id);
    expect(entry).toMatchObject({ actorId: admin.id, targetType: 'rating' });
    expect(JSON.parse(entry!.changes!)).toEqual({ reason: 'Keluhan no. 12/2026: hubungi pelanggan' });
  });

  it('needs a reason and reads nothing without one', async () => {
    const id = await rate(server);
    expect((await api().post(`/ratings/${id}/phone`)).status).toBe(422);
    expect((await api().post(`/ratings/${id}/phone`, {})).status).toBe(422);
    expect(await auditOf('rating.read-phone', id)).toHaveLength(0);
  });

  it('answers 410 once retention has erased the readable number', async () => {
    const id = await rate(server);
    await Rating.update({ phoneCipher: null }, { where: { id } });
    const response = await api().post(`/ratings/${id}/phone`, { reason: 'Keluhan' });
    expect(response.status).toBe(410);
    expect(response.body.detail).toMatch(/erased/);
  });

  it('is not open to viewers', async () => {
    const viewer = await makeUser(server, 'viewer');
    const id = await rate(server);
    expect((await adminApi(server, viewer.token).post(`/ratings/${id}/phone`, { reason: 'Ingin tahu' })).status).toBe(403);
    expect(await auditOf('rating.read-phone', id)).toHaveLength(0);
  });

  it('never writes a phone number or password into the audit log', async () => {
    const entries = await AuditEntry.findAll();
    expect(entries.length).toBeGreaterThan(3);
    const text = JSON.stringify(entries.map((entry) => entry.get()));
    const vault = new PhoneVault(server.config.phoneKey);
    const phones = (await Rating.findAll()).filter((rating) => rating.phoneCipher).map((rating) => vault.decrypt(rating.phoneCipher!));
    expect(phones.length).toBeGreaterThan(5);
    for (const phone of phones) expect(text).not.toContain(phone.slice(3)); // the digits after +62
    expect(text).not.toContain(admin.password);
  });
});
