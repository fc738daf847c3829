import { Op } from 'sequelize';
import { AttendanceMonth, Employee, SkpResult } from '../../db/models/index.js';
import { combinedScore, type CombinedInputs, type CombinedScore, type KinerjaCells } from '../../domain/appraisal/combined.js';
import { isSkpLevel, PREDIKAT_NAMES, predikatOfResult, type Predikat } from '../../domain/appraisal/predikat.js';
import type { AppraisalRules } from '../../domain/appraisal/rules.js';
import type { EmployeeReport, GroupReport, RankingReport, ReportBuilders, SummaryReport } from '../reports/report-builders.js';
import type { ReportQuery } from '../reports/report-query.js';
import type { AppraisalRulesService } from './rules.js';

/** The Bayesian pull of the customers' part: the ranking's default, as the behaviour suggestion uses. */
export const BAYES_WEIGHT = 10;

export interface EmployeeKinerja {
  cells: KinerjaCells;
  combined: CombinedScore;
  predikat: { code: Predikat; name: { id: string; en: string }; source: 'matrix' | 'imported' } | null;
}

export interface OfficeKinerja {
  rules: AppraisalRules;
  byNip: Map<string, EmployeeKinerja>;
}

/**
 * Every employee's combined score and predikat for a period, by the office's rules in force on the
 * period's last day. The customers' part is the employee's whole period across work areas and service
 * types (a report's filters choose whom it lists, not the figures behind this score); only `verified`
 * is kept, as the report counts.
 */
export class KinerjaService {
  constructor(
    private readonly builders: ReportBuilders,
    private readonly rules: AppraisalRulesService,
  ) {}

  async office(officeId: number, query: ReportQuery): Promise<OfficeKinerja> {
    const rules = await this.rules.on(officeId, query.to);
    const [ranking, employees, months, skps] = await Promise.all([
      this.builders.ranking(
        { officeId },
        { ...query, workArea: undefined, serviceType: undefined, minRatings: 1, weight: BAYES_WEIGHT, format: 'json' },
      ),
      Employee.findAll({ where: { officeId }, attributes: ['id', 'nip'] }),
      AttendanceMonth.findAll({ where: { officeId, month: { [Op.gte]: query.from.slice(0, 7), [Op.lte]: query.to.slice(0, 7) } } }),
      query.period ? SkpResult.findAll({ where: { officeId, period: query.period.code } }) : Promise.resolve([]),
    ]);
    const bayes = new Map(ranking.ranked.map((row) => [row.nip, { bayesian: row.bayesian, count: row.count }]));
    const attendance = new Map<number, NonNullable<CombinedInputs['attendance']>>();
    for (const row of months) {
      const sum = attendance.get(row.employeeId) ?? { workingDays: 0, presentDays: 0, leaveDays: 0, lateMinutes: 0, earlyLeaveMinutes: 0 };
      sum.workingDays += row.workingDays;
      sum.presentDays += row.presentDays;
      sum.leaveDays += row.leaveDays;
      sum.lateMinutes += row.lateMinutes;
      sum.earlyLeaveMinutes += row.earlyLeaveMinutes;
      attendance.set(row.employeeId, sum);
    }
    const skpOf = new Map(skps.map((row) => [row.employeeId, row]));
    const byNip = new Map<string, EmployeeKinerja>();
    for (const employee of employees) {
      const skp = skpOf.get(employee.id);
      const workResult = skp && isSkpLevel(skp.workResult) ? skp.workResult : null;
      const combined = combinedScore(
        { customers: bayes.get(employee.nip) ?? null, attendance: attendance.get(employee.id) ?? null, skpWorkResult: workResult },
        rules.weights,
        rules.combined,
        rules.minRatings,
      );
      const predikat = skp ? predikatOfResult(skp) : null;
      byNip.set(employee.nip, {
        cells: {
          attendanceRate: combined.attendanceRate,
          skpWorkResult: workResult,
          combinedScore: combined.score,
          predikat: predikat?.code ?? null,
        },
        combined,
        predikat: predikat ? { ...predikat, name: PREDIKAT_NAMES[predikat.code] } : null,
      });
    }
    return { rules, byNip };
  }
}

type Enrichable = SummaryReport | GroupReport | RankingReport | EmployeeReport;

/**
 * Adds each listed employee's attendance rate, SKP work result, combined score and predikat to a
 * report, and with `orderBy=combined` orders the ranking by the combined score: the employees the
 * ranking's rules rank that have a combined score, highest first (ties by Bayesian average, then
 * ratings, then name); ranked employees without one are listed as not yet ranked.
 */
export async function withKinerja<R extends Enrichable>(
  kinerja: KinerjaService,
  officeId: number,
  report: R,
  query: ReportQuery,
): Promise<R> {
  if (report.report === 'work-areas' || report.report === 'service-types') return report;
  const { byNip } = await kinerja.office(officeId, query);
  const cellsOf = (nip: string): KinerjaCells =>
    byNip.get(nip)?.cells ?? { attendanceRate: null, skpWorkResult: null, combinedScore: null, predikat: null };
  if ('rows' in report && report.report === 'summary') {
    const summary = report as SummaryReport;
    return { ...summary, rows: summary.rows.map((row) => ({ ...row, kinerja: cellsOf(row.nip) })) } as R;
  }
  if ('ranked' in report) {
    const ranked = report.ranked.map((row) => ({ ...row, kinerja: cellsOf(row.nip) }));
    const notYetRanked = report.notYetRanked.map((row) => ({ ...row, kinerja: cellsOf(row.nip) }));
    if (query.orderBy !== 'combined') {
      return { ...report, ranked, notYetRanked, rankingMethod: { ...report.rankingMethod, orderBy: 'bayesian' } };
    }
    const scored = ranked
      .filter((row) => row.kinerja.combinedScore !== null)
      .sort(
        (a, b) =>
          (b.kinerja.combinedScore ?? 0) - (a.kinerja.combinedScore ?? 0) ||
          b.bayesian - a.bayesian ||
          b.count - a.count ||
          a.name.localeCompare(b.name),
      )
      .map((row, index) => ({ ...row, rank: index + 1 }));
    const unscored = ranked.filter((row) => row.kinerja.combinedScore === null).map(({ rank: _rank, bayesian: _bayesian, ...row }) => row);
    const explanation =
      `${report.rankingMethod.explanation} Urutan memakai nilai gabungan (pelanggan, kehadiran, hasil kerja SKP) menurut bobot kantor; ` +
      'pegawai tanpa nilai gabungan (data belum cukup) belum diberi peringkat.';
    return {
      ...report,
      ranked: scored,
      notYetRanked: [...unscored, ...notYetRanked].sort((a, b) => a.name.localeCompare(b.name)),
      rankingMethod: { ...report.rankingMethod, orderBy: 'combined', explanation },
    };
  }
  const employee = report as EmployeeReport;
  return { ...employee, kinerja: cellsOf(employee.employee.nip) } as R;
}
