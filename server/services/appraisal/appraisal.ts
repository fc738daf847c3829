import { Employee, SkpResult } from '../../db/models/index.js';
import type { AppraisalRules } from '../../domain/appraisal/rules.js';
import { invalid } from '../../domain/problem.js';
import type { EmployeeReport, ReportBuilders } from '../reports/report-builders.js';
import type { ReportQuery, ReportScope } from '../reports/report-query.js';
import { attendanceSummary, type AttendanceSummary } from './attendance-summary.js';
import { coreValueFigures, type CoreValueFigure } from './core-value-figures.js';
import { BAYES_WEIGHT, type EmployeeKinerja, type KinerjaService } from './kinerja.js';
import type { AppraisalRulesService } from './rules.js';
import { suggestBehaviour, type BehaviourSuggestion } from './suggestion.js';

/** Who signs an employee's evidence: their direct superior. */
export interface Signer {
  name: string;
  nip: string;
  position: string;
}

export interface EmployeeAppraisal extends EmployeeReport {
  appraisal: {
    /** The office's rules in force on the period's last day, and the day they took effect. */
    rules: Pick<AppraisalRules, 'effectiveFrom' | 'setByOffice' | 'periodKind' | 'minRatings' | 'weights' | 'combined'>;
    coreValues: CoreValueFigure[];
    suggestion: BehaviourSuggestion;
    /** Attendance over the months the period touches, when it was imported. */
    attendance: AttendanceSummary | null;
    /** The SKP result imported for exactly this period (by its code), when there is one. */
    skp: { period: string; workResult: string | null; behaviour: string | null; predikat: string | null } | null;
    /** The combined score of customers, attendance and SKP by the rules' weights (domain/appraisal/combined.ts). */
    combined: EmployeeKinerja['combined'] | null;
    /** The predikat of the period's SKP result: by PermenPANRB 6/2022's matrix, or as imported. */
    predikat: EmployeeKinerja['predikat'];
  };
}

/**
 * One employee's appraisal evidence for a period: the report's figures, the BerAKHLAK core values
 * behind them and the behaviour suggestion, each by the office's rules of that period.
 */
export class AppraisalService {
  constructor(
    private readonly builders: ReportBuilders,
    private readonly rules: AppraisalRulesService,
    private readonly kinerja: KinerjaService,
  ) {}

  /** The superior who signs an employee's evidence: an active employee of the same office, by NIP. */
  async signer(officeId: number, nip: string): Promise<Signer> {
    const superior = await Employee.findOne({ where: { officeId, nip, active: true } });
    if (!superior) throw invalid([{ path: 'superior', message: 'is not an active employee of this office', code: 'unknown_superior' }]);
    return { name: superior.name, nip: superior.nip, position: superior.position };
  }

  async #skp(employeeId: number, period: string | undefined): Promise<EmployeeAppraisal['appraisal']['skp']> {
    const row = period ? await SkpResult.findOne({ where: { employeeId, period } }) : null;
    return row ? { period: row.period, workResult: row.workResult, behaviour: row.behaviour, predikat: row.predikat } : null;
  }

  async employee(scope: ReportScope, nip: string, query: ReportQuery): Promise<EmployeeAppraisal> {
    const report = await this.builders.employee(scope, nip, query);
    const rules = await this.rules.on(scope.officeId, query.to);
    // The office's whole distribution, whatever narrower filter or scope the reader has: only its mean
    // and spread are shown, never another employee's figures.
    const ranking = await this.builders.ranking(
      { officeId: scope.officeId },
      { ...query, workArea: undefined, serviceType: undefined, minRatings: rules.minRatings, weight: BAYES_WEIGHT },
    );
    const { effectiveFrom, setByOffice, periodKind, minRatings, weights, combined } = rules;
    const employee = await Employee.findOne({ where: { officeId: scope.officeId, nip: report.employee.nip }, rejectOnEmpty: true });
    const kinerja = (await this.kinerja.office(scope.officeId, query)).byNip.get(employee.nip);
    return {
      ...report,
      ...(kinerja ? { kinerja: kinerja.cells } : {}),
      appraisal: {
        rules: { effectiveFrom, setByOffice, periodKind, minRatings, weights, combined },
        coreValues: coreValueFigures(report.stars, rules.mapping),
        suggestion: suggestBehaviour(report.employee.nip, ranking, report.figures.count, rules.minRatings),
        attendance: await attendanceSummary(employee.id, query.from, query.to),
        skp: await this.#skp(employee.id, query.period?.code),
        combined: kinerja?.combined ?? null,
        predikat: kinerja?.predikat ?? null,
      },
    };
  }
}
