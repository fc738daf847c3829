import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertOutbox, AuditEntry, Office, Rating } from '../../server/db/models/index.js';
import { AlertWorker, SIGNATURE_HEADER, signBody } from '../../server/services/alerts/alert-worker.js';
import { adminApi, makeUser, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { postJson, ratingBody } from '../helpers/http.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const GOOD = { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 };

describe('the low-score alert outbox', () => {
  it('gets a row with each low rating, in its transaction, and none for a good one or a refused one', async () => {
    expect(admin.id).toBeGreaterThan(0);
    const low = await rate(server, { scores: { ...GOOD, cakap: 1 } });
    const good = await rate(server, { scores: GOOD });
    const row = await AlertOutbox.findOne({ where: { ratingId: low } });
    expect(row).toMatchObject({ status: 'pending', attempts: 0, leaseUntil: null, officeId: 1 });
    expect(row!.nextAttemptAt).toBeInstanceOf(Date);
    expect(await AlertOutbox.count({ where: { ratingId: good } })).toBe(0);

    // The same customer again today: refused (409), so no second rating and no second alert.
    const body = ratingBody({ scores: { ...GOOD, amanah: 2 } });
    expect((await postJson(`${server.url}/api/v1/ratings`, body)).status).toBe(201);
    const before = await AlertOutbox.count();
    expect((await postJson(`${server.url}/api/v1/ratings`, { ...body, clientId: crypto.randomUUID() })).status).toBe(409);
    expect(await AlertOutbox.count()).toBe(before);
  });

  it('follows the office’s own low score', async () => {
    await Office.update({ feedbackLowScore: 3 }, { where: { id: 1 } });
    const three = await rate(server, { scores: { ...GOOD, akuntabel: 3 } });
    await Office.update({ feedbackLowScore: 2 }, { where: { id: 1 } });
    const threeAgain = await rate(server, { scores: { ...GOOD, akuntabel: 3 } });
    expect(await AlertOutbox.count({ where: { ratingId: three } })).toBe(1);
    expect(await AlertOutbox.count({ where: { ratingId: threeAgain } })).toBe(0);
  });
});

describe('the alert worker', () => {
  const SECRET = 'a-webhook-secret-of-the-office';
  let receiver: Server;
  let url: string;
  let answer = 200;
  const received: { alerts: { rating: number }[] }[] = [];
  const badSignatures: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (request.headers[SIGNATURE_HEADER] !== signBody(SECRET, body)) badSignatures.push(body);
        else if (answer === 200) {
          received.push(JSON.parse(body) as { alerts: { rating: number }[] });
          bodies.push(body);
        }
        response.statusCode = answer;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/pacak`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  const db = () => Rating.sequelize!;
  const lowRating = () =>
    rate(server, { scores: { ...GOOD, kolaboratif: 1 }, phone: `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` });
  const quiet = () => AlertOutbox.update({ status: 'skipped' }, { where: { status: 'pending' } });

  it('posts signed alerts without phone numbers, and two workers send each once', async () => {
    await quiet();
    await Office.update({ alertWebhookUrl: url, alertWebhookSecret: SECRET }, { where: { id: 1 } });
    const ids = [await lowRating(), await lowRating(), await lowRating(), await lowRating()];
    const workers = [new AlertWorker(db(), { batchSize: 2 }), new AlertWorker(db(), { batchSize: 2 })];
    for (let round = 0; round < 4; round++) await Promise.all(workers.map((worker) => worker.runOnce()));
    const sent = received.flatMap((message) => message.alerts.map((alert) => alert.rating));
    expect(sent.sort()).toEqual([...ids].sort());
    expect(badSignatures).toEqual([]);
    expect(await AlertOutbox.count({ where: { ratingId: ids, status: 'sent' } })).toBe(4);
    expect(bodies.join('')).not.toMatch(/0812\d{4}|\*{4}|phone/);
    expect(received[0]).toMatchObject({ office: 'bkk-palembang' });
  });

  it('retries a failed delivery later with a doubling wait, and gives up after the last attempt', async () => {
    await quiet();
    answer = 500;
    const id = await lowRating();
    let now = new Date();
    const worker = new AlertWorker(db(), { maxAttempts: 2, backoffMs: 60_000, now: () => now });
    expect(await worker.runOnce()).toBe(1);
    const first = (await AlertOutbox.findOne({ where: { ratingId: id } }))!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500', leaseOwner: null });
    // A minute later (MariaDB keeps whole seconds).
    expect(first.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThan(58_999);
    expect(first.nextAttemptAt.getTime() - now.getTime()).toBeLessThanOrEqual(60_000);
    expect(await worker.runOnce()).toBe(0);
    now = new Date(now.getTime() + 61_000);
    expect(await worker.runOnce()).toBe(1);
    expect(await AlertOutbox.findOne({ where: { ratingId: id } })).toMatchObject({ status: 'failed', attempts: 2 });
    answer = 200;
  });

  it('skips alerts of an office without a webhook', async () => {
    await quiet();
    await Office.update({ alertWebhookUrl: null, alertWebhookSecret: null }, { where: { id: 1 } });
    const id = await lowRating();
    await new AlertWorker(db()).runOnce();
    expect(await AlertOutbox.findOne({ where: { ratingId: id } })).toMatchObject({ status: 'skipped' });
  });

  it('lets the admin set the webhook (the secret is never answered or audited) and see how delivery went', async () => {
    const api = adminApi(server, admin.token);
    const set = await api.patch('/office', { alertWebhookUrl: url, alertWebhookSecret: SECRET });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ alertWebhookUrl: url, alertWebhookSecretSet: true });
    expect(JSON.stringify(set.body)).not.toContain(SECRET);
    expect((await AuditEntry.findAll({ where: { action: 'office.update' } })).map((entry) => entry.changes).join('')).not.toContain(SECRET);
    expect((await api.patch('/office', { alertWebhookSecret: 'short' })).status).toBe(422);
    expect((await api.patch('/office', { alertWebhookUrl: 'javascript:alert(1)' })).status).toBe(422);

    const id = await lowRating();
    await new AlertWorker(db()).runOnce();
    const listed = await api.get<{ counts: Record<string, number>; alerts: { rating: number; status: string }[] }>('/alerts?limit=200');
    expect(listed.status).toBe(200);
    expect(listed.body.counts.sent).toBeGreaterThan(0);
    expect(listed.body.counts.failed).toBeGreaterThan(0);
    expect(listed.body.alerts.find((alert) => alert.rating === id)).toMatchObject({ status: 'sent' });
    expect((await api.get('/alerts?status=lost')).status).toBe(422);
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    expect((await adminApi(server, coordinator.token).get('/alerts')).status).toBe(403);
  });
});
