import { z } from 'zod';
import { Office, ServiceType } from '../../db/models/index.js';
import { parsePeriodKey } from '../../domain/skm/periods.js';
import type { SkmSettingsVersion } from '../../domain/skm/settings.js';
import { invalid, notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from '../admin/audit.js';
import { localDate } from '../../domain/local-date.js';
import { scopeOf as readScopeOf, type AuthUser } from '../access/scope.js';
import type { SkmFollowUpBody, SkmFollowUps, SkmFollowUpView } from './follow-ups.js';
import { managerOf } from './manager.js';
import { scopeOf, type SkmSettingsBody, type SkmSettingsService } from './settings-service.js';

export const skmFollowUpQuerySchema = z.strictObject({
  period: z.string().refine((key) => parsePeriodKey(key) !== null, 'must be a period: 2026-Q1, 2026-H1 or 2026'),
  serviceType: z.string().max(64).optional(),
});

/** What an office's administrator manages of its SKM: the settings by date, and the follow-up plans. */
export class SkmAdmin {
  constructor(
    private readonly settings: SkmSettingsService,
    private readonly followUps: SkmFollowUps,
    private readonly audit: AuditLog,
  ) {}

  async listSettings(user: AuthUser): Promise<(SkmSettingsVersion & { serviceType: string | null })[]> {
    const officeId = readScopeOf(user).officeId;
    const types = new Map((await ServiceType.findAll({ where: { officeId }, attributes: ['id', 'code'] })).map((t) => [t.id, t.code]));
    return (await this.settings.versions(officeId)).map((version) => ({
      ...version,
      serviceType: version.serviceTypeId === null ? null : (types.get(version.serviceTypeId) ?? null),
    }));
  }

  async putSettings(actor: Actor, body: SkmSettingsBody): Promise<SkmSettingsVersion & { serviceType: string | null }> {
    const { user, officeId } = managerOf(actor);
    const office = await Office.findByPk(officeId);
    if (!office) throw notFound('No such office.');
    const serviceTypeId = await this.#serviceTypeId(officeId, body.serviceType, 'serviceType');
    const version = await this.settings.put(officeId, serviceTypeId, body, localDate(new Date(), office.timezone), user.id);
    await this.audit.record(actor, {
      officeId,
      action: 'skm.settings',
      targetType: 'skm-settings',
      targetId: `${scopeOf(serviceTypeId)}@${body.effectiveFrom}`,
      changes: { ...body },
    });
    return { ...version, serviceType: body.serviceType };
  }

  async listFollowUps(user: AuthUser, query: z.infer<typeof skmFollowUpQuerySchema>): Promise<SkmFollowUpView[]> {
    const officeId = readScopeOf(user).officeId;
    const serviceTypeId = await this.#serviceTypeId(officeId, query.serviceType ?? null, 'serviceType');
    return this.followUps.list(officeId, query.period, scopeOf(serviceTypeId));
  }

  async putFollowUp(actor: Actor, body: SkmFollowUpBody): Promise<SkmFollowUpView> {
    const { user, officeId } = managerOf(actor);
    const serviceTypeId = await this.#serviceTypeId(officeId, body.serviceType, 'serviceType');
    const saved = await this.followUps.put(officeId, scopeOf(serviceTypeId), body, user.id);
    await this.audit.record(actor, {
      officeId,
      action: 'skm.follow-up',
      targetType: 'skm-follow-up',
      targetId: `${body.period}/${scopeOf(serviceTypeId)}/${body.element}`,
      changes: { status: body.status },
    });
    return saved;
  }

  async #serviceTypeId(officeId: number, code: string | null, path: string): Promise<number | null> {
    if (code === null) return null;
    const type = await ServiceType.findOne({ where: { officeId, code } });
    if (!type) throw invalid([{ path, message: 'is not a service type of this office' }]);
    return type.id;
  }
}

/** The office an SKM page or report is read for, by its code; 404 when unknown. */
export async function officeByCode(code: string): Promise<Office> {
  const office = await Office.findOne({ where: { code } });
  if (!office) throw notFound('No office has that code.');
  return office;
}
