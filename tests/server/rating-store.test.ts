import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Employee, Office, Rating, ServiceType } from '../../server/db/models/index.js';
import { openRatingStore } from '../../server/db/open-rating-store.js';
import type { NewRating, RatingLimit, RatingStore } from '../../server/db/rating-store.js';
import { localDate } from '../../server/domain/local-date.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { DEMO_NIP } from '../../server/db/seed-data.js';
import { uniquePhone } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let store: RatingStore;
let template: Omit<NewRating, 'clientId' | 'receipt' | 'phoneHash' | 'phoneCipher' | 'phoneMasked'>;
const vault = new PhoneVault('store-test-key-'.padEnd(40, 'x'));

beforeAll(async () => {
  server = await startTestServer();
  // The store the server itself uses on this database: SQLite's writer thread, or one transaction per rating.
  store = await openRatingStore(server.sequelize, server.config);
  const employee = await Employee.findOne({ where: { nip: DEMO_NIP }, rejectOnEmpty: true });
  const office = await Office.findByPk(employee.officeId, { rejectOnEmpty: true });
  const type = await ServiceType.findOne({ where: { officeId: office.id }, rejectOnEmpty: true });
  const createdAt = new Date();
  template = {
    officeId: office.id,
    employeeId: employee.id,
    workAreaId: employee.workAreaId,
    serviceTypeId: type.id,
    profesional: 5,
    amanah: 4,
    cakap: 5,
    akuntabel: 4,
    kolaboratif: 5,
    comment: null,
    channel: 'widget',
    ipHash: null,
    localDate: localDate(createdAt, office.timezone),
    verified: false,
    serviceTokenId: null,
    createdAt,
  };
});
afterAll(async () => {
  await store?.close();
  await server.close();
});

/** A rating of the demo employee from a new phone number, with a new clientId and receipt. */
function rating(overrides: Partial<NewRating> = {}): NewRating {
  const phone = vault.protect(`+62${uniquePhone().slice(1)}`);
  return {
    ...template,
    clientId: randomUUID(),
    receipt: randomUUID().slice(0, 11).toUpperCase(),
    phoneHash: phone.hash,
    phoneCipher: phone.cipher,
    phoneMasked: phone.masked,
    ...overrides,
  };
}

const storedWith = (clientId: string) => Rating.count({ where: { clientId } });

describe('the rating store says why it refused a rating', () => {
  it('stores a rating and answers its id', async () => {
    const sent = rating();
    const outcome = await store.insert(sent);
    expect(outcome).toEqual({ stored: true, id: expect.any(Number) });
    expect((await Rating.findOne({ where: { clientId: sent.clientId } }))?.id).toBe(outcome.stored && outcome.id);
  });

  it('answers a resent clientId with the first receipt', async () => {
    const first = rating();
    const stored = await store.insert(first);
    expect(stored.stored).toBe(true);
    // The resend comes with a fresh receipt and even another phone: the clientId decides.
    const outcome = await store.insert(rating({ clientId: first.clientId }));
    expect(outcome).toEqual({
      stored: false,
      reason: 'replayed',
      first: { id: stored.stored ? stored.id : -1, receipt: first.receipt, createdAt: expect.any(Date) },
    });
    expect(await storedWith(first.clientId)).toBe(1);
  });

  it('refuses a second rating of the day from the same phone for the same employee and service', async () => {
    const first = rating();
    expect((await store.insert(first)).stored).toBe(true);
    const again = rating({ phoneHash: first.phoneHash, phoneCipher: first.phoneCipher, phoneMasked: first.phoneMasked });
    expect(await store.insert(again)).toEqual({ stored: false, reason: 'already-rated' });
    expect(await storedWith(again.clientId)).toBe(0);
  });

  it('refuses a one-service code spent before', async () => {
    const serviceTokenId = randomUUID().replaceAll('-', '');
    expect((await store.insert(rating({ serviceTokenId, verified: true }))).stored).toBe(true);
    const second = rating({ serviceTokenId, verified: true });
    expect(await store.insert(second)).toEqual({ stored: false, reason: 'service-token-used' });
    expect(await storedWith(second.clientId)).toBe(0);
  });

  it('says when only the random receipt collided', async () => {
    const first = rating();
    expect((await store.insert(first)).stored).toBe(true);
    const second = rating({ receipt: first.receipt });
    expect(await store.insert(second)).toEqual({ stored: false, reason: 'receipt-taken' });
    expect(await storedWith(second.clientId)).toBe(0);
  });

  it('names the full limit and stores nothing, but answers a resend as a resend even then', async () => {
    const now = new Date();
    const limit: RatingLimit = {
      kind: 'address',
      counter: { key: `rate:store-test-${randomUUID()}`, windowStart: Math.floor(now.getTime() / 1000) },
      limit: 1,
      windowStart: now,
      resetsAt: new Date(now.getTime() + 60_000),
    };
    const first = rating();
    expect((await store.insert(first, [limit])).stored).toBe(true);
    const second = rating();
    expect(await store.insert(second, [limit])).toEqual({ stored: false, reason: 'limit-reached', limit: 'address' });
    expect(await storedWith(second.clientId)).toBe(0);
    expect(await store.insert(rating({ clientId: first.clientId }), [limit])).toMatchObject({ stored: false, reason: 'replayed' });
  });
});
