import { randomUUID } from 'node:crypto';
import { Office, ServiceType, SkmResponse } from '../../server/db/models/index.js';
import { SKM_ELEMENT_CODES } from '../../server/domain/skm/elements.js';
import { getJson, postJson, type JsonResponse } from './http.js';

export const SKM_OFFICE = 'bkk-palembang';

/** A form token of an office's questionnaire, as the SKM form gets one with the questions. */
export async function skmFormToken(baseUrl: string, office = SKM_OFFICE, headers: Record<string, string> = {}): Promise<string> {
  const response = await getJson<{ formToken: { token: string } }>(`${baseUrl}/api/v1/skm/questionnaire?office=${office}`, { headers });
  if (response.status !== 200) throw new Error(`questionnaire answered ${response.status}`);
  return response.body.formToken.token;
}

/** A questionnaire body the server accepts (every element answered 4 unless overridden), without a form token. */
export function skmBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    office: SKM_OFFICE,
    serviceType: 'vaksinasi-internasional',
    profile: { sex: 'P', ageGroup: '30-39', education: 'd4-s1', occupation: 'swasta' },
    answers: Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, 4])),
    channel: 'widget',
    clientId: randomUUID(),
    website: '',
    ...overrides,
  };
}

/** Posts a questionnaire with a fresh form token of its office (unless the body names `formToken`). */
export async function postSkm(baseUrl: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const withToken =
    'formToken' in body
      ? body
      : { ...body, formToken: await skmFormToken(baseUrl, typeof body.office === 'string' ? body.office : SKM_OFFICE, headers) };
  return postJson(`${baseUrl}/api/v1/skm/responses`, withToken, headers);
}

const PROFILES = [
  { sex: 'L', ageGroup: '20-29', education: 'sma', occupation: 'swasta' },
  { sex: 'P', ageGroup: '30-39', education: 'd4-s1', occupation: 'pns' },
] as const;

/**
 * Stores `n` questionnaires of one service type on one date whose element sums are `sums` (answers
 * of 3 and 4: the first sum - 3n answers are 4), alternating the two profiles above.
 */
export async function storeQuarter(date: string, service: string, n: number, sums: number[]): Promise<void> {
  const office = (await Office.findOne({ where: { code: 'bkk-palembang' } }))!;
  const type = (await ServiceType.findOne({ where: { officeId: office.id, code: service } }))!;
  const period = `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  await SkmResponse.bulkCreate(
    Array.from({ length: n }, (_, r) => ({
      officeId: office.id,
      serviceTypeId: type.id,
      receipt: randomUUID().slice(0, 11),
      clientId: randomUUID(),
      periodKey: period,
      localDate: date,
      ...PROFILES[r % 2]!,
      ...(Object.fromEntries(SKM_ELEMENT_CODES.map((code, i) => [code, r < sums[i]! - 3 * n ? 4 : 3])) as Record<
        (typeof SKM_ELEMENT_CODES)[number],
        number
      >),
      suggestion: r === 0 ? `Saran ${date}` : null,
      phoneHash: null,
      ipHash: null,
      channel: 'qr',
      createdAt: new Date(`${date}T03:00:00Z`),
    })),
  );
}
