/**
 * The load generator, run as a child process (`fork`) so it does not share an event loop with the
 * server it measures. It posts realistic, distinct ratings: every request has its own phone number
 * (the one-a-day rule would turn repeats into 409s) and clientId, spread over the given employees and
 * service types. The parent sends one job and receives autocannon's result.
 */
import { randomUUID } from 'node:crypto';
import autocannon, { type Result } from 'autocannon';

export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  /** Phone numbers start here (8 digits after 0812) and count up: give each job a range of its own. */
  firstPhone: number;
  nips: string[];
  serviceTypes: string[];
  /** A form token per NIP, as the widget fetches before the form shows (GET /api/v1/form-token). */
  formTokens: Record<string, string>;
  /** Requests per second over all connections; unset, as many as the server answers. */
  rate?: number;
}

export type LoadResult = Pick<Result, 'requests' | 'latency' | 'errors' | 'timeouts' | 'non2xx' | 'statusCodeStats' | 'duration'> & {
  sent: number;
};

const COMMENTS = ['Pelayanan cepat dan ramah.', 'Petugas menjelaskan dengan jelas.', '', 'Antrian agak lama, tapi petugas sopan.'];

function bodyMaker(job: LoadJob): () => string {
  let n = 0;
  return () => {
    const i = n++;
    const score = (k: number) => 1 + ((i * 7 + k * 3) % 5 === 0 ? 2 : 2 + ((i + k) % 3));
    const comment = COMMENTS[i % COMMENTS.length];
    const nip = job.nips[i % job.nips.length]!;
    return JSON.stringify({
      nip,
      serviceType: job.serviceTypes[(i >> 3) % job.serviceTypes.length],
      scores: { profesional: score(0), amanah: score(1), cakap: score(2), akuntabel: score(3), kolaboratif: score(4) },
      phone: `0812-${String(job.firstPhone + i)
        .padStart(8, '0')
        .replace(/^(\d{4})/, '$1-')}`,
      ...(comment ? { comment } : {}),
      channel: i % 5 === 0 ? 'qr' : 'widget',
      clientId: randomUUID(),
      website: '',
      formToken: job.formTokens[nip],
    });
  };
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const next = bodyMaker(job);
  let sent = 0;
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    timeout: 10,
    ...(job.rate ? { overallRate: job.rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/api/v1/ratings',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          sent++;
          return { ...request, body: next() };
        },
      },
    ],
  });
  const { requests, latency, errors, timeouts, non2xx, statusCodeStats, duration } = result;
  return { requests, latency, errors, timeouts, non2xx, statusCodeStats, duration, sent };
}

if (process.send) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error: Error) => process.send?.({ error: error.stack ?? String(error) }, () => process.exit(1)),
    );
  });
}
