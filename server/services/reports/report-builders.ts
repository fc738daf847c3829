import { Employee, ServiceType, WorkArea } from '../../db/models/index.js';
import { ProblemError, notFound, problemType } from '../../http/problem.js';
import { addTotals, emptyTotals, figuresOf, type Figures } from './figures.js';
import type { ReportQuery, ReportScope } from './report-query.js';
import { select } from './report-sql.js';
import { dayString, type EmployeeRow, type ReportHeader, type ReportService, type ResolvedFilters } from './reports.js';
import { rank, type RankingResult } from './ranking.js';

export interface SummaryReport extends ReportHeader {
  totals: Figures;
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
  stars: Record<string, number[]>;
  byServiceType: GroupRow[];
  byMonth: (Figures & { month: string })[];
  comments: ReportComment[];
}

export interface ReportComment {
  date: string;
  createdAt: string;
  serviceType: string;
  comment: string;
  /** Masked: 0812****7890. */
  phone: string;
  verified: boolean;
}

export interface RankingReport extends ReportHeader, RankingResult {}

/** How many comments an employee report lists, newest first. */
const COMMENT_LIMIT = 500;

export class ReportBuilders {
  constructor(private readonly reports: ReportService) {}

  async summary(scope: ReportScope, query: ReportQuery): Promise<SummaryReport> {
    const filters = await this.reports.resolve(scope, query);
    return {
      ...this.reports.header('summary', filters),
      totals: figuresOf(await this.reports.officeTotals(filters)),
      rows: await this.reports.employeeRows(filters),
    };
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
    const types = await ServiceType.findAll({ where: { officeId: filters.office.id }, order: [['sortOrder', 'ASC'], ['id', 'ASC']] });
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
      throw new ProblemError({ type: problemType('forbidden'), title: 'Forbidden', status: 403, detail: 'This employee is not in your work area.' });
    }
    const [total, stars, typeTotals, dayTotals, types, comments] = await Promise.all([
      this.reports.totalsBy(filters, 'employee_id', false, employee.id),
      this.reports.starDistribution(filters, employee.id),
      this.reports.totalsBy(filters, 'service_type_id', true, employee.id),
      this.reports.totalsBy(filters, 'local_date', false, employee.id),
      ServiceType.findAll({ where: { officeId: filters.office.id } }),
      this.#comments(filters, employee.id),
    ]);
    const typeById = new Map(types.map((type) => [type.id, type]));
    const months = new Map<string, ReturnType<typeof emptyTotals>>();
    for (const [day, totals] of dayTotals) {
      const month = dayString(day).slice(0, 7);
      months.set(month, addTotals(months.get(month) ?? emptyTotals(), totals));
    }
    const area = (employee as Employee & { workArea: WorkArea }).workArea;
    return {
      ...this.reports.header('employee', filters),
      employee: { nip: employee.nip, name: employee.name, position: employee.position, workArea: { code: area.code, name: area.name } },
      figures: figuresOf(total.get(employee.id) ?? emptyTotals()),
      stars,
      byServiceType: [...typeTotals]
        .map(([id, totals]) => ({ code: typeById.get(id as number)?.code ?? '', name: typeById.get(id as number)?.name ?? '', ...figuresOf(totals) }))
        .sort((a, b) => b.count - a.count),
      byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, totals]) => ({ month, ...figuresOf(totals) })),
      comments: comments.map(({ serviceTypeId, ...comment }) => ({ ...comment, serviceType: typeById.get(serviceTypeId)?.name ?? '' })),
    };
  }

  async #comments(filters: ResolvedFilters, employeeId: number): Promise<(Omit<ReportComment, 'serviceType'> & { serviceTypeId: number })[]> {
    const where = this.reports.conditions(filters, 'raw', employeeId, (c) => c.add('comment IS NOT NULL'));
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
  return new Date(String(value).replace(' ', 'T').replace(/ ?\+00:00$/, 'Z'));
}

function sum(totals: Iterable<ReturnType<typeof emptyTotals>>) {
  const all = emptyTotals();
  for (const t of totals) addTotals(all, t);
  return all;
}
