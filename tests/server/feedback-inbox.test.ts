import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../contract/index.js';
import { AuditEntry, FeedbackCase, Office, Rating } from '../../server/db/models/index.js';
import { adminApi, makeUser, rate, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const BOOM_BARU_NIP = '199011042015032003';
const GOOD = { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 };
const LOW = { ...GOOD, amanah: 2 };

type Listed = { items: FeedbackItem[]; total: number; settings: { lowScore: number; targetDays: number } };
const api = (token = admin.token) => adminApi(server, token);
const list = (query = '', token = admin.token) => api(token).get<Listed>(`/feedback?limit=200${query}`);
const ids = (response: { body: Listed }) => response.body.items.map((item) => item.id);
const auditOf = (id: number) => AuditEntry.findAll({ where: { targetType: 'rating', targetId: String(id) }, order: [['id', 'ASC']] });

describe('the feedback inbox', () => {
  it('lists ratings with a comment or a low score, newest first, and leaves out quiet good ones', async () => {
    const quiet = await rate(server, { scores: GOOD, comment: '' });
    const commented = await rate(server, { scores: GOOD, comment: 'Antrean panjang' });
    const low = await rate(server, { scores: LOW, comment: '' });
    const response = await list();
    expect(response.status).toBe(200);
    expect(ids(response)).not.toContain(quiet);
    const mine = ids(response).filter((id) => [commented, low].includes(id));
    expect(mine).toEqual([low, commented]);
    const item = response.body.items.find((row) => row.id === low)!;
    expect(item).toMatchObject({ status: 'baru', low: true, lowest: 2, assignedTo: null, overdue: false, comment: null });
    expect(item.scores).toEqual(LOW);
    expect(response.body.settings).toEqual({ lowScore: 2, targetDays: 5 });
    expect(ids(await list('&low=true'))).not.toContain(commented);
    expect(item).toMatchObject({ contactConsent: false, phone: null });
    expect(JSON.stringify(response.body)).not.toMatch(/\d{4}\*{4}\d{4}|phoneCipher|phoneHash/);
  });

  it('follows the office’s own low score', async () => {
    const three = await rate(server, { scores: { ...GOOD, cakap: 3 }, comment: '' });
    expect(ids(await list('&low=true'))).not.toContain(three);
    expect((await api().patch('/office', { feedbackLowScore: 3 })).status).toBe(200);
    expect(ids(await list('&low=true'))).toContain(three);
    expect((await api().patch('/office', { feedbackLowScore: 9 })).status).toBe(422);
    await api().patch('/office', { feedbackLowScore: 2 });
  });

  it('moves new → being handled → closed with a note, masks numbers in it, and audits each step', async () => {
    const id = await rate(server, { scores: LOW });
    const handling = await api().post<FeedbackItem>(`/feedback/${id}/status`, { status: 'ditangani' });
    expect(handling.status).toBe(200);
    expect(handling.body).toMatchObject({ status: 'ditangani', note: null, closedAt: null });
    expect((await api().post(`/feedback/${id}/status`, { status: 'selesai' })).status).toBe(422);
    const closed = await api().post<FeedbackItem>(`/feedback/${id}/status`, {
      status: 'selesai',
      note: 'Sudah ditelepon di 0812-3456-7890, petugas dibina.',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('selesai');
    expect(closed.body.note).toBe('Sudah ditelepon di 0812****7890, petugas dibina.');
    expect(closed.body.closedAt).not.toBeNull();
    expect((await api().post(`/feedback/${id}/status`, { status: 'ditangani' })).status).toBe(409);
    const entries = await auditOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(['feedback.status', 'feedback.status']);
    expect(JSON.parse(entries[1]!.changes!)).toMatchObject({ status: { from: 'ditangani', to: 'selesai' } });
    expect(entries[1]!.changes).not.toMatch(/3456/);
    expect(ids(await list('&status=selesai'))).toContain(id);
    expect(ids(await list('&status=baru'))).not.toContain(id);
  });

  it('lets exactly one of two people closing at once win; the other gets a 409', async () => {
    for (const start of ['baru', 'ditangani'] as const) {
      const id = await rate(server, { scores: LOW });
      if (start === 'ditangani') await api().post(`/feedback/${id}/status`, { status: 'ditangani' });
      const other = await makeUser(server, 'admin');
      const answers = await Promise.all([
        api().post(`/feedback/${id}/status`, { status: 'selesai', note: 'Ditutup A' }),
        api(other.token).post(`/feedback/${id}/status`, { status: 'selesai', note: 'Ditutup B' }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const loser = answers.find((answer) => answer.status === 409)!;
      expect(loser.body.type).toMatch(/feedback-(closed|status)$/);
      expect(await FeedbackCase.count({ where: { ratingId: id } })).toBe(1);
      expect((await auditOf(id)).filter((entry) => JSON.stringify(entry.changes).includes('selesai'))).toHaveLength(1);
    }
  });

  it('assigns to an admin or a coordinator of the work area, filters by it, and refuses others', async () => {
    const id = await rate(server, { scores: LOW, nip: BOOM_BARU_NIP });
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    const elsewhere = await makeUser(server, 'coordinator', { workArea: 'kantor-induk' });
    expect((await api().post(`/feedback/${id}/assign`, { assignee: elsewhere.id })).status).toBe(422);
    const assigned = await api().post<FeedbackItem>(`/feedback/${id}/assign`, { assignee: coordinator.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignedTo).toEqual({ id: coordinator.id, username: coordinator.username });
    expect(ids(await list(`&assigned=${coordinator.username}`))).toEqual([id]);
    expect(ids(await list('&assigned=me', coordinator.token))).toEqual([id]);
    expect(ids(await list('&assigned=nobody-here'))).toEqual([]);
    expect(ids(await list('&assigned=none'))).not.toContain(id);
    const assignees = await api().get<{ assignees: { id: number }[] }>('/feedback/assignees');
    expect(assignees.body.assignees.map((account) => account.id)).toEqual(expect.arrayContaining([admin.id, coordinator.id]));
    expect((await api().post(`/feedback/${id}/assign`, { assignee: 'someone' })).status).toBe(422);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it('keeps a coordinator to their work area and a viewer out', async () => {
    const mine = await rate(server, { scores: LOW, nip: BOOM_BARU_NIP });
    const theirs = await rate(server, { scores: LOW });
    const coordinator = await makeUser(server, 'coordinator', { workArea: 'boom-baru' });
    const listed = await list('', coordinator.token);
    expect(ids(listed)).toContain(mine);
    expect(ids(listed)).not.toContain(theirs);
    expect(listed.body.items.every((item) => item.workArea.code === 'boom-baru')).toBe(true);
    expect((await api(coordinator.token).post(`/feedback/${theirs}/status`, { status: 'ditangani' })).status).toBe(404);
    expect((await api(coordinator.token).post(`/feedback/${mine}/status`, { status: 'ditangani' })).status).toBe(200);
    const viewer = await makeUser(server, 'viewer');
    expect((await list('', viewer.token)).status).toBe(403);
  });

  it('flags open feedback past the office’s target days as overdue', async () => {
    const id = await rate(server, { scores: LOW });
    await Rating.update({ createdAt: new Date(Date.now() - 6 * 24 * 3600 * 1000) }, { where: { id } });
    const [item] = (await list('&overdue=true')).body.items.filter((row) => row.id === id);
    expect(item?.overdue).toBe(true);
    await Office.update({ feedbackTargetDays: 10 }, { where: { code: 'bkk-palembang' } });
    expect(ids(await list('&overdue=true'))).not.toContain(id);
    await Office.update({ feedbackTargetDays: 5 }, { where: { code: 'bkk-palembang' } });
  });

  it('answers bad input with a 4xx and changes nothing', async () => {
    const id = await rate(server, { scores: LOW });
    const good = await rate(server, { scores: GOOD, comment: '' });
    expect((await list('&status=lost')).status).toBe(422);
    expect((await list('&low=maybe')).status).toBe(422);
    expect((await api().post(`/feedback/${id}/status`, { status: 'baru' })).status).toBe(422);
    expect((await api().post(`/feedback/${id}/status`, { status: 'ditangani', note: '<b>x</b>' })).status).toBe(422);
    expect((await api().post(`/feedback/${id}/status`, { status: 'ditangani', extra: 1 })).status).toBe(422);
    expect((await api().post(`/feedback/${good}/status`, { status: 'ditangani' })).status).toBe(404);
    expect((await api().post('/feedback/999999/status', { status: 'ditangani' })).status).toBe(404);
    expect((await api().post('/feedback/abc/status', { status: 'ditangani' })).status).toBe(404);
    expect(await FeedbackCase.count({ where: { ratingId: id } })).toBe(0);
  });

  it('stores the customer’s consent to be contacted and reads their number for follow-up only with it', async () => {
    const consenting = await rate(server, { scores: LOW, phone: '0812-6666-0101', contactConsent: true });
    const silent = await rate(server, { scores: LOW, phone: '0812-6666-0102' });
    expect((await Rating.findByPk(consenting))!.contactConsent).toBe(true);
    expect((await Rating.findByPk(silent))!.contactConsent).toBe(false);
    const items = (await list('&low=true')).body.items;
    expect(items.find((item) => item.id === consenting)).toMatchObject({ contactConsent: true, phone: '0812****0101' });
    expect(items.find((item) => item.id === silent)).toMatchObject({ contactConsent: false, phone: null });

    const coordinator = await makeUser(server, 'coordinator', { workArea: 'kantor-induk' });
    const read = await api(coordinator.token).post(`/feedback/${consenting}/phone`, { reason: 'Tindak lanjut keluhan' });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: consenting, phone: '+6281266660101', national: '081266660101' });
    const refused = await api().post(`/feedback/${silent}/phone`, { reason: 'Tindak lanjut keluhan' });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toMatch(/no-contact-consent$/);
    expect((await api().post(`/feedback/${consenting}/phone`, {})).status).toBe(422);
    const entries = await AuditEntry.findAll({ where: { action: 'rating.read-phone', targetId: [String(consenting), String(silent)] } });
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.changes!)).toEqual({ reason: 'Tindak lanjut keluhan', via: 'feedback' });
    expect(await rate(server, { scores: LOW, contactConsent: 'ya' }).catch((error: Error) => error.message)).toMatch(/422/);
  });
});
