import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rating } from '../../server/db/models/index.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { postJson, ratingBody, uniquePhone } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let ratingsUrl: string;
beforeAll(async () => {
  server = await startTestServer();
  ratingsUrl = `${server.url}/api/v1/ratings`;
});
afterAll(() => server.close());

describe('posting a rating', () => {
  it('stores a valid rating and answers 201 with its id, receipt and time', async () => {
    const before = await Rating.count();
    const { status, body } = await postJson(ratingsUrl, ratingBody());
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(Number),
      receipt: expect.stringMatching(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/),
      createdAt: expect.any(String),
    });
    expect(await Rating.count()).toBe(before + 1);
    const stored = await Rating.findByPk(body.id as number);
    expect(stored).toMatchObject({ profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4, channel: 'widget', verified: false });
  });

  it('keeps the phone number only as a keyed hash, an encrypted copy and a masked form', async () => {
    const { body } = await postJson(ratingsUrl, ratingBody({ phone: '0813-9876-5432' }));
    const rating = await Rating.findByPk(body.id as number);
    const vault = new PhoneVault(server.config.phoneKey);
    expect(rating!.phoneMasked).toBe('0813****5432');
    expect(rating!.phoneHash).toBe(vault.hash('+6281398765432'));
    expect(vault.decrypt(rating!.phoneCipher!)).toBe('+6281398765432');
    const stored = await everythingStored(body.id as number);
    for (const clear of ['81398765432', '0813-9876-5432', '+6281398765432']) expect(stored).not.toContain(clear);
  });

  it('reads every usual writing of one mobile number as the same number', async () => {
    const vault = new PhoneVault(server.config.phoneKey);
    const writings = [
      '081234500001',
      '0812-3450-0001',
      '0812 3450 0001',
      '0812.3450.0001',
      '6281234500001',
      '+6281234500001',
      '+62 812-3450-0001',
      '(0812) 3450 0001',
    ];
    const hashes = new Set<string>();
    for (const phone of writings) {
      const { status, body } = await postJson(ratingsUrl, ratingBody({ phone, serviceType: 'posbindu', nip: '198507222010121002' }));
      if (status === 201) hashes.add((await Rating.findByPk(body.id as number))!.phoneHash);
      else expect(status).toBe(409);
    }
    expect([...hashes]).toEqual([vault.hash('+6281234500001')]);
  });

  it('refuses a second rating from the same phone for the same employee and service on the same day', async () => {
    const phone = uniquePhone();
    expect((await postJson(ratingsUrl, ratingBody({ phone }))).status).toBe(201);
    const before = await Rating.count();
    const second = await postJson(ratingsUrl, ratingBody({ phone: phone.replace(/^0/, '+62') }));
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toMatch(/problem\+json/);
    expect(second.body.detail).toMatch(/already rated/);
    expect(await Rating.count()).toBe(before);
  });

  it('accepts the same phone for another service type or another employee the same day', async () => {
    const phone = uniquePhone();
    expect((await postJson(ratingsUrl, ratingBody({ phone }))).status).toBe(201);
    expect((await postJson(ratingsUrl, ratingBody({ phone, serviceType: 'cop' }))).status).toBe(201);
    expect((await postJson(ratingsUrl, ratingBody({ phone, nip: '199011042015032003' }))).status).toBe(201);
  });

  it('answers a repeated clientId with the first answer and stores nothing more', async () => {
    const body = ratingBody();
    const first = await postJson(ratingsUrl, body);
    const before = await Rating.count();
    const again = await postJson(ratingsUrl, body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await Rating.count()).toBe(before);
  });

  it('lets exactly one of fifty identical ratings sent at the same instant through', async () => {
    const phone = uniquePhone();
    const before = await Rating.count();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => postJson(ratingsUrl, ratingBody({ phone, serviceType: 'phqc', clientId: randomUUID() }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array<number>(49).fill(409)]);
    expect(await Rating.count()).toBe(before + 1);
  });

  it('stores one row when the same clientId arrives fifty times at once', async () => {
    const body = ratingBody({ serviceType: 'gawat-darurat' });
    const before = await Rating.count();
    const results = await Promise.all(Array.from({ length: 50 }, () => postJson(ratingsUrl, body)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await Rating.count()).toBe(before + 1);
  });

  it('stores a comment with SQL in it as plain text', async () => {
    const comment = 'Bagus\'); DROP TABLE ratings; -- "; SELECT * FROM employees';
    const { status, body } = await postJson(ratingsUrl, ratingBody({ comment }));
    expect(status).toBe(201);
    expect((await Rating.findByPk(body.id as number))!.comment).toBe(comment);
  });

  it('keeps Indonesian and any other Unicode text in a comment as written', async () => {
    const comment = 'Terima kasih, petugas sangat membantu 🙏 — نعم 谢谢 ñ';
    const { body } = await postJson(ratingsUrl, ratingBody({ comment }));
    expect((await Rating.findByPk(body.id as number))!.comment).toBe(comment);
  });
});

/**
 * What the database holds after a rating: on SQLite the bytes of the file and its log, elsewhere
 * every column of the row as the server returns it.
 */
async function everythingStored(id: number): Promise<string> {
  if (server.database.kind !== 'sqlite') {
    const rows = await server.sequelize.query('SELECT * FROM ratings WHERE id = :id', { replacements: { id }, type: QueryTypes.SELECT });
    expect(rows).toHaveLength(1);
    return JSON.stringify(rows);
  }
  await server.sequelize.query('PRAGMA wal_checkpoint(FULL)');
  return Buffer.concat(
    ['pacak.sqlite', 'pacak.sqlite-wal'].map((name) => {
      try {
        return readFileSync(join(server.dataDir, name));
      } catch {
        return Buffer.alloc(0);
      }
    }),
  ).toString('latin1');
}

describe('cross-origin posting', () => {
  it('refuses a rating posted from a site not in CORS_ORIGINS and stores nothing', async () => {
    const before = await Rating.count();
    const response = await postJson(ratingsUrl, ratingBody(), { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await Rating.count()).toBe(before);
  });

  it('lets any site read employees and service types', async () => {
    const response = await fetch(`${server.url}/api/v1/indicators`, { headers: { origin: 'https://any.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
