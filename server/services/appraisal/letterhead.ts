import { z } from 'zod';
import { Office, OfficeLetterhead } from '../../db/models/index.js';
import { imageTypeOf } from '../../domain/image.js';
import { invalid } from '../../domain/problem.js';
import { officeOf } from '../admin/fields.js';
import type { Actor, AuditLog } from '../admin/audit.js';

/** At most six lines of plain text: street, city, phone, e-mail, website. */
export const letterheadSchema = z.strictObject({
  address: z
    .string()
    .trim()
    .max(600, 'must be at most 600 characters')
    // eslint-disable-next-line no-control-regex -- the pattern matches control characters on purpose, to refuse them
    .refine((value) => !/[\u0000-\u0009\u000B-\u001F\u007F]/.test(value), 'must not contain control characters other than new lines')
    .refine((value) => value.split('\n').length <= 6, 'must be at most six lines')
    .nullable(),
});

export const LOGO_LIMIT = 200 * 1024;

export interface Letterhead {
  officeName: string;
  address: string | null;
  logo: { type: string; bytes: Buffer } | null;
}

/** A logo is a PNG or a JPEG (what PDFKit draws), by its first bytes: the type a logo claims must be the type it is. */
function logoTypeOf(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  const type = imageTypeOf(bytes);
  return type === 'image/png' || type === 'image/jpeg' ? type : null;
}

/** The connection the models were initialised on; the service runs only after that. */
function connectionOf() {
  const { sequelize } = OfficeLetterhead;
  if (!sequelize) throw new Error('the letterhead model is not initialised');
  return sequelize;
}

/** The office's letterhead on its evidence documents, set by its admin. */
export class LetterheadService {
  constructor(private readonly audit: AuditLog) {}

  async of(officeId: number): Promise<Letterhead> {
    const [office, row] = await Promise.all([Office.findByPk(officeId, { rejectOnEmpty: true }), OfficeLetterhead.findByPk(officeId)]);
    return {
      officeName: office.name,
      address: row?.address ?? null,
      logo: row?.logo && row.logoType ? { type: row.logoType, bytes: Buffer.from(row.logo) } : null,
    };
  }

  /** What the console shows: the address, and whether a logo is there (its bytes come from /letterhead/logo). */
  async view(actor: Actor) {
    const { officeName, address, logo } = await this.of(officeOf(actor));
    return { officeName, address, logo: logo ? { type: logo.type, bytes: logo.bytes.length } : null };
  }

  async setAddress(actor: Actor, address: string | null) {
    const officeId = officeOf(actor);
    await connectionOf().transaction(async (transaction) => {
      const row = await OfficeLetterhead.findByPk(officeId, { transaction, lock: transaction.LOCK.UPDATE });
      if (row) await row.update({ address: address || null }, { transaction });
      else await OfficeLetterhead.create({ officeId, address: address || null, logo: null, logoType: null }, { transaction });
      await this.audit.record(
        actor,
        { officeId, action: 'letterhead.address', targetType: 'office', targetId: officeId, changes: { address } },
        transaction,
      );
    });
    return this.view(actor);
  }

  /** A PNG or JPEG logo, checked by its bytes; null removes it. */
  async setLogo(actor: Actor, bytes: Buffer | null, declaredType?: string) {
    const officeId = officeOf(actor);
    const type = bytes ? logoTypeOf(bytes) : null;
    if (bytes && (!type || type !== declaredType)) {
      throw invalid([{ path: 'logo', message: 'must be a PNG or JPEG image sent with its own content type', code: 'not_an_image' }]);
    }
    await connectionOf().transaction(async (transaction) => {
      const row = await OfficeLetterhead.findByPk(officeId, { transaction, lock: transaction.LOCK.UPDATE });
      if (row) await row.update({ logo: bytes, logoType: type }, { transaction });
      else await OfficeLetterhead.create({ officeId, address: null, logo: bytes, logoType: type }, { transaction });
      await this.audit.record(
        actor,
        {
          officeId,
          action: bytes ? 'letterhead.logo' : 'letterhead.logo-remove',
          targetType: 'office',
          targetId: officeId,
          changes: { bytes: bytes?.length ?? 0 },
        },
        transaction,
      );
    });
    return this.view(actor);
  }
}
