import { Op } from 'sequelize';
import { hkdfSync, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ShareLink } from '../../db/models/share-link.js';
import { ProblemError, notFound, problemType } from '../../domain/problem.js';
import type { Actor, AuditLog } from '../admin/audit.js';
import type { ReportScope } from './report-query.js';

export const SHARE_AUDIENCE = 'pacak-share';
export const SHARED_REPORTS = ['summary', 'work-areas', 'service-types', 'ranking', 'employee'] as const;
export type SharedReport = (typeof SHARED_REPORTS)[number];
export const MAX_SHARE_DAYS = 90;

export interface ShareGrant {
  report: SharedReport | 'evidence';
  /** The report query, and for an employee report the NIP, exactly as the link was made. */
  params: Record<string, string>;
  scope: ReportScope;
  publicId: string;
}

/** `reason` lets a page tell a person which of the two it is (the verification page's verdict). */
const gone = (detail: string) =>
  new ProblemError({
    type: problemType('share-link-gone'),
    title: 'Link no longer valid',
    status: 410,
    detail,
    reason: /revoked/.test(detail) ? 'revoked' : 'expired',
  });

/**
 * Read-only links to one report. The token is a JWT signed with a key of its own (derived from
 * JWT_SECRET, so a sign-in token can never pass for a link or the other way round), holding the
 * report and its parameters: editing either breaks the signature. The database row lets an admin
 * list and revoke links; a link answers only while its row exists, is unrevoked and unexpired.
 */
export class ShareLinks {
  readonly #key: Buffer;

  constructor(
    jwtSecret: string,
    private readonly publicBaseUrl: string,
    private readonly audit: AuditLog,
  ) {
    this.#key = Buffer.from(hkdfSync('sha256', jwtSecret, 'pacak', 'share-links', 32));
  }

  url(token: string): string {
    return `${this.publicBaseUrl}/api/v1/shared/${token}`;
  }

  /** A link an admin chose to share, in the audit log with its report and parameters. */
  async share(actor: Actor, input: { report: SharedReport; params: Record<string, string>; scope: ReportScope; days: number }) {
    const link = await this.create({ ...input, createdBy: actor.user?.id ?? null });
    await this.audit.record(actor, {
      officeId: input.scope.officeId,
      action: 'share-link.create',
      targetType: 'share_link',
      targetId: link.id,
      changes: { report: input.report, params: input.params, days: input.days },
    });
    return link;
  }

  /**
   * A link made on the reader's behalf, not a sharing decision: `evidence`, the verification address of an
   * evidence PDF, is not a share link (never listed, never opened as a report).
   */
  async create(input: {
    report: SharedReport | 'evidence';
    params: Record<string, string>;
    scope: ReportScope;
    createdBy: number | null;
    days: number;
  }) {
    const publicId = randomUUID();
    const expiresAt = new Date(Date.now() + input.days * 86_400_000);
    const link = await ShareLink.create({
      publicId,
      officeId: input.scope.officeId,
      workAreaId: input.scope.workAreaId ?? null,
      report: input.report,
      params: JSON.stringify(input.params),
      createdBy: input.createdBy,
      expiresAt,
    });
    const token = jwt.sign({ report: input.report, params: input.params }, this.#key, {
      algorithm: 'HS256',
      audience: SHARE_AUDIENCE,
      jwtid: publicId,
      expiresIn: input.days * 86_400,
    });
    return { id: link.id, publicId, token, url: this.url(token), expiresAt: expiresAt.toISOString() };
  }

  /** What a token grants, or a 404 (not a link of ours) / 410 (expired or revoked) problem. */
  async open(token: string): Promise<ShareGrant> {
    let claims: jwt.JwtPayload;
    try {
      claims = jwt.verify(token, this.#key, { algorithms: ['HS256'], audience: SHARE_AUDIENCE }) as jwt.JwtPayload;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw gone('This shared report link has expired.');
      throw notFound('This is not a valid shared report link.');
    }
    const grant = await this.openById(String(claims.jti));
    if (grant.report !== claims.report || JSON.stringify(grant.params) !== JSON.stringify(claims.params)) {
      throw notFound('This is not a valid shared report link.');
    }
    return grant;
  }

  /**
   * The same, by the link's random public id alone: what the verification address printed on an
   * evidence PDF carries (short enough to type). The id is unguessable, and the report and its
   * parameters come from the stored row, so nothing in the address can widen it.
   */
  async openById(publicId: string): Promise<ShareGrant> {
    const link = /^[0-9a-f-]{36}$/.test(publicId) ? await ShareLink.findOne({ where: { publicId } }) : null;
    if (!link) throw notFound('This is not a valid shared report link.');
    if (link.revokedAt) throw gone('This shared report link was revoked.');
    if (link.expiresAt.getTime() <= Date.now()) throw gone('This shared report link has expired.');
    return {
      report: link.report as SharedReport | 'evidence',
      params: JSON.parse(link.params) as Record<string, string>,
      scope: { officeId: link.officeId, workAreaId: link.workAreaId },
      publicId: link.publicId,
    };
  }

  /** The short verification address of a link, by its public id. */
  verifyUrl(publicId: string): string {
    return `${this.publicBaseUrl}/api/v1/shared/verify/${publicId}`;
  }

  async list(officeId: number) {
    const links = await ShareLink.findAll({
      where: { officeId, report: { [Op.ne]: 'evidence' } },
      order: [['createdAt', 'DESC']],
      limit: 500,
    });
    return links.map((link) => ({
      id: link.id,
      report: link.report,
      params: JSON.parse(link.params) as Record<string, string>,
      createdAt: new Date(link.createdAt).toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      revokedAt: link.revokedAt ? new Date(link.revokedAt).toISOString() : null,
    }));
  }

  async revoke(actor: Actor, officeId: number, id: number): Promise<void> {
    const link = await ShareLink.findOne({ where: { id, officeId } });
    if (!link) throw notFound('No such share link in your office.');
    if (!link.revokedAt) await link.update({ revokedAt: new Date() });
    await this.audit.record(actor, { officeId, action: 'share-link.revoke', targetType: 'share_link', targetId: id });
  }
}
