import { Op, type Sequelize, type WhereOptions } from 'sequelize';
import type { Dialect } from '../../db/connection.js';
import { Employee, Office, Rating, ServiceType, WorkArea } from '../../db/models/index.js';
import { notFound } from '../../domain/problem.js';
import { localDate, offsetMinutes, startOfLocalDay } from '../../domain/local-date.js';
import type { ReadScope } from '../access/scope.js';
import {
  DEFAULT_ANOMALY_DAYS,
  epochSeconds,
  localMinuteOfDay,
  outsideHours,
  parseServiceHours,
  type AnomalyQuery,
} from './anomaly-query.js';
import { Conditions, select } from './report-sql.js';
import { dayString } from './reports.js';

export type AnomalyKind = 'outside-hours' | 'burst' | 'above-median' | 'phone-many-employees' | 'address-many-ratings';

/** A rating behind a flag: enough to recognise it and to void it (POST /api/v1/admin/ratings/:id/void). */
export interface FlaggedRating {
  id: number;
  receipt: string;
  createdAt: string;
  localDate: string;
  employee: { nip: string; name: string };
  workArea: string;
  serviceType: string;
  channel: string;
  /** Masked (`0812****7890`), `****` once erased. */
  phone: string;
}

export interface AnomalyFlag {
  kind: AnomalyKind;
  detail: string;
  /** Ratings behind the flag; `ratings` lists the first 100 of them. */
  count: number;
  ratings: FlaggedRating[];
  employee?: { nip: string; name: string };
  day?: string;
  /** Which phone number or address, as the first characters of its keyed hash: the same key is the same one. */
  key?: string;
}

const SHOWN = 100;

/**
 * The anomaly report: patterns that suggest ratings were not given by served customers. Every check is
 * an aggregate in SQL over the office's counted ratings of the period; only the flags found are looked
 * up rating by rating. A flag is a reason to look, not proof: an admin decides and voids with a reason.
 */
export class AnomalyReport {
  constructor(private readonly sequelize: Sequelize) {}

  async build(scope: ReadScope, asked: AnomalyQuery) {
    const office = await Office.findByPk(scope.officeId);
    if (!office) throw notFound('No such office.');
    // Without a period, the last 30 days up to today in the office's time zone.
    const to = asked.to ?? localDate(new Date(), office.timezone);
    const query = { ...asked, from: asked.from ?? daysBefore(to, DEFAULT_ANOMALY_DAYS - 1), to };
    const base = () =>
      new Conditions()
        .add('r.office_id = ?', office.id)
        .add('r.local_date >= ?', query.from)
        .add('r.local_date <= ?', query.to)
        .add('r.voided_at IS NULL');
    const offset = offsetMinutes(startOfLocalDay(query.from, office.timezone), office.timezone);
    const dialect = this.sequelize.getDialect() as Dialect;
    const flags = {
      outsideHours: await this.#outsideHours(office.id, base(), dialect, offset, query),
      bursts: await this.#bursts(base(), dialect, query),
      aboveMedian: await this.#aboveMedian(base(), query),
      phoneManyEmployees: await this.#grouped('phone-many-employees', 'phone_hash', base(), query),
      addressManyRatings: await this.#grouped('address-many-ratings', 'ip_hash', base().add('r.ip_hash IS NOT NULL'), query),
    };
    const { limit: _limit, from: _from, to: _to, ...thresholds } = query;
    return {
      report: 'anomalies',
      office: { code: office.code, name: office.name, timeZone: office.timezone },
      period: { from: query.from, to: query.to },
      thresholds,
      flags,
    };
  }

  async #outsideHours(officeId: number, where: Conditions, dialect: Dialect, offset: number, query: AnomalyQuery): Promise<AnomalyFlag[]> {
    const areas = (await WorkArea.findAll({ where: { officeId, serviceHours: { [Op.ne]: null } } }))
      .map((area) => ({ area, hours: parseServiceHours(area.serviceHours ?? '') }))
      .filter((entry): entry is { area: typeof entry.area; hours: NonNullable<typeof entry.hours> } => entry.hours !== null);
    if (!areas.length) return [];
    const minute = localMinuteOfDay(dialect, 'r.created_at', offset);
    const outside = areas.map(({ area, hours }) => `(r.work_area_id = ${Number(area.id)} AND ${outsideHours(minute, hours)})`).join(' OR ');
    where.add(`(${outside})`);
    const rows = await select<{ employee_id: number; work_area_id: number; local_date: unknown; n: number }>(
      this.sequelize,
      `SELECT r.employee_id, r.work_area_id, r.local_date, COUNT(*) AS n FROM ratings r ${where.sql}
       GROUP BY r.employee_id, r.work_area_id, r.local_date ORDER BY n DESC, r.local_date LIMIT ${query.limit}`,
      where.params,
    );
    const hoursOf = new Map(areas.map(({ area }) => [area.id, area.serviceHours]));
    return Promise.all(
      rows.map(async (row) => {
        const day = dayString(row.local_date);
        const ratings = (
          await this.#ratings({ employeeId: row.employee_id, workAreaId: row.work_area_id, localDate: day }, SHOWN * 20)
        ).filter((rating) => !within(rating.createdAt, hoursOf.get(row.work_area_id) ?? '', offset));
        return this.#flag(
          'outside-hours',
          `${Number(row.n)} rating(s) outside the post's service hours (${hoursOf.get(row.work_area_id)})`,
          Number(row.n),
          ratings,
          { day },
        );
      }),
    );
  }

  async #bursts(where: Conditions, dialect: Dialect, query: AnomalyQuery): Promise<AnomalyFlag[]> {
    const window = query.burstMinutes * 60;
    const [ea, eb] = [epochSeconds(dialect, 'r.created_at'), epochSeconds(dialect, 'b.created_at')];
    // Each rating that opens a window holding burstCount or more ratings of its employee that day.
    const rows = await select<{ employee_id: number; local_date: unknown; started: number; n: number }>(
      this.sequelize,
      `SELECT r.employee_id, r.local_date, ${ea} AS started, COUNT(*) AS n FROM ratings r
       JOIN ratings b ON b.employee_id = r.employee_id AND b.local_date = r.local_date AND b.voided_at IS NULL
         AND ${eb} >= ${ea} AND ${eb} < ${ea} + ${window}
       ${where.sql}
       GROUP BY r.id, r.employee_id, r.local_date, r.created_at HAVING COUNT(*) >= ?
       ORDER BY r.employee_id, started`,
      [...where.params, query.burstCount],
    );
    // Overlapping windows of one employee are one burst.
    const bursts: { employeeId: number; day: string; from: number; to: number }[] = [];
    for (const row of rows) {
      const last = bursts.at(-1);
      const started = Number(row.started);
      if (last && last.employeeId === row.employee_id && started < last.to) last.to = Math.max(last.to, started + window);
      else bursts.push({ employeeId: row.employee_id, day: dayString(row.local_date), from: started, to: started + window });
    }
    const flags = await Promise.all(
      bursts.map(async (burst) => {
        const ratings = await this.#ratings(
          {
            employeeId: burst.employeeId,
            localDate: burst.day,
            createdAt: { [Op.gte]: new Date(burst.from * 1000), [Op.lt]: new Date(burst.to * 1000) },
          },
          SHOWN,
        );
        const count = await Rating.count({
          where: {
            employeeId: burst.employeeId,
            voidedAt: null,
            localDate: burst.day,
            createdAt: { [Op.gte]: new Date(burst.from * 1000), [Op.lt]: new Date(burst.to * 1000) },
          },
        });
        return this.#flag(
          'burst',
          `${count} ratings of one employee within ${Math.round((burst.to - burst.from) / 60)} minutes`,
          count,
          ratings,
          { day: burst.day },
        );
      }),
    );
    return flags.sort((a, b) => b.count - a.count).slice(0, query.limit);
  }

  async #aboveMedian(where: Conditions, query: AnomalyQuery): Promise<AnomalyFlag[]> {
    const rows = await select<{ employee_id: number; work_area_id: number; n: number }>(
      this.sequelize,
      `SELECT r.employee_id, r.work_area_id, COUNT(*) AS n FROM ratings r ${where.sql} GROUP BY r.employee_id, r.work_area_id`,
      where.params,
    );
    const byArea = new Map<number, number[]>();
    for (const row of rows) byArea.set(row.work_area_id, [...(byArea.get(row.work_area_id) ?? []), Number(row.n)]);
    const flagged = rows
      .map((row) => ({ row, median: median(byArea.get(row.work_area_id) ?? []) }))
      .filter(({ row, median }) => Number(row.n) >= query.medianMin && Number(row.n) > query.medianFactor * median)
      .sort((a, b) => Number(b.row.n) - Number(a.row.n))
      .slice(0, query.limit);
    return Promise.all(
      flagged.map(async ({ row, median }) => {
        const period = { employeeId: row.employee_id, workAreaId: row.work_area_id, localDate: { [Op.between]: [query.from, query.to] } };
        const detail = `${Number(row.n)} ratings, more than ${query.medianFactor}× the work area's median of ${median}`;
        return this.#flag('above-median', detail, Number(row.n), await this.#ratings(period, SHOWN));
      }),
    );
  }

  /** One phone number rating many employees in a day, or many ratings from one address in a day. */
  async #grouped(
    kind: 'phone-many-employees' | 'address-many-ratings',
    column: 'phone_hash' | 'ip_hash',
    where: Conditions,
    query: AnomalyQuery,
  ) {
    const having =
      kind === 'phone-many-employees'
        ? ['COUNT(DISTINCT r.employee_id) >= ?', query.phoneEmployees]
        : ['COUNT(*) >= ?', query.addressRatings];
    const rows = await select<{ key_hash: string; local_date: unknown; n: number; employees: number }>(
      this.sequelize,
      `SELECT r.${column} AS key_hash, r.local_date, COUNT(*) AS n, COUNT(DISTINCT r.employee_id) AS employees FROM ratings r ${where.sql}
       GROUP BY r.${column}, r.local_date HAVING ${having[0]} ORDER BY n DESC, r.local_date LIMIT ${query.limit}`,
      [...where.params, having[1]],
    );
    return Promise.all(
      rows.map(async (row) => {
        const key = row.key_hash;
        const day = dayString(row.local_date);
        const filter = column === 'phone_hash' ? { phoneHash: key } : { ipHash: key };
        const detail =
          kind === 'phone-many-employees'
            ? `one phone number rated ${Number(row.employees)} employees (${Number(row.n)} ratings) in a day`
            : `${Number(row.n)} ratings of ${Number(row.employees)} employee(s) from one client address in a day`;
        return this.#flag(kind, detail, Number(row.n), await this.#ratings({ ...filter, localDate: day }, SHOWN), {
          day,
          key: key.slice(0, 12),
        });
      }),
    );
  }

  /** The counted ratings behind a flag, oldest first. */
  async #ratings(where: WhereOptions<Rating>, limit: number): Promise<FlaggedRating[]> {
    const rows = await Rating.findAll({
      where: { ...(where as object), voidedAt: null },
      include: [
        { model: Employee, as: 'employee', attributes: ['nip', 'name'] },
        { model: ServiceType, as: 'serviceType', attributes: ['code'] },
        { model: WorkArea, as: 'workArea', attributes: ['code'] },
      ],
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
      limit,
    });
    return rows.map((rating) => {
      const r = rating as Rating & { employee: Employee; serviceType: ServiceType; workArea: WorkArea };
      return {
        id: r.id,
        receipt: r.receipt,
        createdAt: new Date(r.createdAt).toISOString(),
        localDate: dayString(r.localDate),
        employee: { nip: r.employee.nip, name: r.employee.name },
        workArea: r.workArea.code,
        serviceType: r.serviceType.code,
        channel: r.channel,
        phone: r.phoneMasked,
      };
    });
  }

  #flag(
    kind: AnomalyKind,
    detail: string,
    count: number,
    ratings: FlaggedRating[],
    extra: { day?: string; key?: string } = {},
  ): AnomalyFlag {
    const first = ratings[0];
    const sameEmployee = first && ratings.every((rating) => rating.employee.nip === first.employee.nip);
    return { kind, detail, count, ...(sameEmployee ? { employee: first.employee } : {}), ...extra, ratings: ratings.slice(0, SHOWN) };
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Whether an instant falls within `HH:MM-HH:MM` at a fixed offset: the same rule as the SQL, for listing. */
function within(iso: string, hours: string, offset: number): boolean {
  const parsed = parseServiceHours(hours);
  if (!parsed) return true;
  const minute = (((Math.floor(Date.parse(iso) / 60_000) + offset) % 1440) + 1440) % 1440;
  return parsed.open < parsed.close ? minute >= parsed.open && minute < parsed.close : minute >= parsed.open || minute < parsed.close;
}

/** The calendar day `days` before a day (YYYY-MM-DD). */
const daysBefore = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
