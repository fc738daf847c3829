/** The slice of the public API that `<pacak-skm>` uses: GET /api/v1/skm/questionnaire, POST /api/v1/skm/responses. */
export interface Bilingual {
  id: string;
  en: string;
}

export interface SkmQuestion {
  code: string;
  number: number;
  name: Bilingual;
  question: Bilingual;
  options: { id: string[]; en: string[] };
}

export interface SkmProfileField {
  label: Bilingual;
  options: { code: string; label: Bilingual }[];
}

export interface SkmQuestionnaire {
  office: { code: string; name: string };
  period: { key: string; label: Bilingual };
  serviceTypes: { code: string; name: string; notApplicable: string[] }[];
  questions: SkmQuestion[];
  profile: Record<'sex' | 'ageGroup' | 'education' | 'occupation', SkmProfileField>;
  formToken: { token: string; minSeconds: number; maxSeconds: number };
}

export interface SkmReceipt {
  id: number;
  receipt: string;
  periodKey: string;
  createdAt: string;
}

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export async function loadQuestionnaire(api: string, office: string): Promise<SkmQuestionnaire> {
  const response = await fetch(`${api}/api/v1/skm/questionnaire?office=${encodeURIComponent(office)}`);
  if (!response.ok) throw Object.assign(new Error('questionnaire'), { status: response.status });
  return (await response.json()) as SkmQuestionnaire;
}

/** Posts a questionnaire: the receipt, or the problem the server answered (status 0 when the network failed). */
export async function sendQuestionnaire(
  api: string,
  body: Record<string, unknown>,
): Promise<{ receipt: SkmReceipt } | { problem: Problem }> {
  try {
    const response = await fetch(`${api}/api/v1/skm/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    return response.status === 201 ? { receipt: json as SkmReceipt } : { problem: { ...(json as Problem), status: response.status } };
  } catch {
    return { problem: { status: 0 } };
  }
}
