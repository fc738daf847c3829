import type { Sequelize } from 'sequelize';
import type { KinerjaCells } from '../../domain/appraisal/combined.js';
import { INDICATOR_CODES, type IndicatorCode } from '../../domain/indicators.js';
import { monthStart, STAR_COLUMNS } from '../../db/daily-figures.js';
import { Employee, Office, ServiceType, WorkArea } from '../../db/models/index.js';
import { forbidden, invalid, notFound } from '../../domain/problem.js';
import { addTotals, emptyTotals, figuresOf, SCORE_METHOD, totalsOf, type Figures, type Totals } from './figures.js';
import type { ReportQuery, ReportScope } from './report-query.js';
import { Conditions, select, totalsColumns } from './report-sql.js';

export interface ResolvedFilters {
  office: Office;
  workArea: WorkArea | null;
  serviceType: ServiceType | null;
  query: ReportQuery;
  /** One employee's figures only (an employee of `office`, checked by the caller). */
  employeeId?: number;
}

export interface ReportHeader {
  report: string;
  office: { code: string; name: string; timeZone: string };
  /** With the appraisal period's code and name when the dates are exactly one period (2026-Q3, "Triwulan III 2026"). */
  period: { from: string; to: string; code?: string; name?: { id: string; en: string } };
  filters: { workArea: string | null; serviceType: string | null; verifiedOnly: boolean };
  method: typeof SCORE_METHOD;
  generatedAt: string;
}

/** One month's figures; `month` is YYYY-MM in the office's time zone. */
export interface MonthRow extends Figures {
  month: string;
}

export interface EmployeeRow extends Figures {
  nip: string;
  name: string;
  workArea: { code: string; name: string };
  /** Attendance, SKP, combined score and predikat, when the appraisal figures were added (routes do). */
  kinerja?: KinerjaCells;
}

/** Part of a report's period and the figures table that answers it (dates are YYYY-MM-DD, both ends included). */
export interface DateSlice {
  table: string;
  column: 'local_date' | 'local_month';
  from: string;
  to: string;
}

const shiftDay = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const nextDay = (date: string): string => shiftDay(date, 1);
const previousDay = (date: string): string => shiftDay(date, -1);
const nextMonthStart = (date: string): string => monthStart(shiftDay(monthStart(date), 31));
const previousMonthStart = (date: string): string => monthStart(shiftDay(monthStart(date), -1));

/** A day column as the drivers return it: a string, or (pg) a Date at local midnight. */
export const dayString = (value: unknown): string =>
  value instanceof Date
    ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
    : String(value).slice(0, 10);

/**
 * The figures behind every report, computed by the database from the daily figures (or, for star
 * counts and comments, from the ratings of one employee). Scope comes from the reader's token and
 * always narrows the query; filters can narrow it further, never widen it.
 */
export class ReportService {
  constructor(readonly sequelize: Sequelize) {}

  async resolve(scope: ReportScope, query: ReportQuery): Promise<ResolvedFilters> {
    const office = await Office.findByPk(scope.officeId);
    if (!office) throw notFound('No such office.');
    let workArea: WorkArea | null = null;
    if (query.workArea) {
      workArea = await WorkArea.findOne({ where: { officeId: office.id, code: query.workArea } });
      if (!workArea) throw invalid([{ path: 'workArea', message: 'is not a work area of this office', code: 'unknown_work_area' }]);
    } else if (scope.workAreaId) {
      workArea = await WorkArea.findByPk(scope.workAreaId);
    }
    if (scope.workAreaId && workArea?.id !== scope.workAreaId) {
      throw forbidden('You may read reports of your own work area only.');
    }
    let serviceType: ServiceType | null = null;
    if (query.serviceType) {
      serviceType = await ServiceType.findOne({ where: { officeId: office.id, code: query.serviceType } });
      if (!serviceType)
        throw invalid([{ path: 'serviceType', message: 'is not a service type of this office', code: 'unknown_service_type' }]);
    }
    return { office, workArea, serviceType, query };
  }

  header(report: string, { office, workArea, serviceType, query }: ResolvedFilters): ReportHeader {
    return {
      report,
      office: { code: office.code, name: office.name, timeZone: office.timezone },
      period: { from: query.from, to: query.to, ...(query.period ? { code: query.period.code, name: query.period.name } : {}) },
      filters: { workArea: workArea?.code ?? null, serviceType: serviceType?.code ?? null, verifiedOnly: query.verified },
      method: SCORE_METHOD,
      generatedAt: new Date().toISOString(),
    };
  }

  /**
   * Conditions shared by every query: office (or one employee of it), period, work area, service type,
   * verified only. One employee's figures are found by the employee alone: SQLite keeps no planner
   * statistics, and beside `office_id = ?` it would walk the whole office's period. `dates` narrows the
   * period to part of it, on the monthly tables by their month column.
   */
  conditions(filters: ResolvedFilters, source: 'daily' | 'raw', extra?: (c: Conditions) => void, dates?: DateSlice): Conditions {
    const { column, from, to } = dates ?? { column: 'local_date', from: filters.query.from, to: filters.query.to };
    const c = (
      filters.employeeId === undefined
        ? new Conditions().add('office_id = ?', filters.office.id)
        : new Conditions().add('employee_id = ?', filters.employeeId)
    )
      .add(`${column} >= ?`, from)
      .add(`${column} <= ?`, to);
    if (filters.workArea) c.add('work_area_id = ?', filters.workArea.id);
    if (filters.serviceType) c.add('service_type_id = ?', filters.serviceType.id);
    if (filters.query.verified) c.add('verified = ?', true);
    if (source === 'raw') c.add('voided_at IS NULL');
    extra?.(c);
    return c;
  }

  /**
   * Which table answers which days of the period: its whole months from the monthly figures, the days
   * before the first whole month and after the last from the daily ones. The finer tables (per service
   * type) are read only when a service type is part of the question.
   */
  slices(filters: ResolvedFilters, byServiceType = false): DateSlice[] {
    const fine = Boolean(filters.serviceType) || byServiceType;
    const daily = (from: string, to: string): DateSlice => ({
      table: fine ? 'rating_daily' : 'rating_daily_employee',
      column: 'local_date',
      from,
      to,
    });
    const { from, to } = filters.query;
    const firstWhole = from.endsWith('-01') ? from : nextMonthStart(from);
    const afterLastWhole = monthStart(to) === monthStart(nextDay(to)) ? monthStart(to) : nextMonthStart(to);
    if (firstWhole >= afterLastWhole) return [daily(from, to)];
    const slices: DateSlice[] = [
      {
        table: fine ? 'rating_monthly' : 'rating_monthly_employee',
        column: 'local_month',
        from: firstWhole,
        to: previousMonthStart(afterLastWhole),
      },
    ];
    if (from < firstWhole) slices.push(daily(from, previousDay(firstWhole)));
    if (afterLastWhole <= to) slices.push(daily(afterLastWhole, to));
    return slices;
  }

  async totalsBy(filters: ResolvedFilters, column: string, byServiceType = false, extra?: (c: Conditions) => void) {
    const totals = new Map<number | string, Totals>();
    for (const slice of this.slices(filters, byServiceType)) {
      const where = this.conditions(filters, 'daily', extra, slice);
      const key = column === 'local_date' ? slice.column : column;
      const rows = await select(
        this.sequelize,
        `SELECT ${key} AS k, ${totalsColumns('daily')} FROM ${slice.table} ${where.sql} GROUP BY ${key}`,
        where.params,
      );
      for (const row of rows) {
        const k = column === 'local_date' ? dayString(row.k) : (row.k as number | string);
        totals.set(k, addTotals(totals.get(k) ?? emptyTotals(), totalsOf(row)));
      }
    }
    return totals;
  }

  /** One row per employee in scope: everyone with ratings in the period, and every active employee. */
  async employeeRows(filters: ResolvedFilters): Promise<EmployeeRow[]> {
    return (await this.employeeRowsWithTotals(filters)).rows;
  }

  /** The rows, and each employee's exact totals by NIP for computations that must not use rounded figures. */
  async employeeRowsWithTotals(filters: ResolvedFilters): Promise<{ rows: EmployeeRow[]; totals: Map<string, Totals> }> {
    const totals = await this.totalsBy(filters, 'employee_id');
    const employees = await Employee.findAll({
      where: { officeId: filters.office.id },
      include: [{ model: WorkArea, as: 'workArea', required: true }],
      order: [['name', 'ASC']],
    });
    const listed = employees.filter((e) => totals.has(e.id) || (e.active && (!filters.workArea || e.workAreaId === filters.workArea.id)));
    const rows = listed.map((e) => {
      const area = (e as Employee & { workArea: WorkArea }).workArea;
      return { nip: e.nip, name: e.name, workArea: { code: area.code, name: area.name }, ...figuresOf(totals.get(e.id) ?? emptyTotals()) };
    });
    return { rows, totals: new Map(listed.map((e) => [e.nip, totals.get(e.id) ?? emptyTotals()])) };
  }

  async officeTotals(filters: ResolvedFilters) {
    const all = emptyTotals();
    for (const totals of (await this.totalsBy(filters, 'office_id')).values()) addTotals(all, totals);
    return all;
  }

  /**
   * Star counts per indicator: how many 1s, 2s, … 5s each indicator got, for everyone in scope or for
   * one employee, from the daily figures like every other figure.
   */
  async starDistribution(filters: ResolvedFilters): Promise<Record<IndicatorCode, number[]>> {
    const columns = STAR_COLUMNS.map((column) => `SUM(${column}) AS ${column}`);
    const stars = Object.fromEntries(INDICATOR_CODES.map((code) => [code, [0, 0, 0, 0, 0]])) as Record<IndicatorCode, number[]>;
    for (const slice of this.slices(filters)) {
      const where = this.conditions(filters, 'daily', undefined, slice);
      const [row = {}] = await select(this.sequelize, `SELECT ${columns.join(', ')} FROM ${slice.table} ${where.sql}`, where.params);
      for (const code of INDICATOR_CODES)
        [1, 2, 3, 4, 5].forEach((star, i) => (stars[code][i] += Number(row[`stars_${code}_${star}`] ?? 0)));
    }
    return stars;
  }

  /** The figures month by month (YYYY-MM, office-local), oldest first: daily figures folded into months. */
  async byMonth(filters: ResolvedFilters, extra?: (c: Conditions) => void): Promise<MonthRow[]> {
    const months = new Map<string, Totals>();
    for (const [day, totals] of await this.totalsBy(filters, 'local_date', false, extra)) {
      const month = dayString(day).slice(0, 7);
      months.set(month, addTotals(months.get(month) ?? emptyTotals(), totals));
    }
    return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, totals]) => ({ month, ...figuresOf(totals) }));
  }
}
