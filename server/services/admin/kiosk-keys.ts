import { WorkArea } from '../../db/models/index.js';
import { invalid, notFound } from '../../domain/problem.js';
import type { KioskKeys } from '../access/kiosk-keys.js';
import type { Actor, AuditLog } from './audit.js';
import { officeOf } from './fields.js';

/** A kiosk key as an admin sees it: never the key itself, its work area by code. */
export interface ListedKioskKey {
  id: number;
  label: string;
  workArea: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/**
 * Keys for counter tablets, managed by an admin of the office: issue one per tablet (the key is
 * shown once), list them, revoke a lost one. Issuing and revoking are audited; the key never is.
 */
export class KioskKeyAdmin {
  constructor(
    private readonly keys: KioskKeys,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<{ keys: ListedKioskKey[] }> {
    const officeId = officeOf(actor);
    const areas = new Map((await WorkArea.findAll({ where: { officeId } })).map((area) => [area.id, area.code]));
    return { keys: (await this.keys.list(officeId)).map(({ workAreaId, ...key }) => ({ ...key, workArea: areas.get(workAreaId) ?? null })) };
  }

  async issue(actor: Actor, workArea: string, label: string): Promise<{ id: number; key: string; workArea: string; label: string }> {
    const officeId = officeOf(actor);
    const area = await WorkArea.findOne({ where: { officeId, code: workArea, active: true } });
    if (!area) throw invalid([{ path: 'workArea', message: 'is not an active work area of your office', code: 'unknown_work_area' }]);
    const issued = await this.keys.issueKioskKey(officeId, area.id, label);
    await this.audit.record(actor, { officeId, action: 'kiosk-key.issue', targetType: 'kiosk_key', targetId: issued.id, changes: { workArea, label } });
    return { id: issued.id, key: issued.key, workArea, label };
  }

  async revoke(actor: Actor, id: number): Promise<void> {
    const officeId = officeOf(actor);
    if (!(await this.keys.list(officeId)).some((key) => key.id === id)) throw notFound('Your office has no kiosk key with that id.');
    await this.keys.revokeKioskKey(id);
    await this.audit.record(actor, { officeId, action: 'kiosk-key.revoke', targetType: 'kiosk_key', targetId: id });
  }
}
