import { randomUUID } from 'node:crypto';
import { DEMO_NIP } from '../../server/db/seed-data.js';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function getJson<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

/** A form token for the employee `nip` from the server at `baseUrl`, as the widget gets one; null when refused (404). */
export async function formToken(baseUrl: string, nip: string, headers: Record<string, string> = {}): Promise<string | null> {
  const response = await getJson<{ token: string }>(`${baseUrl}/api/v1/form-token?nip=${encodeURIComponent(nip)}`, { headers });
  return response.status === 200 ? response.body.token : null;
}

const isRatingPost = (url: string, body: unknown): body is Record<string, unknown> =>
  /\/api\/v1\/ratings$/.test(new URL(url).pathname) && typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * Posts JSON. A rating (`/api/v1/ratings`, an object body with a `nip` and no `formToken` key) first
 * gets a form token for its employee, as the widget does, so tests that post ratings need not; a body
 * that names `formToken` (even as undefined, which JSON leaves out) is sent exactly as it is.
 */
export async function postJson<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  if (isRatingPost(url, body) && !('formToken' in body) && typeof body.nip === 'string') {
    const token = await formToken(new URL(url).origin, body.nip, headers);
    if (token) body = { ...body, formToken: token };
  }
  return getJson<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

let phoneCounter = 10_000_000;

/** A distinct, valid Indonesian mobile number each call, so the one-a-day rule stays out of the way. */
export const uniquePhone = (): string => `0812${String(phoneCounter++).padStart(8, '0')}`;

/** A rating body that the server accepts, with any field overridden. */
export function ratingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nip: DEMO_NIP,
    serviceType: 'vaksinasi-internasional',
    scores: { profesional: 5, amanah: 5, cakap: 4, akuntabel: 5, kolaboratif: 4 },
    phone: uniquePhone(),
    comment: 'Pelayanan cepat dan ramah.',
    channel: 'widget',
    clientId: randomUUID(),
    website: '',
    ...overrides,
  };
}
