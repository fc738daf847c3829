import { randomBytes } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { EmployeePhoto } from '../../db/models/index.js';
import { imageInfoOf } from '../../domain/image.js';
import { invalid } from '../../domain/problem.js';
import type { Actor, AuditLog } from './audit.js';
import type { EmployeeView } from './employee-schemas.js';
import type { EmployeeAdmin } from './employees.js';
import { officeOf } from './fields.js';

/** Largest photo accepted: a portrait for a phone's screen is a tenth of it. */
export const PHOTO_LIMIT = 1024 * 1024;
/** What a photo may be, by its bytes. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Each side in pixels: a smaller picture shows nobody, a larger one only costs the customer's phone. */
export const PHOTO_SIDES = { min: 32, max: 4096 } as const;
/** Where an uploaded photo is served, with its key after the slash; an employee's `photoUrl` is this path. */
export const PHOTO_PATH = '/api/v1/employee-photos/';

/** The key of a photo's address: random, new with each upload, so an address never shows another picture. */
const PHOTO_KEY = /^[A-Za-z0-9_-]{22}$/;

export interface StoredPhoto {
  key: string;
  type: string;
  bytes: Buffer;
}

/**
 * Employees' photos, uploaded by the office's admin and served from this server, so the pages' own
 * policy (img-src 'self') shows them. The employee's `photoUrl` becomes the photo's path; removing the
 * photo (or setting another address) deletes the stored bytes. Both are audited.
 */
export class EmployeePhotos {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
    private readonly employees: EmployeeAdmin,
  ) {}

  /** A JPEG, PNG or WebP of sane size, checked by its bytes; it replaces the employee's photo or address. */
  async set(actor: Actor, nip: string, bytes: Buffer): Promise<EmployeeView> {
    const officeId = officeOf(actor);
    const employee = await this.employees.require(officeId, nip);
    const info = bytes.length ? imageInfoOf(bytes) : null;
    if (!info) throw invalid([{ path: 'photo', message: 'must be a JPEG, PNG or WebP image', code: 'not_an_image' }]);
    const { width, height } = info;
    if (Math.min(width, height) < PHOTO_SIDES.min || Math.max(width, height) > PHOTO_SIDES.max) {
      throw invalid([
        {
          path: 'photo',
          message: `must be between ${PHOTO_SIDES.min} and ${PHOTO_SIDES.max} pixels on each side (this one is ${width} × ${height})`,
          code: 'image_dimensions',
        },
      ]);
    }
    const key = randomBytes(16).toString('base64url');
    await this.db.transaction(async (transaction) => {
      await EmployeePhoto.destroy({ where: { employeeId: employee.id }, transaction });
      await EmployeePhoto.create({ employeeId: employee.id, photoKey: key, photo: bytes, photoType: info.type }, { transaction });
      await employee.update({ photoUrl: `${PHOTO_PATH}${key}` }, { transaction });
      await this.audit.record(
        actor,
        {
          officeId,
          action: 'employee.photo',
          targetType: 'employee',
          targetId: employee.nip,
          changes: { type: info.type, bytes: bytes.length, width, height },
        },
        transaction,
      );
    });
    return this.employees.get(actor, employee.nip);
  }

  /** Removes the photo, uploaded or an address alike; nothing to remove is no error. */
  async remove(actor: Actor, nip: string): Promise<EmployeeView> {
    const officeId = officeOf(actor);
    const employee = await this.employees.require(officeId, nip);
    const stored = await EmployeePhoto.count({ where: { employeeId: employee.id } });
    if (employee.photoUrl || stored) {
      await this.db.transaction(async (transaction) => {
        await EmployeePhoto.destroy({ where: { employeeId: employee.id }, transaction });
        await employee.update({ photoUrl: null }, { transaction });
        await this.audit.record(
          actor,
          { officeId, action: 'employee.photo-remove', targetType: 'employee', targetId: employee.nip, changes: { photoUrl: null } },
          transaction,
        );
      });
    }
    return this.employees.get(actor, employee.nip);
  }

  /** The photo served at `PHOTO_PATH<key>`, or null. */
  async byKey(key: string): Promise<StoredPhoto | null> {
    if (!PHOTO_KEY.test(key)) return null;
    const row = await EmployeePhoto.findOne({ where: { photoKey: key } });
    return row ? { key: row.photoKey, type: row.photoType, bytes: Buffer.from(row.photo) } : null;
  }
}
