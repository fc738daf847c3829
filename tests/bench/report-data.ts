/**
 * Report data made fast, straight into the database (not through the API): employees up to 100 over
 * the office's 6 work areas, then ratings spread over two years written as multi-row INSERTs in big
 * transactions, then the daily figure tables filled from the ratings with INSERT … SELECT … GROUP BY,
 * and checked against the raw ratings. Values are generated, never user input, so they are written
 * as literals: one statement carries thousands of rows.
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { Employee, Office, ServiceType, WorkArea } from '../../server/db/models/index.js';
import { INDICATOR_CODES } from '../../server/domain/indicators.js';
import { FIRST_OFFICE } from '../../server/db/seed-data.js';
import { foldDailyIntoMonths } from '../../server/db/migrations/2026.12.04T14.30.00.monthly-figures.js';
import type { BenchDb } from './databases.js';

export const EMPLOYEES = 100;
/** Two years of office days, ending at the last day of the quarter the reports ask for plus two months. */
export const FIRST_DAY = '2024-12-01';
export const DAYS = 730;

const ROWS_PER_STATEMENT = 2000;
const STATEMENTS_PER_TRANSACTION = 25;

const COLUMNS = [
  'office_id',
  'employee_id',
  'work_area_id',
  'service_type_id',
  ...INDICATOR_CODES,
  'comment',
  'channel',
  'client_id',
  'receipt',
  'phone_hash',
  'phone_cipher',
  'phone_masked',
  'local_date',
  'verified',
  'voided_at',
  'void_reason',
  'created_at',
];

const COMMENTS = [
  'Pelayanan cepat dan ramah.',
  'Petugas menjelaskan dengan jelas.',
  'Antrian agak lama.',
  'Terima kasih, sangat membantu.',
];

/** A small, fast, repeatable random number generator (mulberry32), so every run makes the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Catalogue {
  officeId: number;
  employees: { id: number; workAreaId: number }[];
  serviceTypeIds: number[];
}

/** Adds employees (directly, as an import would) until the office has `EMPLOYEES`, spread over its work areas. */
export async function ensureEmployees(): Promise<Catalogue> {
  const office = await Office.findOne({ where: { code: FIRST_OFFICE.office.code }, rejectOnEmpty: true });
  const areas = await WorkArea.findAll({ where: { officeId: office.id }, order: [['id', 'ASC']] });
  const existing = await Employee.count({ where: { officeId: office.id } });
  const extra = Array.from({ length: Math.max(0, EMPLOYEES - existing) }, (_, i) => ({
    officeId: office.id,
    workAreaId: (areas[i % areas.length] as WorkArea).id,
    // A valid-looking ASN NIP: born 1980-1999, appointed at 25, distinct sequence numbers.
    nip: `${1980 + (i % 20)}0${1 + (i % 9)}1${i % 10}${2005 + (i % 20)}0${1 + (i % 9)}1${String(100 + i).padStart(3, '0')}`,
    name: `Petugas Uji ${String(i + 1).padStart(3, '0')}`,
    position: 'Petugas Layanan',
    kind: 'asn' as const,
  }));
  if (extra.length) await Employee.bulkCreate(extra);
  const employees = await Employee.findAll({ where: { officeId: office.id }, order: [['id', 'ASC']] });
  const types = await ServiceType.findAll({ where: { officeId: office.id }, order: [['id', 'ASC']] });
  return {
    officeId: office.id,
    employees: employees.map((e) => ({ id: e.id, workAreaId: e.workAreaId })),
    serviceTypeIds: types.map((t) => t.id),
  };
}

function literals(db: BenchDb) {
  const day = (offset: number) => new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  // Office hours in Asia/Jakarta (UTC+7): 08:00-16:00 local is 01:00-09:00 UTC of the same day.
  const instant = (localDay: string, secondOfShift: number) => {
    const iso = new Date(Date.parse(`${localDay}T01:00:00Z`) + secondOfShift * 1000).toISOString();
    const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    if (db === 'sqlite') return `'${text} +00:00'`;
    return db === 'postgres' ? `'${text}+00'` : `'${text}'`;
  };
  const bool = (value: boolean) => (db === 'postgres' ? String(value) : value ? '1' : '0');
  return { day, instant, bool };
}

/**
 * Appends `count` ratings, numbered from `start` so that clientIds, receipts and phone hashes stay
 * unique across calls. Answers the seconds it took.
 */
export async function addRatings(sequelize: Sequelize, db: BenchDb, catalogue: Catalogue, start: number, count: number): Promise<number> {
  const began = performance.now();
  const { day, instant, bool } = literals(db);
  const next = random(start + 1);
  // A few service types are much more common than the rest, as at a real office.
  const types = catalogue.serviceTypeIds;
  const pickType = () => types[Math.floor(types.length * next() ** 2)] as number;
  const score = () => {
    const r = next();
    return r < 0.03 ? 1 : r < 0.08 ? 2 : r < 0.25 ? 3 : r < 0.6 ? 4 : 5;
  };
  const row = (n: number): string => {
    const employee = catalogue.employees[Math.floor(next() * catalogue.employees.length)] as { id: number; workAreaId: number };
    // Day by day, as ratings arrive: tables and their ids then follow time as in production, which
    // matters to how many pages a period's rows are spread over.
    const localDay = day(Math.floor(((n - start) / count) * DAYS));
    const created = instant(localDay, Math.floor(next() * 8 * 3600));
    const comment = next() < 0.15 ? `'${COMMENTS[n % COMMENTS.length]}'` : 'NULL';
    const voided = next() < 0.005;
    const id = n.toString(36).padStart(8, '0');
    return `(${[
      catalogue.officeId,
      employee.id,
      employee.workAreaId,
      pickType(),
      score(),
      score(),
      score(),
      score(),
      score(),
      comment,
      next() < 0.3 ? "'qr'" : "'widget'",
      `'bench-${id}'`,
      `'B${id.toUpperCase()}'`,
      `'h${id}'`,
      'NULL',
      "'0812****0000'",
      `'${localDay}'`,
      bool(next() < 0.1),
      voided ? created : 'NULL',
      voided ? "'bench'" : 'NULL',
      created,
    ].join(', ')})`;
  };
  const head = `INSERT INTO ratings (${COLUMNS.join(', ')}) VALUES `;
  for (let done = 0; done < count;) {
    await sequelize.transaction(async (transaction) => {
      for (let s = 0; s < STATEMENTS_PER_TRANSACTION && done < count; s++) {
        const rows = Math.min(ROWS_PER_STATEMENT, count - done);
        const values = Array.from({ length: rows }, (_, i) => row(start + done + i));
        await sequelize.query(head + values.join(', '), { transaction });
        done += rows;
      }
    });
  }
  return (performance.now() - began) / 1000;
}

/**
 * Fills the daily figure tables from the raw ratings (voided ones left out), replacing what they held,
 * day after day as they would have grown; then the monthly ones from them, as the server keeps both.
 */
export async function fillDailyFigures(sequelize: Sequelize): Promise<number> {
  const began = performance.now();
  const sums = INDICATOR_CODES.map((c) => `sum_${c}`);
  const stars = INDICATOR_CODES.flatMap((c) =>
    [1, 2, 3, 4, 5].map((star) => [`stars_${c}_${star}`, `SUM(CASE WHEN ${c} = ${star} THEN 1 ELSE 0 END)`]),
  );
  await sequelize.transaction(async (transaction) => {
    for (const [table, key] of [
      ['rating_daily', ['employee_id', 'service_type_id', 'work_area_id', 'local_date', 'verified']],
      ['rating_daily_employee', ['employee_id', 'work_area_id', 'local_date', 'verified']],
    ] as const) {
      await sequelize.query(`DELETE FROM ${table}`, { transaction });
      await sequelize.query(
        `INSERT INTO ${table} (office_id, ${key.join(', ')}, rating_count, ${sums.join(', ')}, ${stars.map(([column]) => column).join(', ')})
         SELECT office_id, ${key.join(', ')}, COUNT(*), ${INDICATOR_CODES.map((c) => `SUM(${c})`).join(', ')}, ${stars.map(([, sum]) => sum).join(', ')}
         FROM ratings WHERE voided_at IS NULL GROUP BY office_id, ${key.join(', ')} ORDER BY local_date`,
        { transaction },
      );
    }
    await foldDailyIntoMonths(sequelize, transaction);
  });
  // No ANALYZE: a production SQLite file has no planner statistics unless the server makes them, and
  // the figures should show what production sees.
  return (performance.now() - began) / 1000;
}

export async function countRows(sequelize: Sequelize, table: string): Promise<number> {
  const [row] = await sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`, { type: QueryTypes.SELECT });
  return Number(row?.n ?? 0);
}
