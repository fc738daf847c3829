import { z } from 'zod';
import { Office, ServiceType, SkmPublication } from '../../db/models/index.js';
import { parsePeriodKey } from '../../domain/skm/periods.js';
import { invalid, notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from '../admin/audit.js';
import { randomCode } from '../../domain/codes.js';
import { scopeOf, type AuthUser } from '../access/scope.js';
import { managerOf } from './manager.js';
import type { SkmReport, SkmReports } from './reports.js';

export const skmPublicationBodySchema = z.strictObject({
  period: z.string().refine((key) => parsePeriodKey(key) !== null, 'must be a period: 2026-Q1, 2026-H1 or 2026'),
  serviceType: z.string().max(64).nullable().default(null),
});

export type SkmPublicationBody = z.infer<typeof skmPublicationBodySchema>;

export interface SkmPublicationView {
  publicId: string;
  period: string;
  serviceType: string | null;
  url: string;
  posterUrl: string;
  createdAt: string;
  revokedAt: string | null;
}

/** What a published link shows: the report without the customers' own words (suggestions stay inside the office). */
export type PublishedSkm = Omit<SkmReport, 'suggestions'>;

const PUBLIC_ID = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/**
 * Public read-only links to one period's SKM result (the regulation asks units to publish it): an
 * admin makes one and may revoke it; anyone with the link reads the figures as they stand, so a
 * late questionnaire or a new follow-up status shows without a new link.
 */
export class SkmPublications {
  constructor(
    private readonly reports: SkmReports,
    private readonly audit: AuditLog,
    private readonly publicBaseUrl: string,
  ) {}

  async create(actor: Actor, body: SkmPublicationBody): Promise<SkmPublicationView> {
    const { user, officeId } = managerOf(actor);
    const type = body.serviceType ? await ServiceType.findOne({ where: { officeId, code: body.serviceType } }) : null;
    if (body.serviceType && !type) throw invalid([{ path: 'serviceType', message: 'is not a service type of this office' }]);
    const record = await SkmPublication.create({
      publicId: randomCode(16),
      officeId,
      periodKey: body.period,
      serviceTypeId: type?.id ?? null,
      createdBy: user.id,
    });
    await this.audit.record(actor, {
      officeId,
      action: 'skm.publish',
      targetType: 'skm-publication',
      targetId: record.publicId,
      changes: { ...body },
    });
    return this.#view(record, body.serviceType);
  }

  async list(user: AuthUser): Promise<SkmPublicationView[]> {
    const { officeId } = scopeOf(user);
    const types = new Map((await ServiceType.findAll({ where: { officeId }, attributes: ['id', 'code'] })).map((t) => [t.id, t.code]));
    const records = await SkmPublication.findAll({
      where: { officeId },
      order: [
        ['createdAt', 'DESC'],
        ['id', 'DESC'],
      ],
    });
    return records.map((record) => this.#view(record, record.serviceTypeId === null ? null : (types.get(record.serviceTypeId) ?? null)));
  }

  async revoke(actor: Actor, publicId: string): Promise<void> {
    const { officeId } = managerOf(actor);
    const record = await SkmPublication.findOne({ where: { publicId, officeId } });
    if (!record) throw notFound('No such publication.');
    if (!record.revokedAt) await record.update({ revokedAt: new Date() });
    await this.audit.record(actor, { officeId, action: 'skm.unpublish', targetType: 'skm-publication', targetId: publicId });
  }

  /** The published figures of a live link; 404 for an unknown or revoked one, the same answer for both. */
  async read(publicId: string): Promise<PublishedSkm> {
    const record = PUBLIC_ID.test(publicId) ? await SkmPublication.findOne({ where: { publicId } }) : null;
    if (!record || record.revokedAt) throw notFound('No such published result, or it has been withdrawn.');
    const type = record.serviceTypeId === null ? null : await ServiceType.findByPk(record.serviceTypeId);
    const office = await Office.findByPk(record.officeId);
    if (!office) throw notFound('No such published result, or it has been withdrawn.');
    const { suggestions: _private, ...report } = await this.reports.build(record.officeId, {
      period: record.periodKey,
      serviceType: type?.code,
      trend: 4,
      format: 'json',
    });
    return report;
  }

  /** The public address of a published result (PUBLIC_BASE_URL, not whatever host a request named). */
  url(publicId: string): string {
    return `${this.publicBaseUrl}/hasil-skm/${publicId}`;
  }

  #view(record: SkmPublication, serviceType: string | null): SkmPublicationView {
    const url = this.url(record.publicId);
    return {
      publicId: record.publicId,
      period: record.periodKey,
      serviceType,
      url,
      posterUrl: `${url}/poster.pdf`,
      createdAt: new Date(record.createdAt).toISOString(),
      revokedAt: record.revokedAt ? new Date(record.revokedAt).toISOString() : null,
    };
  }
}
