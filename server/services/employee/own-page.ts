import { Op } from 'sequelize';
import { z } from 'zod';
import { Office, Rating, ServiceType } from '../../db/models/index.js';
import { INDICATOR_CODES, type IndicatorCode } from '../../domain/indicators.js';
import { localDate } from '../../domain/local-date.js';
import { notFound } from '../../domain/problem.js';
import type { OwnComments, OwnFigures, OwnProfile } from '../../../contract/index.js';
import type { SignedInEmployee } from './sessions.js';
import { BAYES_WEIGHT } from '../appraisal/kinerja.js';
import { withoutPhones } from '../privacy/free-text.js';
import type { PublicEmployees } from '../qr/public-employees.js';
import { emptyTotals, figuresOf, SCORE_METHOD } from '../reports/figures.js';
import type { ReportBuilders } from '../reports/report-builders.js';
import { reportQuerySchema, type ReportQuery } from '../reports/report-query.js';
import { dayString } from '../reports/reports.js';

export const figuresQuerySchema = z.strictObject({
  months: z.coerce.number().int().min(1, 'must be at least 1').max(36, 'must be at most 36').default(12),
});

export const commentsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const MIN_RATINGS = 5;

/** The first day of the month `back` months before the month of `day` (YYYY-MM-DD). */
function monthsBefore(day: string, back: number): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * What an employee signed in to their own page may read: their own figures, comments and codes, found
 * by the employee of the session alone (never by an identifier from the request). Comments are the
 * report's: voided ratings never appear; phone numbers are never part of the answer, neither the
 * rating's masked number nor a number the customer typed into the comment.
 */
export class EmployeeOwnPage {
  constructor(
    private readonly builders: ReportBuilders,
    private readonly employees: PublicEmployees,
  ) {}

  async profile(me: SignedInEmployee): Promise<OwnProfile> {
    const employee = await this.employees.find(me.nip);
    if (!employee) throw notFound('This employee is not active.');
    const path = `/qr/${encodeURIComponent(employee.nip)}`;
    return { ...employee, qr: { svg: `${path}.svg`, png: `${path}.png` }, card: `/card/${encodeURIComponent(employee.nip)}` };
  }

  async figures(me: SignedInEmployee, months: number, now = new Date()): Promise<OwnFigures> {
    const office = await Office.findByPk(me.officeId, { rejectOnEmpty: true });
    const to = localDate(now, office.timezone);
    const from = monthsBefore(to, months - 1);
    const query: ReportQuery = reportQuerySchema.parse({ from, to, minRatings: String(MIN_RATINGS), weight: String(BAYES_WEIGHT) });
    const scope = { officeId: me.officeId };
    const report = await this.builders.employee(scope, me.nip, query);
    // The office's ranking computes the prior; only this employee's own value is kept from it.
    const ranking = await this.builders.ranking(scope, query);
    const own = ranking.ranked.find((row) => row.nip === me.nip);
    const known = new Map(report.byMonth.map((row) => [row.month, row]));
    const byMonth = Array.from({ length: months }, (_, i) => monthsBefore(to, months - 1 - i).slice(0, 7)).map(
      (month) => known.get(month) ?? { month, ...figuresOf(emptyTotals()) },
    );
    return {
      period: { from, to },
      method: SCORE_METHOD,
      totals: report.figures,
      byMonth,
      bayesian: { value: own?.bayesian ?? null, minRatings: MIN_RATINGS, weight: BAYES_WEIGHT },
    };
  }

  async comments(me: SignedInEmployee, limit: number, offset: number): Promise<OwnComments> {
    const where = { employeeId: me.id, comment: { [Op.ne]: null }, voidedAt: null };
    const [total, rows] = await Promise.all([
      Rating.count({ where }),
      Rating.findAll({
        where,
        attributes: ['localDate', 'serviceTypeId', 'comment', ...INDICATOR_CODES],
        order: [
          ['createdAt', 'DESC'],
          ['id', 'DESC'],
        ],
        limit,
        offset,
      }),
    ]);
    const typeIds = [...new Set(rows.map((row) => row.serviceTypeId))];
    const types = typeIds.length ? await ServiceType.findAll({ where: { id: typeIds }, attributes: ['id', 'name'] }) : [];
    const typeName = new Map(types.map((type) => [type.id, type.name]));
    const comments = rows.map((row) => ({
      date: dayString(row.localDate),
      serviceType: typeName.get(row.serviceTypeId) ?? '',
      scores: Object.fromEntries(INDICATOR_CODES.map((code) => [code, Number(row[code])])) as Record<IndicatorCode, number>,
      comment: withoutPhones(String(row.comment)),
    }));
    return { comments, total, limit, offset };
  }
}
