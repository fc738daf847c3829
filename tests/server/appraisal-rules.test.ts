import { describe, expect, it } from 'vitest';
import { AppraisalRuleSet } from '../../server/db/models/index.js';
import { adminApi, makeUser, type TestUser, useServerWithAdmin } from '../helpers/admin.js';
import { getJson } from '../helpers/http.js';
import { addRatings, type Scores } from '../helpers/rating-fixtures.js';
import type { TestServer } from '../helpers/server.js';

let server: TestServer;
let admin: TestUser;
useServerWithAdmin((started) => ({ server, admin } = started));

const RINA = '199203152019032001';
const AGUS = '198507222010121002';
const DEWI = '199011042015032003';
const BAMBANG = '198812302014021001';
const SITI = '199405182020122004';

const rules = (effectiveFrom: string, minRatings: number, weights = { customers: 100, attendance: 0, skp: 0 }) => ({
  effectiveFrom,
  periodKind: 'quarterly',
  mapping: {
    profesional: ['berorientasi-pelayanan'],
    amanah: ['akuntabel'],
    cakap: ['kompeten'],
    akuntabel: ['akuntabel'],
    kolaboratif: ['kolaboratif'],
  },
  weights,
  minRatings,
});

interface Appraisal {
  period: { name: { id: string } };
  appraisal: {
    rules: { effectiveFrom: string; minRatings: number; setByOffice: boolean; weights: { customers: number } };
    coreValues: { code: string; average: number | null; indicators: { code: string }[] }[];
    suggestion: {
      level: string | null;
      bayesian: number | null;
      officeMean: number | null;
      officeSpread: number | null;
      compared: number;
      explanation: { id: string };
    };
  };
}
const appraisal = (nip: string, period: string, token = admin.token) =>
  getJson<Appraisal>(`${server.url}/api/v1/reports/employees/${nip}/appraisal?period=${period}`, {
    headers: { authorization: `Bearer ${token}` },
  });

const times = (nip: string, scores: Scores, n: number, month: string) =>
  Array.from({ length: n }, (_, i) => ({ nip, scores, at: new Date(`2026-${month}-${String(i + 2).padStart(2, '0')}T03:00:00Z`) }));

describe('appraisal rules as office data with the day they take effect', () => {
  it('starts from the defaults, labelled as PACAK’s, with the reasons for the mapping', async () => {
    const { status, body } = await adminApi(server, admin.token).get<{
      sets: unknown[];
      defaults: { setByOffice: boolean; mapping: Record<string, string[]> };
      defaultReasons: Record<string, { id: string }>;
    }>('/appraisal-rules');
    expect(status).toBe(200);
    expect(body.sets).toEqual([]);
    expect(body.defaults.setByOffice).toBe(false);
    expect(body.defaults.mapping.cakap).toEqual(['kompeten']);
    expect(body.defaultReasons.cakap!.id).toMatch(/Kompeten/);
  });

  it('refuses negative or all-zero weights, an impossible date, unknown core values and unknown fields, storing nothing', async () => {
    const api = adminApi(server, admin.token);
    const bad = [
      { ...rules('2026-01-01', 2), weights: { customers: -10, attendance: 20, skp: 10 } },
      { ...rules('2026-01-01', 2), weights: { customers: 0, attendance: 0, skp: 0 } },
      { ...rules('2026-13-01', 2) },
      { ...rules('2026-01-01', 2), mapping: { ...rules('2026-01-01', 2).mapping, cakap: ['pintar'] } },
      { ...rules('2026-01-01', 2), extra: true },
      { ...rules('2026-02-30', 2) },
    ];
    for (const body of bad) {
      const response = await api.post<{ status: number; errors: unknown[] }>('/appraisal-rules', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body.errors.length).toBeGreaterThan(0);
    }
    expect(await AppraisalRuleSet.count()).toBe(0);
    const viewer = await makeUser(server, 'viewer');
    expect((await adminApi(server, viewer.token).post('/appraisal-rules', rules('2026-01-01', 2))).status).toBe(403);
  });

  it('computes each period by the rules in force at its end, so a mid-year change leaves earlier periods as they were', async () => {
    const api = adminApi(server, admin.token);
    expect((await api.post('/appraisal-rules', rules('2026-01-01', 2))).status).toBe(201);
    // Five employees rated in the second quarter: Siti clearly below the rest.
    await addRatings(server.sequelize, [
      ...times(RINA, [5, 5, 5, 5, 5], 3, '05'),
      ...times(AGUS, [5, 4, 5, 2, 4], 3, '05'),
      ...times(DEWI, [4, 5, 4, 5, 5], 3, '05'),
      ...times(BAMBANG, [5, 5, 4, 5, 4], 3, '05'),
      ...times(SITI, [1, 2, 1, 2, 1], 3, '05'),
      ...times(RINA, [5, 5, 5, 5, 5], 3, '08'),
    ]);
    const before = await appraisal(SITI, '2026-Q2');
    expect(before.status).toBe(200);
    expect(before.body.period.name.id).toBe('Triwulan II 2026');
    expect(before.body.appraisal.rules).toMatchObject({ effectiveFrom: '2026-01-01', minRatings: 2, setByOffice: true });
    const s = before.body.appraisal.suggestion;
    expect(s.level).toBe('below');
    expect(s.compared).toBe(5);
    expect(s.bayesian!).toBeLessThan(s.officeMean! - s.officeSpread!);
    expect(s.explanation.id).toContain('saran bagi atasan');

    // Raising the minimum from August: the second quarter still uses 2, the third 10.
    expect((await api.post('/appraisal-rules', rules('2026-08-01', 10, { customers: 50, attendance: 25, skp: 25 }))).status).toBe(201);
    expect((await appraisal(SITI, '2026-Q2')).body).toEqual({ ...before.body, generatedAt: expect.any(String) });
    const later = await appraisal(RINA, '2026-Q3');
    expect(later.body.appraisal.rules).toMatchObject({ effectiveFrom: '2026-08-01', minRatings: 10, weights: { customers: 50 } });
    expect(later.body.appraisal.suggestion).toMatchObject({
      level: null,
      explanation: { id: expect.stringContaining('sedikitnya 10 penilaian') },
    });
  });

  it('refuses a set dated on or before the latest one, which would rewrite history', async () => {
    const response = await adminApi(server, admin.token).post<{ type: string }>('/appraisal-rules', rules('2026-07-01', 3));
    expect(response.status).toBe(409);
    expect(response.body.type).toMatch(/rules-dated-before-latest/);
    expect(await AppraisalRuleSet.count()).toBe(2);
  });

  it('shows the customers’ figures behind each core value by the office’s mapping', async () => {
    const { body } = await appraisal(AGUS, '2026-Q2');
    const values = new Map(body.appraisal.coreValues.map((v) => [v.code, v]));
    // Amanah 4 and Akuntabel 2 both feed Akuntabel: (4 + 2) / 2 = 3.
    expect(values.get('akuntabel')).toMatchObject({ average: 3, indicators: [{ code: 'amanah' }, { code: 'akuntabel' }] });
    expect(values.get('kompeten')!.average).toBe(5);
    expect(values.get('loyal')).toMatchObject({ average: null, indicators: [] });
  });

  it('answers bad period parameters with a 422 problem, never a 5xx', async () => {
    const bad = [
      `summary?period=2026-Q3&period=2026-Q4`,
      `summary?from=nonsense&to=2026-01-01`,
      `summary?period=`,
      `summary?from=2026-01-01`,
      `summary?period=2026-Q3&lang=fr`,
      `employees/${AGUS}/appraisal`,
      `employees/${AGUS}/appraisal?period=2026-Q9`,
      `employees/${AGUS}/evidence.pdf?period=2026-Q3&superior=a&superior=b`,
    ];
    for (const path of bad) {
      const response = await fetch(`${server.url}/api/v1/reports/${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(response.status, path).toBe(422);
      expect(response.headers.get('content-type'), path).toMatch(/application\/problem\+json/);
    }
  });

  it('lists the periods of a year by the office’s periodic evaluation', async () => {
    const { body } = await adminApi(server, admin.token).get<{ kind: string; periods: { code: string; name: { id: string } }[] }>(
      '/appraisal-periods?year=2026',
    );
    expect(body.kind).toBe('quarterly');
    expect(body.periods.map((p) => p.name.id)).toEqual(['Triwulan I 2026', 'Triwulan II 2026', 'Triwulan III 2026', 'Triwulan IV 2026']);
  });
});
