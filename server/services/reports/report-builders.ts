import type * as Contract from '../../../contract/index.js';
import type { Satisfies } from '../../../contract/index.js';
import { Employee, ServiceType, WorkArea } from '../../db/models/index.js';
import type { KinerjaCells } from '../../domain/appraisal/combined.js';
import type { IndicatorCode } from '../../domain/indicators.js';
import { forbidden, notFound } from '../../domain/problem.js';
import { addTotals, emptyTotals, figuresOf, type Figures } from './figures.js';
import type { ReportQuery, ReportScope } from './report-query.js';
import { select } from './report-sql.js';
import { dayString, type EmployeeRow, type MonthRow, type ReportHeader, type ReportService, type ResolvedFilters } from './reports.js';
import { rank, type RankingResult } from './ranking.js';

export interface SummaryReport extends ReportHeader {
  totals: Figures;
  /** Per indicator, how many ratings gave 1, 2, 3, 4 and 5 stars (index 0 is one star). */
  stars: Record<IndicatorCode, number[]>;
  /** The same figures month by month, oldest first; months without ratings are left out. */
  byMonth: MonthRow[];
  rows: EmployeeRow[];
}

export interface GroupRow extends Figures {
  code: string;
  name: string;
}

export interface GroupReport extends ReportHeader {
  totals: Figures;
  rows: GroupRow[];
}

export interface EmployeeReport extends ReportHeader {
  employee: { nip: string; name: string; position: string; workArea: { code: string; name: string } };
  figures: Figures;
  stars: Record<IndicatorCode, number[]>;
  byServiceType: GroupRow[];
  byMonth: MonthRow[];
  comments: ReportComment[];
  /** Attendance, SKP, combined score and predikat, when the appraisal figures were added (routes do). */
  kinerja?: KinerjaCells;
}

export type ReportComment = Contract.ReportComment;

export interface RankingReport extends ReportHeader, RankingResult {}

/** The answers of the report API are the contract's, which the dashboard reads: a drift fails to compile. */
export type ReportContract = [
  Satisfies<SummaryReport, Contract.SummaryReport>,
  Satisfies<GroupReport, Contract.GroupReport>,
  Satisfies<RankingReport, Contract.RankingReport>,
  Satisfies<EmployeeReport, Contract.EmployeeReport>,
];

/** How many comments an employee report lists, newest first. */
const COMMENT_LIMIT = 500;

export class ReportBuilders {
  constructor(private readonly reports: ReportService) {}

  async summary(scope: ReportScope, query: ReportQuery): Promise<SummaryReport> {
    const filters = await this.reports.resolve(scope, query);
    const [totals, stars, byMonth, rows] = await Promise.all([
      this.reports.officeTotals(filters),
      this.reports.starDistribution(filters),
      this.reports.byMonth(filters),
      this.reports.employeeRows(filters),
    ]);
    return { ...this.reports.header('summary', filters), totals: figuresOf(totals), stars, byMonth, rows };
  }

  async ranking(scope: ReportScope, query: ReportQuery): Promise<RankingReport> {
    const filters = await this.reports.resolve(scope, query);
    const { rows, totals } = await this.reports.employeeRowsWithTotals(filters);
    return { ...this.reports.header('ranking', filters), ...rank(rows, totals, { minRatings: query.minRatings, weight: query.weight }) };
  }

  async workAreas(scope: ReportScope, query: ReportQuery): Promise<GroupReport> {
    const filters = await this.reports.resolve(scope, query);
    const totals = await this.reports.totalsBy(filters, 'work_area_id');
    const areas = await WorkArea.findAll({ where: { officeId: filters.office.id }, order: [['id', 'ASC']] });
    const rows = areas
      .filter((area) => totals.has(area.id) || (area.active && (!filters.workArea || area.id === filters.workArea.id)))
      .map((area) => ({ code: area.code, name: area.name, ...figuresOf(totals.get(area.id) ?? emptyTotals()) }));
    return { ...this.reports.header('work-areas', filters), totals: figuresOf(sum(totals.values())), rows };
  }

  async serviceTypes(scope: ReportScope, query: ReportQuery): Promise<GroupReport> {
    const filters = await this.reports.resolve(scope, query);
    const totals = await this.reports.totalsBy(filters, 'service_type_id', true);
    const types = await ServiceType.findAll({
      where: { officeId: filters.office.id },
      order: [
        ['sortOrder', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const rows = types
      .filter((type) => totals.has(type.id) || (type.active && (!filters.serviceType || type.id === filters.serviceType.id)))
      .map((type) => ({ code: type.code, name: type.name, ...figuresOf(totals.get(type.id) ?? emptyTotals()) }));
    return { ...this.reports.header('service-types', filters), totals: figuresOf(sum(totals.values())), rows };
  }

  async employee(scope: ReportScope, nip: string, query: ReportQuery): Promise<EmployeeReport> {
    const filters = await this.reports.resolve(scope, query);
    const employee = await Employee.findOne({
      where: { nip, officeId: filters.office.id },
      include: [{ model: WorkArea, as: 'workArea', required: true }],
    });
    if (!employee) throw notFound('No employee of this office has that NIP or staff code.');
    if (scope.workAreaId && employee.workAreaId !== scope.workAreaId) {
      throw forbidden('This employee is not in your work area.');
    }
    const mine: ResolvedFilters = { ...filters, employeeId: employee.id };
    const [total, stars, typeTotals, byMonth, types, comments] = await Promise.all([
      this.reports.totalsBy(mine, 'employee_id'),
      this.reports.starDistribution(mine),
      this.reports.totalsBy(mine, 'service_type_id', true),
      this.reports.byMonth(mine),
      ServiceType.findAll({ where: { officeId: filters.office.id } }),
      this.#comments(mine),
    ]);
    const typeById = new Map(types.map((type) => [type.id, type]));
    const area = (employee as Employee & { workArea: WorkArea }).workArea;
    return {
      ...this.reports.header('employee', filters),
      employee: { nip: employee.nip, name: employee.name, position: employee.position, workArea: { code: area.code, name: area.name } },
      figures: figuresOf(total.get(employee.id) ?? emptyTotals()),
      stars,
      byServiceType: [...typeTotals]
        .map(([id, totals]) => ({
          code: typeById.get(id as number)?.code ?? '',
          name: typeById.get(id as number)?.name ?? '',
          ...figuresOf(totals),
        }))
        .sort((a, b) => b.count - a.count),
      byMonth,
      comments: comments.map(({ serviceTypeId, ...comment }) => ({ ...comment, serviceType: typeById.get(serviceTypeId)?.name ?? '' })),
    };
  }

  async #comments(filters: ResolvedFilters): Promise<(Omit<ReportComment, 'serviceType'> & { serviceTypeId: number })[]> {
    const where = this.reports.conditions(filters, 'raw', (c) => c.add('comment IS NOT NULL'));
    const rows = await select(
      this.reports.sequelize,
      `SELECT local_date, created_at, service_type_id, comment, phone_masked, verified FROM ratings ${where.sql} ORDER BY created_at DESC LIMIT ${COMMENT_LIMIT}`,
      where.params,
    );
    return rows.map((row) => ({
      date: dayString(row.local_date),
      createdAt: instantOf(row.created_at).toISOString(),
      serviceTypeId: Number(row.service_type_id),
      comment: String(row.comment),
      phone: String(row.phone_masked),
      verified: Boolean(Number(row.verified)),
    }));
  }
}

/** A timestamp as the drivers return it: a Date, or (SQLite) Sequelize's text form "YYYY-MM-DD HH:MM:SS.SSS +00:00". */
export function instantOf(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(
    String(value)
      .replace(' ', 'T')
      .replace(/ ?\+00:00$/, 'Z'),
  );
}

function sum(totals: Iterable<ReturnType<typeof emptyTotals>>) {
  const all = emptyTotals();
  for (const t of totals) addTotals(all, t);
  return all;
}
