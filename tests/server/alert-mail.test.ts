import { describe, expect, it } from 'vitest';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { isDeadlockVictim, isUniqueViolation } from '../../server/db/errors.js';
import { AdminUser, AlertOutbox, Rating, WorkArea } from '../../server/db/models/index.js';
import { AlertWorker } from '../../server/services/alerts/alert-worker.js';
import type { Mailer } from '../../server/services/mail/mailer.js';
import { adminApi, makeUser, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { useMailbox, type TestMailbox } from '../helpers/mailbox.js';
import { uniquePhone } from '../helpers/http.js';
import { TEST_DB } from '../helpers/databases.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

let mailbox: TestMailbox;
let mailer: Mailer;
useMailbox((started) => ({ mailbox, mailer } = started));

const GOOD = { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 };
const db = () => Rating.sequelize!;
let n = 0;
/** Everything other tests left pending is out of the way, so a worker's round is this test's alone. */
const quiet = () => AlertOutbox.update({ status: 'skipped' }, { where: { status: 'pending' } });

/** A coordinator (of the demo employee's work area unless named) with an address of their own, set over the API. */
async function coordinator(workArea = 'kantor-induk'): Promise<TestUser & { email: string }> {
  const user = await makeUser(server, 'coordinator', { workArea });
  const email = `koordinator-${++n}-${process.pid}@bkk.example.go.id`;
  const set = await adminApi(server, user.token).patch('/me', { email });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({ email, alertMail: true });
  return { ...user, email };
}

const lowRating = (phone = uniquePhone(), comment = 'Petugas tidak ada di loket.') =>
  rate(server, { scores: { ...GOOD, amanah: 1 }, phone, comment });

const worker = (now: () => Date, options: { batchMinutes?: number } = {}) =>
  new AlertWorker(db(), {
    mailer,
    now,
    batchMinutes: options.batchMinutes ?? 10,
    publicBaseUrl: 'https://pacak.example.go.id',
    backoffMs: 60_000,
  });

describe('low-score alerts by mail', () => {
  it('reach the work area’s coordinator with the stars and a link to the inbox, never the customer’s number', async () => {
    await quiet();
    const mine = await coordinator();
    const phone = uniquePhone();
    const id = await lowRating(phone, 'Lama sekali, hubungi saya di 0812 9999 1234');
    expect(await worker(() => new Date()).runOnce()).toBeGreaterThan(0);
    const [mail] = await mailbox.waitFor(1, mine.email);
    const rating = (await Rating.findByPk(id))!;
    expect(mail!.subject).toContain('nilai rendah');
    expect(mail!.text).toContain(rating.receipt);
    expect(mail!.text).toContain('Amanah 1');
    expect(mail!.text).toContain('Lama sekali, hubungi saya di [nomor]');
    expect(mail!.text).toContain(`https://pacak.example.go.id/admin/feedback?rating=${id}`);
    expect(mail!.text!.indexOf('perlu ditindaklanjuti')).toBeLessThan(mail!.text!.indexOf('to follow up'));
    const digits = phone.replace(/\D/g, '');
    for (const text of [mail!.text!, mail!.subject!]) {
      expect(text.replace(/\D/g, '')).not.toContain(digits.slice(-8));
      expect(text).not.toMatch(/9999.?1234/);
    }
    expect(await AlertOutbox.findOne({ where: { ratingId: id, channel: 'mail', recipientId: mine.id } })).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });

  it('go only to the rating’s work area and to admins who opted in, not to those who opted out', async () => {
    await quiet();
    const here = await coordinator();
    const optedOut = await coordinator();
    const elsewhere = await coordinator('boom-baru');
    expect((await adminApi(server, optedOut.token).patch('/me', { alertMail: false })).body).toMatchObject({ alertMail: false });
    const quietAdmin = await makeUser(server, 'admin');
    const keenAdmin = await makeUser(server, 'admin');
    // An admin sets another account's address and choice.
    const api = adminApi(server, admin.token);
    expect((await api.patch(`/users/${quietAdmin.id}`, { email: 'admin-diam@bkk.example.go.id' })).body).toMatchObject({
      alertMail: false,
    });
    expect((await api.patch(`/users/${keenAdmin.id}`, { email: 'admin-ingin@bkk.example.go.id', alertMail: true })).status).toBe(200);
    expect((await api.patch(`/users/${keenAdmin.id}`, { email: 'bukan alamat' })).status).toBe(422);

    const id = await lowRating();
    await worker(() => new Date()).runOnce();
    await mailbox.waitFor(1, here.email);
    await mailbox.waitFor(1, 'admin-ingin@bkk.example.go.id');
    expect(mailbox.to(optedOut.email)).toHaveLength(0);
    expect(mailbox.to(elsewhere.email)).toHaveLength(0);
    expect(mailbox.to('admin-diam@bkk.example.go.id')).toHaveLength(0);
    const rows = (await AlertOutbox.findAll({ where: { ratingId: id, channel: 'mail' } })).map((row) => row.recipientId);
    expect(rows).toEqual(expect.arrayContaining([here.id, keenAdmin.id]));
    for (const left of [optedOut, elsewhere, quietAdmin]) expect(rows).not.toContain(left.id);
  });

  it('batch what comes in: three low ratings make one mail, and the next waits for the batch time', async () => {
    await quiet();
    const mine = await coordinator();
    const ids = [await lowRating(), await lowRating(), await lowRating()];
    let now = new Date();
    const round = worker(() => now);
    await round.runOnce();
    const [first] = await mailbox.waitFor(1, mine.email);
    const receipts = (await Rating.findAll({ where: { id: ids } })).map((rating) => rating.receipt);
    for (const receipt of receipts) expect(first!.text).toContain(receipt);
    expect(first!.subject).toContain('3 nilai rendah');

    const fourth = await lowRating();
    now = new Date();
    await round.runOnce();
    expect(await AlertOutbox.findOne({ where: { ratingId: fourth, recipientId: mine.id } })).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    now = new Date(now.getTime() + 11 * 60_000);
    await round.runOnce();
    const both = await mailbox.waitFor(2, mine.email);
    expect(both[1]!.subject).toContain('1 nilai rendah');
    expect(both[1]!.text).toContain((await Rating.findByPk(fourth))!.receipt);
  });

  it('retry later when the mail server refuses, and then send once', async () => {
    await quiet();
    const mine = await coordinator();
    const id = await lowRating();
    let now = new Date();
    const round = worker(() => now);
    mailbox.refusing = true;
    try {
      await round.runOnce();
    } finally {
      mailbox.refusing = false;
    }
    const failed = (await AlertOutbox.findOne({ where: { ratingId: id, recipientId: mine.id } }))!;
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, leaseOwner: null });
    expect(failed.lastError).toMatch(/451/);
    await round.runOnce();
    expect(mailbox.to(mine.email)).toHaveLength(0);
    now = new Date(now.getTime() + 61_000);
    await round.runOnce();
    await round.runOnce();
    expect(await mailbox.waitFor(1, mine.email)).toHaveLength(1);
    expect(await AlertOutbox.findOne({ where: { ratingId: id, recipientId: mine.id } })).toMatchObject({ status: 'sent', attempts: 2 });

    const listed = await adminApi(server, admin.token).get<{
      alerts: { rating: number; channel: string; recipient: string | null; status: string }[];
    }>('/alerts?limit=200');
    const mail = listed.body.alerts.find((alert) => alert.rating === id && alert.channel === 'mail' && alert.recipient === mine.username);
    expect(mail).toMatchObject({ status: 'sent' });
  });

  it('are sent once by two workers on the same database, one mail per coordinator', async () => {
    await quiet();
    const one = await coordinator();
    const two = await coordinator();
    const ids = [await lowRating(), await lowRating(), await lowRating(), await lowRating()];
    const now = () => new Date();
    const workers = [worker(now, { batchMinutes: 0 }), worker(now, { batchMinutes: 0 })];
    for (let round = 0; round < 3; round++) await Promise.all(workers.map((each) => each.runOnce()));
    for (const user of [one, two]) {
      const mails = await mailbox.waitFor(1, user.email);
      const receipts = (await Rating.findAll({ where: { id: ids } })).map((rating) => rating.receipt);
      const listed = receipts.map((receipt) => mails.filter((mail) => mail.text!.includes(receipt)).length);
      expect(listed).toEqual([1, 1, 1, 1]);
    }
    expect(await AlertOutbox.count({ where: { ratingId: ids, channel: 'mail', status: 'sent' } })).toBe(8);
  });

  /** A real deadlock between two transactions of the pool: answers the error of the one the database rolled back. */
  async function deadlockVictim(): Promise<unknown> {
    const table = `deadlock_probe_${process.pid}`;
    await db().query(`CREATE TABLE ${table} (id INT PRIMARY KEY, v INT)`);
    try {
      await db().query(`INSERT INTO ${table} (id, v) VALUES (1, 0), (2, 0)`);
      const bump = (id: number, transaction: Transaction) =>
        db().query(`UPDATE ${table} SET v = v + 1 WHERE id = ${id}`, { transaction, type: QueryTypes.UPDATE });
      let first!: () => void;
      const bothHoldOne = new Promise<void>((resolve) => (first = resolve));
      let held = 0;
      const crossing = (mine: number, theirs: number) =>
        db().transaction(async (transaction) => {
          await bump(mine, transaction);
          if (++held === 2) first();
          await bothHoldOne;
          await bump(theirs, transaction);
        });
      const outcomes = await Promise.allSettled([crossing(1, 2), crossing(2, 1)]);
      const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(failed).toHaveLength(1);
      return (failed[0] as PromiseRejectedResult).reason;
    } finally {
      await db().query(`DROP TABLE ${table}`);
    }
  }

  it.skipIf(TEST_DB === 'sqlite')('are still claimed in the round when a worker’s claim is chosen as a deadlock’s victim', async () => {
    const victim = await deadlockVictim();
    expect(isDeadlockVictim(victim)).toBe(true);
    expect(isUniqueViolation(victim)).toBe(false);
    await quiet();
    const mine = await coordinator();
    const id = await lowRating();
    // The worker's first claim meets the database's own deadlock error; it claims again in the same round.
    let claims = 0;
    const unlucky: Sequelize = Object.create(db(), {
      transaction: {
        value: (...args: Parameters<Sequelize['transaction']>) => (++claims === 1 ? Promise.reject(victim) : db().transaction(...args)),
      },
    });
    const round = new AlertWorker(unlucky, {
      mailer,
      now: () => new Date(),
      batchMinutes: 0,
      publicBaseUrl: 'https://pacak.example.go.id',
    });
    expect(await round.runOnce()).toBeGreaterThan(0);
    expect(claims).toBe(2);
    expect(await mailbox.waitFor(1, mine.email)).toHaveLength(1);
    expect(await AlertOutbox.findOne({ where: { ratingId: id, recipientId: mine.id } })).toMatchObject({ status: 'sent' });
  });

  it('are skipped for a coordinator moved to another work area after the rating came in', async () => {
    await quiet();
    const moved = await coordinator();
    const id = await lowRating();
    const boomBaru = (await WorkArea.findOne({ where: { code: 'boom-baru' } }))!.id;
    await AdminUser.update({ workAreaId: boomBaru }, { where: { id: moved.id } });
    await worker(() => new Date()).runOnce();
    expect(await AlertOutbox.findOne({ where: { ratingId: id, recipientId: moved.id } })).toMatchObject({
      status: 'skipped',
      lastError: 'the account no longer reads this work area',
    });
    expect(mailbox.to(moved.email)).toHaveLength(0);
  });

  it('are skipped, with a reason, when no mail server is set', async () => {
    await quiet();
    const mine = await coordinator();
    const id = await lowRating();
    await new AlertWorker(db()).runOnce();
    expect(await AlertOutbox.findOne({ where: { ratingId: id, recipientId: mine.id } })).toMatchObject({ status: 'skipped' });
    expect(await AdminUser.count({ where: { id: mine.id, alertMailNextAt: null } })).toBe(1);
  });
});
