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

export async function postJson<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
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
