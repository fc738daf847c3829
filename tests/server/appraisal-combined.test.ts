import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppraisalRuleSet, AttendanceMonth, Employee, SkpResult } from '../../server/db/models/index.js';
import { combinedScore, DEFAULT_COMBINED, type CombinedInputs } from '../../server/domain/appraisal/combined.js';
import { PREDIKAT_MATRIX, predikatOf, predikatOfResult, type SkpLevel } from '../../server/domain/appraisal/predikat.js';
import { adminApi, makeUser, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import { addRatings, type Scores } from '../helpers/rating-fixtures.js';
import type { TestServer } from '../helpers/server.js';

describe('the predikat matrix of PermenPANRB 6/2022', () => {
  // [work result, behaviour, predikat]: one test per cell.
  const cells: [SkpLevel, SkpLevel, string][] = [
    ['above', 'above', 'sangat-baik'],
    ['above', 'meeting', 'baik'],
    ['above', 'below', 'kurang'],
    ['meeting', 'above', 'baik'],
    ['meeting', 'meeting', 'baik'],
    ['meeting', 'below', 'kurang'],
    ['below', 'above', 'butuh-perbaikan'],
    ['below', 'meeting', 'butuh-perbaikan'],
    ['below', 'below', 'sangat-kurang'],
  ];
  it.each(cells)('work result %s and behaviour %s give %s', (workResult, behaviour, predikat) => {
    expect(predikatOf(workResult, behaviour)).toBe(predikat);
  });

  it('has exactly those nine cells, and falls back to the imported predikat without both ratings', () => {
    expect(Object.values(PREDIKAT_MATRIX).flatMap((row) => Object.keys(row))).toHaveLength(9);
    expect(predikatOfResult({ workResult: 'above', behaviour: 'above', predikat: 'baik' })).toEqual({
      code: 'sangat-baik',
      source: 'matrix',
    });
    expect(predikatOfResult({ workResult: null, behaviour: null, predikat: 'baik' })).toEqual({ code: 'baik', source: 'imported' });
    expect(predikatOfResult({ workResult: null, behaviour: null, predikat: null })).toBeNull();
  });
});

describe('the combined score formula', () => {
  const all: CombinedInputs = {
    customers: { bayesian: 4.5, count: 10 },
    attendance: { workingDays: 22, presentDays: 20, leaveDays: 2, lateMinutes: 120, earlyLeaveMinutes: 60 },
    skpWorkResult: 'meeting',
  };
  const weights = { customers: 50, attendance: 30, skp: 20 };

  it('weighs each part brought to 0-100', () => {
    const result = combinedScore(all, weights, DEFAULT_COMBINED, 5);
    // customers 4.5 / 5 x 100 = 90; attendance 20 / (22 - 2) = 100 less 2 h x 0.5 and 1 h x 0.5 = 98.5; SKP meeting = 80.
    expect(result.parts).toEqual({ customers: 90, attendance: 98.5, skp: 80 });
    expect(result.score).toBe(Math.round((90 * 0.5 + 98.5 * 0.3 + 80 * 0.2) * 10) / 10);
    expect(result.attendanceRate).toBe(100);
    expect(result.missing).toEqual([]);
  });

  it('renormalises the weights over the parts present when an optional part is missing', () => {
    const result = combinedScore({ ...all, skpWorkResult: null }, weights, DEFAULT_COMBINED, 5);
    expect(result.usedWeights).toEqual({ customers: 0.625, attendance: 0.375, skp: 0 });
    expect(result.score).toBe(Math.round(((90 * 50 + 98.5 * 30) / 80) * 10) / 10);
  });

  it('gives no score, not a zero, when a required part is missing', () => {
    const few = combinedScore({ ...all, customers: { bayesian: 5, count: 4 } }, weights, DEFAULT_COMBINED, 5);
    expect(few).toMatchObject({ score: null, missing: ['customers'] });
    expect(few.parts.customers).toBeNull();
    const strict = { ...DEFAULT_COMBINED, required: ['customers', 'attendance'] as const };
    expect(combinedScore({ ...all, attendance: null }, weights, { ...strict, required: [...strict.required] }, 5)).toMatchObject({
      score: null,
      missing: ['attendance'],
    });
    // A required part that weighs nothing is not needed.
    expect(
      combinedScore({ ...all, attendance: null }, { ...weights, attendance: 0 }, { ...strict, required: [...strict.required] }, 5).score,
    ).toBe(Math.round(((90 * 50 + 80 * 20) / 70) * 10) / 10);
  });

  it('gives no score when no weighed part is present, and keeps attendance within 0-100', () => {
    expect(
      combinedScore({ customers: null, attendance: null, skpWorkResult: null }, weights, { ...DEFAULT_COMBINED, required: [] }, 5).score,
    ).toBeNull();
    const late = combinedScore(
      { ...all, attendance: { workingDays: 20, presentDays: 10, leaveDays: 0, lateMinutes: 60 * 200, earlyLeaveMinutes: 0 } },
      { customers: 0, attendance: 1, skp: 0 },
      DEFAULT_COMBINED,
      5,
    );
    expect(late.parts.attendance).toBe(0);
    expect(late.score).toBe(0);
  });
});

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const RINA = '199203152019032001';
const AGUS = '198507222010121002';
const DEWI = '199011042015032003';
const BAMBANG = '198812302014021001';

const MAPPING = {
  profesional: ['berorientasi-pelayanan'],
  amanah: ['akuntabel'],
  cakap: ['kompeten'],
  akuntabel: ['akuntabel'],
  kolaboratif: ['kolaboratif'],
};

interface Combined {
  score: number | null;
  parts: Record<string, number | null>;
  usedWeights: Record<string, number>;
  missing: string[];
}
interface Appraisal {
  kinerja?: { combinedScore: number | null; predikat: string | null };
  appraisal: {
    rules: { effectiveFrom: string; weights: Record<string, number> };
    combined: Combined | null;
    predikat: { code: string; source: string } | null;
  };
}
const get = <T>(path: string) =>
  getJson<T>(`${server.url}/api/v1/reports/${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
const appraisal = (nip: string, period: string) => get<Appraisal>(`employees/${nip}/appraisal?period=${period}`);

const times = (nip: string, scores: Scores, n: number, month: string) =>
  Array.from({ length: n }, (_, i) => ({ nip, scores, at: new Date(`2026-${month}-${String(i + 2).padStart(2, '0')}T03:00:00Z`) }));

async function attendance(nip: string, month: string, present: number, late: number) {
  const employee = await Employee.findOne({ where: { nip }, rejectOnEmpty: true });
  await AttendanceMonth.create({
    officeId: employee.officeId,
    employeeId: employee.id,
    month,
    workingDays: 20,
    presentDays: present,
    leaveDays: 20 - present,
    absentDays: 0,
    lateMinutes: late,
    earlyLeaveMinutes: 0,
  } as never);
}
async function skp(nip: string, period: string, workResult: string, behaviour: string) {
  const employee = await Employee.findOne({ where: { nip }, rejectOnEmpty: true });
  await SkpResult.create({ officeId: employee.officeId, employeeId: employee.id, period, workResult, behaviour, predikat: null } as never);
}

describe('the combined score by the office’s dated rules', () => {
  it('refuses bad weights with a 422 and changes nothing; only admins set them', async () => {
    const api = adminApi(server, admin.token);
    const before = await api.get<{ current: { setByOffice: boolean; weights: Record<string, number> } }>('/appraisal-weights');
    expect(before.status).toBe(200);
    expect(before.body.current).toMatchObject({ setByOffice: false, weights: { customers: 100, attendance: 0, skp: 0 } });
    const bad = [
      { effectiveFrom: '2026-01-01', weights: { customers: -1, attendance: 50, skp: 50 } },
      { effectiveFrom: '2026-01-01', weights: { customers: 0, attendance: 0, skp: 0 } },
      { effectiveFrom: '2026-01-01', weights: { customers: '50', attendance: 0, skp: 0 } },
      { effectiveFrom: '2026-01-01', weights: { customers: 50, attendance: 50 } },
      { effectiveFrom: '2026-01-01', weights: { customers: 50, attendance: 50, skp: 0, bonus: 1 } },
      { effectiveFrom: '2026-13-01', weights: { customers: 50, attendance: 50, skp: 0 } },
      { effectiveFrom: '2026-01-01', weights: { customers: 50, attendance: 50, skp: 0 }, combined: { required: ['kehadiran'] } },
    ];
    for (const body of bad) {
      const response = await api.put<{ errors: unknown[] }>('/appraisal-weights', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
    expect(await AppraisalRuleSet.count()).toBe(0);
    expect((await api.get('/appraisal-weights')).body).toEqual(before.body);
    const viewer = await makeUser(server, 'viewer');
    expect(
      (
        await adminApi(server, viewer.token).put('/appraisal-weights', {
          effectiveFrom: '2026-01-01',
          weights: { customers: 1, attendance: 0, skp: 0 },
        })
      ).status,
    ).toBe(403);
  });

  it('computes each period by the weights of its time, so a mid-year change leaves earlier periods as they were', async () => {
    const api = adminApi(server, admin.token);
    expect(
      (
        await api.post('/appraisal-rules', {
          effectiveFrom: '2026-01-01',
          periodKind: 'quarterly',
          mapping: MAPPING,
          weights: { customers: 50, attendance: 30, skp: 20 },
          combined: { ...DEFAULT_COMBINED, required: ['customers', 'attendance'] },
          minRatings: 2,
        })
      ).status,
    ).toBe(201);
    await addRatings(server.sequelize, [
      ...times(RINA, [5, 5, 5, 5, 5], 3, '05'),
      ...times(AGUS, [4, 4, 4, 4, 4], 3, '05'),
      ...times(DEWI, [5, 4, 5, 4, 5], 3, '05'),
      ...times(BAMBANG, [3, 3, 3, 3, 3], 3, '05'),
      ...times(RINA, [4, 4, 4, 4, 4], 3, '08'),
    ]);
    for (const month of ['2026-04', '2026-05', '2026-06']) {
      await attendance(RINA, month, 20, 60);
      await attendance(AGUS, month, 18, 0);
      await attendance(BAMBANG, month, 20, 0);
    }
    await attendance(RINA, '2026-08', 20, 0);
    await skp(RINA, '2026-Q2', 'above', 'above');
    await skp(AGUS, '2026-Q2', 'below', 'meeting');

    const before = await appraisal(RINA, '2026-Q2');
    expect(before.status).toBe(200);
    const c = before.body.appraisal.combined!;
    // Attendance: 60 of 60 days less 3 hours late x 0.5 = 98.5; SKP above = 100.
    expect(c.parts).toMatchObject({ attendance: 98.5, skp: 100 });
    expect(c.score).toBeCloseTo(c.parts.customers! * 0.5 + 98.5 * 0.3 + 100 * 0.2, 0);
    expect(before.body.appraisal.predikat).toMatchObject({ code: 'sangat-baik', source: 'matrix' });
    expect(before.body.kinerja).toMatchObject({ combinedScore: c.score, predikat: 'sangat-baik' });
    // Dewi has no attendance, which this set requires: not enough data, no zero.
    expect((await appraisal(DEWI, '2026-Q2')).body.appraisal.combined).toMatchObject({ score: null, missing: ['attendance'] });

    // Customers only from August: the second quarter keeps its figures, the third uses the new weights.
    const changed = await api.put<{ weights: Record<string, number>; mapping: unknown; minRatings: number }>('/appraisal-weights', {
      effectiveFrom: '2026-08-01',
      weights: { customers: 1, attendance: 0, skp: 0 },
    });
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ weights: { customers: 1, attendance: 0, skp: 0 }, mapping: MAPPING, minRatings: 2 });
    expect((await appraisal(RINA, '2026-Q2')).body).toEqual({ ...before.body, generatedAt: expect.any(String) });
    const later = (await appraisal(RINA, '2026-Q3')).body.appraisal;
    expect(later.rules).toMatchObject({ effectiveFrom: '2026-08-01', weights: { customers: 1 } });
    expect(later.combined!.score).toBe(later.combined!.parts.customers);
    expect(later.combined!.usedWeights).toEqual({ customers: 1, attendance: 0, skp: 0 });
    const weights = await api.get<{ history: { effectiveFrom: string }[] }>('/appraisal-weights');
    expect(weights.body.history.map((set) => set.effectiveFrom)).toEqual(['2026-08-01', '2026-01-01']);
  });

  it('orders the ranking by the combined score on request, and lists those without one apart', async () => {
    interface Row {
      nip: string;
      rank: number;
      bayesian: number;
      kinerja: { combinedScore: number | null; attendanceRate: number | null; skpWorkResult: string | null; predikat: string | null };
    }
    const byBayes = await get<{ ranked: Row[]; rankingMethod: { orderBy: string } }>('ranking?period=2026-Q2&minRatings=2');
    expect(byBayes.body.rankingMethod.orderBy).toBe('bayesian');
    expect(byBayes.body.ranked.map((row) => row.nip)).toEqual([RINA, DEWI, AGUS, BAMBANG]);
    const { status, body } = await get<{ ranked: Row[]; notYetRanked: { nip: string }[]; rankingMethod: { orderBy: string } }>(
      'ranking?period=2026-Q2&minRatings=2&orderBy=combined',
    );
    expect(status).toBe(200);
    expect(body.rankingMethod.orderBy).toBe('combined');
    const scores = body.ranked.map((row) => row.kinerja.combinedScore!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(body.ranked.map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(body.ranked[0]!.nip).toBe(RINA);
    expect(body.notYetRanked.map((row) => row.nip)).toContain(DEWI);
    const agus = body.ranked.find((row) => row.nip === AGUS)!;
    expect(agus.kinerja).toMatchObject({ attendanceRate: 100, skpWorkResult: 'below', predikat: 'butuh-perbaikan' });
    expect((await get('ranking?period=2026-Q2&orderBy=best')).status).toBe(422);
  });

  it('exports the attendance rate, SKP result, combined score and predikat as columns', async () => {
    const response = await fetch(`${server.url}/api/v1/reports/ranking?period=2026-Q2&minRatings=2&orderBy=combined&format=csv`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const records = parse((await response.text()).slice(1), { delimiter: ';' }) as string[][];
    const header = records[0]!;
    expect(header.slice(-4)).toEqual(['Kehadiran (%)', 'Hasil kerja SKP', 'Nilai gabungan', 'Predikat kinerja']);
    const rina = records.find((record) => record[1] === `="${RINA}"`)!;
    expect(rina.slice(-4, -1)).toEqual(['100,0', 'Di atas ekspektasi', expect.stringMatching(/^\d+,\d$/)]);
    expect(rina.at(-1)).toBe('Sangat Baik');

    const xlsx = await fetch(`${server.url}/api/v1/reports/summary?period=2026-Q2&format=xlsx&lang=en`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Summary')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(-4)).toEqual(['Attendance (%)', 'SKP work result', 'Combined score', 'Performance rating']);
    let agus: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value === AGUS) agus = (row.values as unknown[]).slice(1);
    });
    expect(agus.slice(-4)).toEqual([100, 'Below expectations', expect.any(Number), 'Butuh Perbaikan (Needs improvement)']);
  });
});
