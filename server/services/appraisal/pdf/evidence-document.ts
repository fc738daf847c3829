import type { Readable } from 'node:stream';
import type { ReportQuery, ReportScope } from '../../reports/report-query.js';
import { evidenceVerification } from '../../reports/evidence-verification.js';
import { evidenceFileName } from '../../reports/export-names.js';
import { MAX_SHARE_DAYS, type ShareLinks } from '../../reports/share-links.js';
import type { AppraisalService } from '../appraisal.js';
import type { LetterheadService } from '../letterhead.js';
import { evidencePdf } from './evidence-pdf.js';

export interface EvidenceRequest {
  scope: ReportScope;
  nip: string;
  query: ReportQuery;
  /** The query as it was asked (without `format`), kept in the verification row to rebuild the figures. */
  params: Record<string, string>;
  /** The admin user who asked for it; null when the employee asked for their own. */
  createdBy: number | null;
  /** A superior's NIP of the same office, who signs; none leaves the signature block blank. */
  superior?: string;
}

/**
 * One employee's appraisal evidence as the PDF a leader attaches in E-Kinerja: the same document
 * whether an admin of the office or the employee themselves asks for it. Each carries the address
 * and code that verify it (evidence-verification.ts), valid for the longest time a link may live.
 */
export class EvidenceDocuments {
  constructor(
    private readonly evidence: AppraisalService,
    private readonly letterheads: LetterheadService,
    private readonly shareLinks: ShareLinks,
  ) {}

  async render(request: EvidenceRequest): Promise<{ fileName: string; pdf: Readable }> {
    const { scope, query } = request;
    const evidence = await this.evidence.employee(scope, request.nip, query);
    const signer = request.superior === undefined ? null : await this.evidence.signer(scope.officeId, request.superior);
    // Not a share link: its address answers only the printed figures and their fingerprint (evidence-verification.ts).
    const link = await this.shareLinks.create({
      report: 'evidence',
      params: { ...request.params, nip: evidence.employee.nip },
      scope,
      createdBy: request.createdBy,
      days: MAX_SHARE_DAYS,
    });
    const letterhead = await this.letterheads.of(scope.officeId);
    const { fingerprint } = evidenceVerification(evidence);
    const verification = { code: link.publicId.slice(0, 8).toUpperCase(), url: this.shareLinks.verifyUrl(link.publicId), fingerprint };
    return {
      fileName: evidenceFileName(evidence, query.lang),
      pdf: await evidencePdf({ evidence, letterhead, verification, superior: signer }),
    };
  }
}
