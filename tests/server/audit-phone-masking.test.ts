import { describe, expect, it } from 'vitest';
import { AuditEntry, Rating } from '../../server/db/models/index.js';
import { maskPhonesIn } from '../../server/services/privacy/free-text.js';
import { adminApi, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { uniquePhone } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const latest = async (action: string) =>
  JSON.parse((await AuditEntry.findOne({ where: { action }, order: [['id', 'DESC']] }))!.changes!) as Record<string, unknown>;

describe('phone numbers in what an admin types', () => {
  it('are found as the rating finds them, in any writing, and masked; other numbers stay', () => {
    expect(maskPhonesIn('Keluhan pelanggan 0812-3456-7890 via telepon')).toBe('Keluhan pelanggan 0812****7890 via telepon');
    expect(maskPhonesIn('wa +62 812 3456 7890.')).toBe('wa 0812****7890.');
    expect(maskPhonesIn('nomor 6281234567890')).toBe('nomor 0812****7890');
    expect(maskPhonesIn('struk 20260512-0042, NIP 199203152019032001')).toBe('struk 20260512-0042, NIP 199203152019032001');
  });

  it('are masked in the audit log of a phone reveal, a void and an unvoid, and in the stored void reason', async () => {
    const api = adminApi(server, admin.token);
    const id = await rate(server);
    const reason = 'Keluhan pelanggan 0812-3456-7890 via telepon';
    expect((await api.post(`/ratings/${id}/phone`, { reason })).status).toBe(200);
    expect((await latest('rating.read-phone')).reason).toBe('Keluhan pelanggan 0812****7890 via telepon');
    expect((await api.post(`/ratings/${id}/void`, { reason })).status).toBe(200);
    expect((await latest('rating.void')).reason).toBe('Keluhan pelanggan 0812****7890 via telepon');
    expect((await Rating.findByPk(id))!.voidReason).toBe('Keluhan pelanggan 0812****7890 via telepon');
    expect((await api.post(`/ratings/${id}/unvoid`, { reason: 'salah, pelanggan 081234567890 menelepon lagi' })).status).toBe(200);
    expect(JSON.stringify(await latest('rating.unvoid'))).not.toMatch(/3456/);
  });
});

describe('an erase request', () => {
  it("scrubs that customer's number, in full or masked, from earlier audit entries, and leaves others' alone", async () => {
    const api = adminApi(server, admin.token);
    const phone = uniquePhone();
    const other = uniquePhone();
    const id = await rate(server, { phone });
    const masked = `${phone.slice(0, 4)}****${phone.slice(-4)}`;
    expect((await api.post(`/ratings/${id}/phone`, { reason: `pelanggan ${phone} minta dihubungi` })).status).toBe(200);
    // An entry written before reasons were masked quotes the number in full, with the other customer's too.
    const old = await AuditEntry.create({
      officeId: (await Rating.findByPk(id))!.officeId,
      actorId: admin.id,
      actorUsername: 'old-admin',
      action: 'rating.void',
      targetType: 'rating',
      targetId: String(id),
      changes: JSON.stringify({ reason: `Keluhan ${phone.replace(/^(\d{4})(\d{4})/, '$1-$2-')} dan ${other}` }),
      ipHash: null,
    });
    expect((await api.post('/ratings/erase-phone', { phone, reason: 'Permintaan pelanggan' })).status).toBe(200);

    const all = (await AuditEntry.findAll()).map((entry) => entry.changes ?? '').join('\n');
    expect(all).not.toContain(masked);
    expect(all).not.toContain(phone.slice(4));
    const scrubbed = JSON.parse((await AuditEntry.findByPk(old.id))!.changes!) as { reason: string };
    expect(scrubbed.reason).toBe(`Keluhan [nomor] dan ${other}`);
  });
});
