import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { Employee, Office, ServiceType } from '../../server/db/models/index.js';
import { localDate } from '../../server/domain/local-date.js';
import { PhoneVault } from '../../server/domain/phone.js';
import { SequelizeRatingStore } from '../../server/db/sequelize-rating-store.js';
import { uniquePhone } from './http.js';

export type Scores = [number, number, number, number, number];

export interface FixtureRating {
  nip: string;
  serviceType?: string;
  scores: Scores;
  /** When the rating was made; its office-local day follows from the office's time zone. */
  at?: Date;
  verified?: boolean;
  comment?: string | null;
  /** The customer's number (08…); a new one each rating by default. */
  phone?: string;
  /** The keyed hash of the sender's address; none by default. */
  ipHash?: string | null;
}

/** Stores ratings straight through the rating store (no HTTP, no rate limit), for report fixtures. */
export async function addRatings(sequelize: Sequelize, ratings: FixtureRating[]): Promise<number[]> {
  const store = new SequelizeRatingStore(sequelize);
  const vault = new PhoneVault('fixture-key-'.padEnd(40, 'x'));
  const ids: number[] = [];
  for (const r of ratings) {
    const employee = await Employee.findOne({ where: { nip: r.nip }, rejectOnEmpty: true });
    const office = await Office.findByPk(employee.officeId, { rejectOnEmpty: true });
    const type = await ServiceType.findOne({ where: { officeId: office.id, code: r.serviceType ?? 'cop' }, rejectOnEmpty: true });
    const at = r.at ?? new Date();
    const [profesional, amanah, cakap, akuntabel, kolaboratif] = r.scores;
    const phone = vault.protect(`+62${(r.phone ?? uniquePhone()).slice(1)}`);
    const outcome = await store.insert({
      officeId: office.id,
      employeeId: employee.id,
      workAreaId: employee.workAreaId,
      serviceTypeId: type.id,
      profesional,
      amanah,
      cakap,
      akuntabel,
      kolaboratif,
      comment: r.comment ?? null,
      channel: 'widget',
      clientId: randomUUID(),
      receipt: randomUUID().slice(0, 11).toUpperCase(),
      phoneHash: phone.hash,
      phoneCipher: phone.cipher,
      phoneMasked: phone.masked,
      ipHash: r.ipHash ?? null,
      localDate: localDate(at, office.timezone),
      verified: r.verified ?? false,
      serviceTokenId: null,
      createdAt: at,
    });
    if (!outcome.stored) throw new Error(`fixture rating refused: ${outcome.reason}`);
    const id = outcome.id;
    ids.push(id);
  }
  return ids;
}
