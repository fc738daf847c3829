import type { NewRating } from './rating-store.js';

/**
 * The ratings table's columns as the lean writers (SQLite, PostgreSQL, MariaDB) insert them, with the
 * PostgreSQL type each parameter is sent as. One list, so a new column cannot reach one writer and
 * miss another.
 */
export const RATING_COLUMNS = [
  ['office_id', 'integer'],
  ['employee_id', 'integer'],
  ['work_area_id', 'integer'],
  ['service_type_id', 'integer'],
  ['profesional', 'smallint'],
  ['amanah', 'smallint'],
  ['cakap', 'smallint'],
  ['akuntabel', 'smallint'],
  ['kolaboratif', 'smallint'],
  ['comment', 'text'],
  ['channel', 'text'],
  ['client_id', 'text'],
  ['receipt', 'text'],
  ['phone_hash', 'text'],
  ['phone_cipher', 'text'],
  ['phone_masked', 'text'],
  ['ip_hash', 'text'],
  ['local_date', 'date'],
  ['verified', 'boolean'],
  ['created_at', 'timestamptz'],
  ['service_token_id', 'text'],
  ['contact_consent', 'boolean'],
] as const;

export const RATING_COLUMN_NAMES: readonly string[] = RATING_COLUMNS.map(([name]) => name);

/** How a database takes the values that differ between drivers: dates, flags and the comment's text. */
export interface ColumnBinding {
  date(value: Date): unknown;
  flag(value: boolean): unknown;
  comment?(value: string): string;
}

/** A rating's values in RATING_COLUMNS order. */
export function ratingValues(r: NewRating, bind: ColumnBinding): unknown[] {
  return [
    r.officeId,
    r.employeeId,
    r.workAreaId,
    r.serviceTypeId,
    r.profesional,
    r.amanah,
    r.cakap,
    r.akuntabel,
    r.kolaboratif,
    r.comment == null ? null : (bind.comment?.(r.comment) ?? r.comment),
    r.channel,
    r.clientId,
    r.receipt,
    r.phoneHash,
    r.phoneCipher,
    r.phoneMasked,
    r.ipHash,
    r.localDate,
    bind.flag(r.verified),
    bind.date(r.createdAt),
    r.serviceTokenId ?? null,
    bind.flag(r.contactConsent === true),
  ];
}
