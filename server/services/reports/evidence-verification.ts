import { createHash } from 'node:crypto';
import type { EmployeeReport } from './report-builders.js';

/**
 * What the verification address of an evidence PDF answers, to anyone: the figures the PDF prints and a
 * fingerprint of them, never its comments, the customers' masked numbers or the NIP (which spells a
 * birth date). Whoever holds the PDF compares; whoever holds only the address learns an employee's score
 * for one period, no more. The figures are recomputed from the ratings now, so a rating voided since the
 * PDF was made shows as a fingerprint that no longer matches the printed one.
 */
export interface EvidenceVerification {
  verification: 'pacak-evidence v1';
  office: string;
  employee: { name: string; position: string; workArea: string };
  period: { from: string; to: string; timeZone: string };
  filters: { serviceType: string | null; verifiedOnly: boolean };
  figures: {
    count: number;
    verifiedCount: number;
    overall: number | null;
    score: number | null;
    grade: string | null;
    averages: Record<string, number | null>;
    stars: Record<string, number[]>;
  };
  /** SHA-256 of the figures above, 16 hex digits in groups of four, as the PDF prints it. */
  fingerprint: string;
}

export function evidenceVerification(report: EmployeeReport): EvidenceVerification {
  const { figures } = report;
  const body: Omit<EvidenceVerification, 'fingerprint'> = {
    verification: 'pacak-evidence v1',
    office: report.office.name,
    employee: { name: report.employee.name, position: report.employee.position, workArea: report.employee.workArea.name },
    period: { from: report.period.from, to: report.period.to, timeZone: report.office.timeZone },
    filters: { serviceType: report.filters.serviceType, verifiedOnly: report.filters.verifiedOnly },
    figures: {
      count: figures.count,
      verifiedCount: figures.verifiedCount,
      overall: figures.overall,
      score: figures.score,
      grade: figures.grade,
      averages: { ...figures.averages },
      stars: { ...report.stars },
    },
  };
  // Key order is fixed by the literal above, so the same figures always give the same text and fingerprint.
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16).toUpperCase();
  return { ...body, fingerprint: [0, 4, 8, 12].map((at) => digest.slice(at, at + 4)).join('-') };
}
