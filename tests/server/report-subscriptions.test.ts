import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { AdminUser, Office, ReportSubscription } from '../../server/db/models/index.js';
import { periodOf } from '../../server/domain/appraisal/periods.js';
import { localDate, startOfLocalDay } from '../../server/domain/local-date.js';
import { lastClosedPeriod, periodAfter } from '../../server/domain/appraisal/report-schedule.js';
import type { Mailer } from '../../server/services/mail/mailer.js';
import { ReportMailWorker } from '../../server/services/reports/report-mail-worker.js';
import { adminApi, makeUser, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import { useMailbox, type TestMailbox } from '../helpers/mailbox.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

let mailbox: TestMailbox;
let mailer: Mailer;
useMailbox((started) => ({ mailbox, mailer } = started));

interface Subscription {
  id: number;
  workArea: { code: string } | null;
  cadence: string;
  lastPeriod: string;
  nextPeriod: string;
  lastSentAt: string | null;
  lastError: string | null;
}

const worker = (now: Date) =>
  new ReportMailWorker({
    mailer,
    builders: server.services.reports.builders,
    shareLinks: server.services.reports.shareLinks,
    now: () => now,
  });

/** The instant `minutes` after the office-local midnight that closes the month `months` after this one. */
async function afterClose(months: number, minutes = 30): Promise<Date> {
  const zone = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!.timezone;
  let period = lastClosedPeriod('monthly', localDate(new Date(), zone));
  for (let i = 0; i <= months; i++) period = periodAfter('monthly', period);
  const dayAfter = new Date(Date.parse(`${periodOf(period)!.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(startOfLocalDay(dayAfter, zone).getTime() + minutes * 60_000);
}

describe('scheduled reports', () => {
  let viewer: TestUser;
  let subscription: Subscription;
  const email = 'kepala-kantor@bkk.example.go.id';

  it('lets a reader subscribe within what they may read, once per report and schedule', async () => {
    viewer = await makeUser(server, 'viewer');
    const api = adminApi(server, viewer.token);
    expect((await api.patch('/me', { email })).status).toBe(200);
    const made = await api.post<Subscription>('/report-subscriptions', { cadence: 'monthly' });
    expect(made.status).toBe(201);
    subscription = made.body;
    const zone = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!.timezone;
    const thisMonth = localDate(new Date(), zone).slice(0, 7);
    expect(subscription).toMatchObject({ workArea: null, cadence: 'monthly', nextPeriod: thisMonth, lastSentAt: null });
    expect((await api.post('/report-subscriptions', { cadence: 'monthly' })).status).toBe(409);
    expect((await api.post('/report-subscriptions', { cadence: 'weekly' })).status).toBe(422);
    expect((await api.post('/report-subscriptions', { workArea: 'tidak-ada', cadence: 'monthly' })).status).toBe(422);
    const quarterly = await api.post<Subscription>('/report-subscriptions', { workArea: 'boom-baru', cadence: 'quarterly' });
    expect(quarterly.status).toBe(201);
    expect(quarterly.body).toMatchObject({ workArea: { code: 'boom-baru' }, cadence: 'quarterly' });

    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    const mine = adminApi(server, coordinator.token);
    expect((await mine.post('/report-subscriptions', { cadence: 'monthly' })).status).toBe(403);
    expect((await mine.post('/report-subscriptions', { workArea: 'kantor-induk', cadence: 'monthly' })).status).toBe(403);
    expect((await mine.post('/report-subscriptions', { workArea: 'boom-baru', cadence: 'monthly' })).status).toBe(201);
    // Each sees and removes only their own.
    expect((await mine.get<{ subscriptions: Subscription[] }>('/report-subscriptions')).body.subscriptions).toHaveLength(1);
    expect((await mine.delete(`/report-subscriptions/${subscription.id}`)).status).toBe(404);
    expect((await api.get<{ subscriptions: Subscription[] }>('/report-subscriptions')).body.subscriptions).toHaveLength(2);
    expect((await api.delete(`/report-subscriptions/${quarterly.body.id}`)).status).toBe(204);
    expect((await api.get<{ subscriptions: Subscription[] }>('/report-subscriptions')).body.subscriptions).toHaveLength(1);
    expect((await adminApi(server, admin.token).get<{ subscriptions: unknown[] }>('/report-subscriptions')).body.subscriptions).toEqual([]);
  });

  it('mails the month’s summary with its XLSX and PDF and a share link after the month closes, once', async () => {
    await rate(server, { scores: { profesional: 5, amanah: 4, cakap: 5, akuntabel: 5, kolaboratif: 4 } });
    // Before the month closes nothing goes.
    expect(await worker(new Date()).runOnce()).toBe(0);
    expect(await worker(await afterClose(0, -1)).runOnce()).toBe(0);

    const closed = await afterClose(0);
    expect(await worker(closed).runOnce()).toBe(1);
    const [mail] = await mailbox.waitFor(1, email);
    expect(mail!.subject).toMatch(/Laporan .* Report/);
    expect(mail!.text!.indexOf('terlampir')).toBeLessThan(mail!.text!.indexOf('attached'));
    const names = mail!.attachments.map((attachment) => attachment.filename);
    expect(names.some((name) => name?.endsWith('.xlsx'))).toBe(true);
    expect(names.some((name) => name?.endsWith('.pdf'))).toBe(true);

    const xlsx = mail!.attachments.find((attachment) => attachment.filename?.endsWith('.xlsx'))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Ringkasan')!;
    const cells = sheet.getSheetValues().flat().map(String).join(' ');
    expect(cells).toContain('dr. Rina Kartika, M.Kes');
    const pdf = mail!.attachments.find((attachment) => attachment.filename?.endsWith('.pdf'))!;
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.contentType).toBe('application/pdf');

    const link = /(http\S+\/api\/v1\/shared\/\S+)/.exec(mail!.text!)![1]!;
    const shared = await getJson<{ report: string; period: { code: string } }>(link, { headers: { accept: 'application/json' } });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ report: 'summary', period: { code: subscription.nextPeriod } });

    // Again, by the same or another process: nothing more.
    await Promise.all([worker(closed).runOnce(), worker(closed).runOnce()]);
    expect(mailbox.to(email)).toHaveLength(1);
    expect(await ReportSubscription.findByPk(subscription.id)).toMatchObject({ lastPeriod: subscription.nextPeriod, attempts: 0 });
  });

  it('sends each month missed while no server ran once when one runs again, even with two at once', async () => {
    const back = await afterClose(2, 600);
    const sent = await Promise.all([worker(back).runOnce(), worker(back).runOnce()]);
    expect(sent[0]! + sent[1]!).toBe(2);
    const mails = await mailbox.waitFor(3, email);
    const months = [
      periodAfter('monthly', subscription.nextPeriod),
      periodAfter('monthly', periodAfter('monthly', subscription.nextPeriod)),
    ];
    for (const month of months)
      expect(mails.filter((mail) => mail.attachments.some((a) => a.filename?.includes(monthSlug(month)))).length).toBe(1);
    expect(await worker(back).runOnce()).toBe(0);
  });

  it('retries when the mail server refuses, and waits for an address it does not have', async () => {
    const later = await afterClose(3);
    mailbox.refusing = true;
    try {
      expect(await worker(later).runOnce()).toBe(0);
    } finally {
      mailbox.refusing = false;
    }
    const failed = (await ReportSubscription.findByPk(subscription.id))!;
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/451/);
    expect(await worker(later).runOnce()).toBe(0);
    expect(await worker(new Date(later.getTime() + 61_000)).runOnce()).toBe(1);
    expect(mailbox.to(email)).toHaveLength(4);

    const rows = await ReportSubscription.findAll({ where: { cadence: 'monthly' } });
    const coordinators = rows.filter((row) => row.userId !== viewer.id);
    expect(coordinators.every((row) => row.lastError === 'the account has no e-mail address or is inactive')).toBe(true);
  });

  it('sends nothing to a coordinator moved to another work area since subscribing', async () => {
    const moved = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    const api = adminApi(server, moved.token);
    await api.patch('/me', { email: 'pindah@bkk.example.go.id' });
    const made = await api.post<Subscription>('/report-subscriptions', { workArea: 'boom-baru', cadence: 'monthly' });
    expect(made.status).toBe(201);
    const induk = (
      await ReportSubscription.sequelize!.query<{ id: number }>(`SELECT id FROM work_areas WHERE code = 'kantor-induk'`, {
        type: QueryTypes.SELECT,
      })
    )[0]!.id;
    await AdminUser.update({ workAreaId: induk }, { where: { id: moved.id } });
    await worker(await afterClose(0)).runOnce();
    expect(mailbox.to('pindah@bkk.example.go.id')).toHaveLength(0);
    expect((await ReportSubscription.findByPk(made.body.id))!.lastError).toMatch(/no longer reads this work area/);
  });

  it('stops when the reader unsubscribes', async () => {
    const api = adminApi(server, viewer.token);
    expect((await api.delete(`/report-subscriptions/${subscription.id}`)).status).toBe(204);
    expect((await api.delete(`/report-subscriptions/${subscription.id}`)).status).toBe(404);
    expect(await ReportSubscription.count({ where: { id: subscription.id } })).toBe(0);
  });
});

/** How an export's file name writes a month (its Indonesian name): 2026-12 → desember-2026. */
function monthSlug(code: string): string {
  return periodOf(code)!.name.id.toLowerCase().replace(/\s+/g, '-');
}
