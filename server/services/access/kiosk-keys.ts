import { randomBytes } from 'node:crypto';
import { Employee, KioskKey, WorkArea } from '../../db/models/index.js';

/** What can make a keyed hash: the phone vault does (`services.vault`), with its own derived key. */
export interface KeyedHasher {
  hash(value: string): string;
}

export interface IssuedKioskKey {
  id: number;
  /** The key itself: shown once to whoever issued it, never stored. */
  key: string;
}

export interface KioskRoster {
  workArea: { code: string; name: string };
  employees: { nip: string; name: string; position: string; photoUrl: string | null }[];
}

// 32 random bytes in base64url are always 43 characters; anything else is not worth a database look-up.
const KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Keys for counter tablets in kiosk mode. A key opens the list of active employees of one work area
 * and nothing else (no ratings, no reports), so a key read off a stolen tablet exposes what the office
 * already shows at that counter; an administrator revokes it and issues another.
 */
export class KioskKeys {
  constructor(
    private readonly hasher: KeyedHasher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  #hash(key: string): string {
    // The prefix keeps kiosk-key hashes apart from phone hashes made with the same keyed hash.
    return this.hasher.hash(`kiosk:${key}`);
  }

  /** Makes a key for one work area of an office; throws when the work area is not the office's. */
  async issueKioskKey(officeId: number, workAreaId: number, label: string): Promise<IssuedKioskKey> {
    const area = await WorkArea.findOne({ where: { id: workAreaId, officeId } });
    if (!area) throw new Error(`Work area ${workAreaId} is not a work area of office ${officeId}`);
    const cleanLabel = label.trim().slice(0, 100);
    if (!cleanLabel) throw new Error('A kiosk key needs a label, e.g. "Loket 1"');
    const key = randomBytes(32).toString('base64url');
    const row = await KioskKey.create({ officeId, workAreaId, label: cleanLabel, keyHash: this.#hash(key), createdAt: this.now() });
    return { id: row.id, key };
  }

  /** Revokes a key at once; true when it was valid until now. */
  async revokeKioskKey(id: number): Promise<boolean> {
    const [changed] = await KioskKey.update({ revokedAt: this.now() }, { where: { id, revokedAt: null } });
    return changed > 0;
  }

  /** The key's record while it is valid; null for a malformed, unknown or revoked key. */
  async findValidKey(key: string): Promise<KioskKey | null> {
    if (!KEY_SHAPE.test(key)) return null;
    return KioskKey.findOne({ where: { keyHash: this.#hash(key), revokedAt: null } });
  }

  /** Every key of an office, newest first, without anything that would rebuild a key. */
  async list(officeId: number): Promise<{ id: number; label: string; workAreaId: number; createdAt: Date; revokedAt: Date | null }[]> {
    const rows = await KioskKey.findAll({ where: { officeId }, order: [['id', 'DESC']] });
    return rows.map(({ id, label, workAreaId, createdAt, revokedAt }) => ({ id, label, workAreaId, createdAt, revokedAt }));
  }

  /** The active employees of the key's work area, as the kiosk's picker shows them; null for a bad key. */
  async roster(key: string): Promise<KioskRoster | null> {
    const found = await this.findValidKey(key);
    if (!found) return null;
    const area = await WorkArea.findByPk(found.workAreaId);
    if (!area) return null;
    const employees = await Employee.findAll({
      where: { officeId: found.officeId, workAreaId: found.workAreaId, active: true },
      order: [['name', 'ASC']],
      attributes: ['nip', 'name', 'position', 'photoUrl'],
    });
    return {
      workArea: { code: area.code, name: area.name },
      employees: employees.map(({ nip, name, position, photoUrl }) => ({ nip, name, position, photoUrl: photoUrl ?? null })),
    };
  }
}
