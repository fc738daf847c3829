import QRCode from 'qrcode';
import { z } from 'zod';
import { WorkArea } from '../../db/models/index.js';
import { invalid, notFound } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import type { KioskKeys } from '../access/kiosk-keys.js';
import { officeOf, plainText, slugCode } from './fields.js';

export const kioskKeyIssueSchema = z.strictObject({ workArea: slugCode, label: plainText(100) });
export const kioskKeyRenameSchema = z.strictObject({ label: plainText(100) });

export interface KioskKeyView {
  id: number;
  label: string;
  workArea: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A QR code as one SVG path over a `size` x `size` grid (quiet zone included), for a screen to draw without markup from the server. */
export interface QrPath {
  size: number;
  path: string;
}

const QUIET_ZONE = 4;

/** The dark modules of a QR code of `text`, as runs along each row: `M x y h n v1 h -n z`. */
export function qrPath(text: string): QrPath {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size;) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && data[y * size + x + run]) run++;
      path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size: size + 2 * QUIET_ZONE, path };
}

/**
 * Kiosk keys as the console manages them: issue (the key, the tablet's address and its QR code are
 * answered once and never again), name, list and revoke, each write audited without the key.
 * The tablet's address carries the key after `#`, which browsers never send to a server, so the
 * key stays out of access logs and proxies.
 */
export class KioskKeyAdmin {
  constructor(
    private readonly keys: KioskKeys,
    private readonly audit: AuditLog,
    private readonly publicBaseUrl: string,
  ) {}

  async list(actor: Actor): Promise<KioskKeyView[]> {
    const officeId = officeOf(actor);
    const areas = new Map((await WorkArea.findAll({ where: { officeId } })).map((area) => [area.id, area.code]));
    return (await this.keys.list(officeId)).map(({ workAreaId, createdAt, revokedAt, ...key }) => ({
      ...key,
      workArea: areas.get(workAreaId) ?? null,
      createdAt: new Date(createdAt).toISOString(),
      revokedAt: revokedAt ? new Date(revokedAt).toISOString() : null,
    }));
  }

  async issue(
    actor: Actor,
    body: z.infer<typeof kioskKeyIssueSchema>,
  ): Promise<KioskKeyView & { key: string; tabletUrl: string; qr: QrPath }> {
    const officeId = officeOf(actor);
    const area = await WorkArea.findOne({ where: { officeId, code: body.workArea, active: true } });
    if (!area) throw invalid([{ path: 'workArea', message: 'is not an active work area of your office', code: 'unknown_work_area' }]);
    const issued = await this.keys.issueKioskKey(officeId, area.id, body.label);
    await this.audit.record(actor, {
      officeId,
      action: 'kiosk-key.issue',
      targetType: 'kiosk_key',
      targetId: issued.id,
      changes: { workArea: body.workArea, label: body.label },
    });
    const tabletUrl = `${this.publicBaseUrl}/kiosk#${new URLSearchParams({ area: body.workArea, key: issued.key })}`;
    const view = (await this.list(actor)).find((key) => key.id === issued.id) as KioskKeyView;
    return { ...view, key: issued.key, tabletUrl, qr: qrPath(tabletUrl) };
  }

  async rename(actor: Actor, id: number, label: string): Promise<KioskKeyView> {
    const officeId = officeOf(actor);
    const before = (await this.list(actor)).find((key) => key.id === id);
    if (!before || !(await this.keys.rename(officeId, id, label))) throw notFound('Your office has no kiosk key with that id.');
    await this.audit.record(actor, {
      officeId,
      action: 'kiosk-key.rename',
      targetType: 'kiosk_key',
      targetId: id,
      changes: { label: { from: before.label, to: label } },
    });
    return { ...before, label };
  }

  /** Revokes at once; revoking a revoked key again changes nothing and is not audited twice. */
  async revoke(actor: Actor, id: number): Promise<void> {
    const officeId = officeOf(actor);
    if (!(await this.keys.list(officeId)).some((key) => key.id === id)) throw notFound('Your office has no kiosk key with that id.');
    if (await this.keys.revokeKioskKey(id)) {
      await this.audit.record(actor, { officeId, action: 'kiosk-key.revoke', targetType: 'kiosk_key', targetId: id });
    }
  }
}
