import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Office, ServiceType, SkmResponse } from '../../server/db/models/index.js';
import { SKM_ELEMENT_CODES } from '../../server/domain/skm/elements.js';
import { localDate } from '../../server/domain/local-date.js';
import { getJson, postJson, uniquePhone } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postSkm, skmBody, skmFormToken, SKM_OFFICE } from '../helpers/skm.js';
import { makeOffice } from '../helpers/admin.js';
import type { SkmQuestionnaire } from '../../server/services/skm/intake.js';

let server: TestServer;
let addressCounter = 0;
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: '1', RATE_LIMIT_BURST: '3', RATE_LIMIT_RATINGS: '1000' });
});
afterAll(() => server.close());

const from = () => ({ 'x-forwarded-for': `203.0.113.${++addressCounter}` });
const responsesUrl = () => `${server.url}/api/v1/skm/responses`;

/** Posts a body that must be refused with `status`, and checks it is problem+json and stored nothing. */
async function expectRefused(body: Record<string, unknown>, status: number) {
  const before = await SkmResponse.count();
  const response = await postSkm(server.url, body, from());
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await SkmResponse.count()).toBe(before);
  return response.body as { errors?: { path: string; message: string }[]; detail?: string };
}

describe('GET /api/v1/skm/questionnaire', () => {
  it("gives the nine questions in the regulation's wording, the profile, the quarter and a form token", async () => {
    const response = await getJson<SkmQuestionnaire>(`${server.url}/api/v1/skm/questionnaire?office=${SKM_OFFICE}`, {
      headers: { origin: 'https://any.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.body.questions.map((q: { code: string }) => q.code)).toEqual(SKM_ELEMENT_CODES);
    expect(response.body.questions[0].question.id).toBe(
      'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    );
    expect(response.body.questions[3].options.id).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
    expect(Object.keys(response.body.profile)).toEqual(['sex', 'ageGroup', 'education', 'occupation']);
    expect(response.body.period.key).toMatch(/^\d{4}-Q[1-4]$/);
    expect(response.body.serviceTypes).toContainEqual({ code: 'vaksinasi-internasional', name: expect.any(String), notApplicable: [] });
    expect(response.body.formToken.token).toMatch(/^v1\./);
  });

  it('answers 404 for an unknown office and 400 without one, as problem+json', async () => {
    const unknown = await getJson(`${server.url}/api/v1/skm/questionnaire?office=nope`);
    expect(unknown.status).toBe(404);
    const missing = await getJson(`${server.url}/api/v1/skm/questionnaire`);
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('POST /api/v1/skm/responses', () => {
  it('stores a questionnaire with its profile and answers and gives a receipt; the same clientId again is the same answer', async () => {
    const body = skmBody({
      answers: { persyaratan: 4, prosedur: 3, waktu: 2, biaya: 4, produk: 3, kompetensi: 4, perilaku: 4, pengaduan: 1, sarana: 3 },
      suggestion: ' Ruang tunggu panas. ',
    });
    const token = await skmFormToken(server.url);
    const first = await postJson(responsesUrl(), { ...body, formToken: token }, from());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(Number),
      receipt: expect.any(String),
      periodKey: expect.stringMatching(/-Q[1-4]$/),
      createdAt: expect.any(String),
    });
    const stored = await SkmResponse.findByPk(first.body.id as number);
    expect(stored).toMatchObject({
      sex: 'P',
      ageGroup: '30-39',
      education: 'd4-s1',
      occupation: 'swasta',
      waktu: 2,
      pengaduan: 1,
      sarana: 3,
      suggestion: 'Ruang tunggu panas.',
      phoneHash: null,
      channel: 'widget',
    });
    const again = await postJson(responsesUrl(), { ...body, formToken: token }, from());
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses unknown fields, answers outside 1-4, missing elements and unknown profile answers with 422', async () => {
    expect((await expectRefused(skmBody({ rating: 5 }), 422)).errors).toContainEqual(
      expect.objectContaining({ path: 'rating', message: 'Unknown field' }),
    );
    const answers = Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, 4]));
    expect((await expectRefused(skmBody({ answers: { ...answers, waktu: 5 } }), 422)).errors?.[0]?.path).toBe('answers.waktu');
    expect((await expectRefused(skmBody({ answers: { ...answers, waktu: 2.5 } }), 422)).errors?.[0]?.path).toBe('answers.waktu');
    const { sarana: _left, ...eight } = answers;
    expect((await expectRefused(skmBody({ answers: eight }), 422)).errors).toEqual([
      { path: 'answers.sarana', message: 'is required', code: 'required' },
    ]);
    expect((await expectRefused(skmBody({ answers: { ...answers, kecepatan: 3 } }), 422)).errors?.[0]?.path).toBe('answers.kecepatan');
    expect(
      (await expectRefused(skmBody({ profile: { sex: 'X', ageGroup: '30-39', education: 'sma', occupation: 'pns' } }), 422)).errors?.[0]
        ?.path,
    ).toBe('profile.sex');
    expect((await expectRefused(skmBody({ serviceType: 'tidak-ada' }), 422)).errors?.[0]?.path).toBe('serviceType');
    expect((await expectRefused(skmBody({ phone: '021-555-1234' }), 422)).errors?.[0]?.path).toBe('phone');
    expect((await expectRefused(skmBody({ website: 'http://spam.example' }), 422)).errors?.[0]?.path).toBe('website');
  });

  it('answers 400 to malformed JSON and stores nothing', async () => {
    const before = await SkmResponse.count();
    const response = await postJson(responsesUrl(), '{"office": ', from());
    expect(response.status).toBe(400);
    expect(await SkmResponse.count()).toBe(before);
  });

  it('refuses a questionnaire without a form token or with the token of another office', async () => {
    expect((await expectRefused({ ...skmBody(), formToken: undefined }, 422)).errors?.[0]).toMatchObject({
      path: 'formToken',
      code: 'form_token_missing',
    });
    const { office } = await makeOffice(`skm-other-${process.pid}`);
    const otherToken = await skmFormToken(server.url, office.code);
    expect((await expectRefused({ ...skmBody(), formToken: otherToken }, 422)).errors?.[0]).toMatchObject({
      path: 'formToken',
      code: 'form_token_other_employee',
    });
  });

  it('takes one questionnaire per phone number per office and quarter, and any number without a phone', async () => {
    const phone = uniquePhone();
    expect((await postSkm(server.url, skmBody({ phone }), from())).status).toBe(201);
    const second = await expectRefused(skmBody({ phone: phone.replace(/^0/, '+62 ') }), 409);
    expect(second.detail).toMatch(/already answered/);
    for (let i = 0; i < 2; i++) expect((await postSkm(server.url, skmBody(), from())).status).toBe(201);
  });

  it('lets exactly one of two questionnaires from one phone sent at once through', async () => {
    const phone = uniquePhone();
    const [a, b] = await Promise.all([postSkm(server.url, skmBody({ phone }), from()), postSkm(server.url, skmBody({ phone }), from())]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(
      await SkmResponse.count({
        where: { phoneHash: (await SkmResponse.findByPk((a.status === 201 ? a : b).body.id as number))!.phoneHash },
      }),
    ).toBe(1);
  });

  it('answers 429 with Retry-After past RATE_LIMIT_BURST questionnaires a minute from one address', async () => {
    const address = { 'x-forwarded-for': '192.0.2.77' };
    let refused = null;
    for (let i = 0; i < 5 && !refused; i++) {
      const response = await postSkm(server.url, skmBody(), address);
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(201);
    }
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('leaves out an element the office marked not applicable for a service, and refuses an answer to it', async () => {
    const office = (await Office.findOne({ where: { code: SKM_OFFICE } }))!;
    const type =
      (await ServiceType.findOne({ where: { officeId: office.id, code: 'vaksinasi-covid-19' } })) ??
      (await ServiceType.findOne({ where: { officeId: office.id } }))!;
    const today = localDate(new Date(), office.timezone);
    await server.services.skm.settings.put(
      office.id,
      type.id,
      { serviceType: type.code, effectiveFrom: today, notApplicable: ['biaya'], wording: {}, population: null },
      today,
      null,
    );
    const questionnaire = await getJson<{ serviceTypes: { code: string; notApplicable: string[] }[] }>(
      `${server.url}/api/v1/skm/questionnaire?office=${SKM_OFFICE}`,
    );
    expect(questionnaire.body.serviceTypes.find((t) => t.code === type.code)?.notApplicable).toEqual(['biaya']);
    const answers = Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, 3]));
    expect((await expectRefused(skmBody({ serviceType: type.code, answers }), 422)).errors).toEqual([
      { path: 'answers.biaya', message: 'is not asked for this service', code: 'not_applicable' },
    ]);
    const { biaya: _free, ...eight } = answers;
    const stored = await postSkm(server.url, skmBody({ serviceType: type.code, answers: eight }), from());
    expect(stored.status).toBe(201);
    expect((await SkmResponse.findByPk(stored.body.id as number))?.biaya).toBeNull();
  });
});
