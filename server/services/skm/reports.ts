import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { Office, ServiceType } from '../../db/models/index.js';
import { computeIkm, isUsedElement, type SkmResult } from '../../domain/skm/ikm.js';
import { parsePeriodKey, periodsUpTo, type SkmPeriod } from '../../domain/skm/periods.js';
import { SKM_PROFILE, SKM_PROFILE_FIELDS, type SkmProfileField } from '../../domain/skm/respondent.js';
import { sampleSufficiency, type SampleSufficiency } from '../../domain/skm/sample-size.js';
import { settingsOn } from '../../domain/skm/settings.js';
import { invalid, notFound } from '../../domain/problem.js';
import type { SkmFollowUps, SkmFollowUpView } from './follow-ups.js';
import { skmCountsBy, skmSuggestions, skmTotals, type SkmFilter } from './report-sql.js';
import { scopeOf, type SkmSettingsService } from './settings-service.js';

export const skmReportQuerySchema = z.strictObject({
  period: z.string().refine((key) => parsePeriodKey(key) !== null, 'must be a period: 2026-Q1, 2026-H1 or 2026'),
  serviceType: z.string().max(64).optional(),
  /** Customers served in the period, for the minimum sample; by default from the settings (per quarter). */
  population: z.coerce.number().int('must be a whole number').min(0).max(100_000_000).optional(),
  trend: z.coerce.number().int().min(1).max(12).default(4),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

export type SkmReportQuery = z.infer<typeof skmReportQuerySchema>;

export interface SkmProfileRow {
  code: string;
  label: { id: string; en: string };
  count: number;
  /** Share of the respondents, in percent, one decimal. */
  percent: number;
}

export interface SkmReport {
  report: 'skm';
  office: { code: string; name: string };
  period: Pick<SkmPeriod, 'key' | 'kind' | 'from' | 'to' | 'label'>;
  serviceType: { code: string; name: string } | null;
  result: SkmResult;
  profile: Record<SkmProfileField, SkmProfileRow[]>;
  serviceTypes: { code: string; name: string; respondents: number; ikm: number | null; grade: string | null }[];
  trend: { period: string; label: { id: string; en: string }; respondents: number; ikm: number | null; grade: string | null }[];
  lowest: { code: string; name: { id: string; en: string }; nrr: number; followUp: SkmFollowUpView | null }[];
  followUps: SkmFollowUpView[];
  sample: SampleSufficiency | null;
  suggestions: { localDate: string; text: string }[];
  method: { id: string; en: string };
}

export const SKM_METHOD = {
  id:
    'Dihitung menurut PermenPANRB 14/2017, Lampiran Bab IV: NRR per unsur = jumlah nilai / jumlah kuesioner yang mengisi unsur itu; ' +
    'NRR tertimbang = NRR x 1/k (k = jumlah unsur yang terisi); IKM = jumlah NRR tertimbang; IKM konversi = IKM x 25; ' +
    'mutu: A Sangat Baik 88,31-100,00; B Baik 76,61-88,30; C Kurang Baik 65,00-76,60; D Tidak Baik 25,00-64,99. ' +
    'Sampel minimum menurut tabel Krejcie dan Morgan (Lampiran Bab III).',
  en:
    'Computed by PermenPANRB 14/2017, Appendix ch. IV: NRR per element = sum of answers / questionnaires answering it; ' +
    'weighted NRR = NRR x 1/k (k = elements answered); IKM = sum of weighted NRRs; converted IKM = IKM x 25; ' +
    'grade: A Very good 88.31-100.00; B Good 76.61-88.30; C Fair 65.00-76.60; D Poor 25.00-64.99. ' +
    'Minimum sample by the Krejcie and Morgan table (Appendix ch. III).',
};

const QUARTERS_IN: Record<SkmPeriod['kind'], number> = { quarter: 1, half: 2, year: 4 };
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The SKM report of an office for a period: the IKM table per element, profile, trend, follow-up, sample. */
export class SkmReports {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly settings: SkmSettingsService,
    private readonly followUps: SkmFollowUps,
  ) {}

  async build(officeId: number, query: SkmReportQuery): Promise<SkmReport> {
    const office = await Office.findByPk(officeId);
    if (!office) throw notFound('No such office.');
    const period = parsePeriodKey(query.period);
    if (!period) throw invalid([{ path: 'period', message: 'must be a period: 2026-Q1, 2026-H1 or 2026' }]);
    const type = query.serviceType ? await ServiceType.findOne({ where: { officeId, code: query.serviceType } }) : null;
    if (query.serviceType && !type) throw invalid([{ path: 'serviceType', message: 'is not a service type of this office' }]);
    const filter: SkmFilter = { officeId, from: period.from, to: period.to, serviceTypeId: type?.id ?? null };

    const { respondents, totals } = await skmTotals(this.sequelize, filter);
    const result = computeIkm(totals, respondents);
    const profile = {} as SkmReport['profile'];
    const columns: Record<SkmProfileField, 'sex' | 'age_group' | 'education' | 'occupation'> = {
      sex: 'sex',
      ageGroup: 'age_group',
      education: 'education',
      occupation: 'occupation',
    };
    for (const field of SKM_PROFILE_FIELDS) {
      const counts = await skmCountsBy(this.sequelize, filter, columns[field]);
      profile[field] = SKM_PROFILE[field].options.map((option) => {
        const count = counts.get(option.code) ?? 0;
        return { code: option.code, label: option.label, count, percent: respondents ? round1((count / respondents) * 100) : 0 };
      });
    }

    const serviceTypes: SkmReport['serviceTypes'] = [];
    if (!type) {
      const counts = await skmCountsBy(this.sequelize, filter, 'service_type_id');
      const types = await ServiceType.findAll({
        where: { officeId },
        order: [
          ['sortOrder', 'ASC'],
          ['id', 'ASC'],
        ],
      });
      for (const each of types) {
        const count = counts.get(String(each.id));
        if (count === undefined) continue;
        const figures = computeIkm((await skmTotals(this.sequelize, { ...filter, serviceTypeId: each.id })).totals, count);
        serviceTypes.push({ code: each.code, name: each.name, respondents: figures.respondents, ikm: figures.ikm, grade: figures.grade });
      }
    }

    const trend: SkmReport['trend'] = [];
    for (const each of periodsUpTo(period, query.trend)) {
      const computed = each.key === period.key ? result : await this.#figures({ ...filter, from: each.from, to: each.to });
      trend.push({ period: each.key, label: each.label, respondents: computed.respondents, ikm: computed.ikm, grade: computed.grade });
    }

    const scope = scopeOf(type?.id ?? null);
    const followUps = await this.followUps.list(officeId, period.key, scope);
    const lowest = result.lowest.map((code) => {
      const element = result.elements.find((e) => e.code === code);
      if (!element || !isUsedElement(element)) throw new Error(`the lowest element ${code} is not a used element of the result`);
      return { code, name: element.name, nrr: element.nrr, followUp: followUps.find((f) => f.element === code) ?? null };
    });

    const settings = settingsOn(await this.settings.versions(officeId), period.to, type?.id ?? null);
    const population = query.population ?? (settings.population === null ? null : settings.population * QUARTERS_IN[period.kind]);
    return {
      report: 'skm',
      office: { code: office.code, name: office.name },
      period: { key: period.key, kind: period.kind, from: period.from, to: period.to, label: period.label },
      serviceType: type ? { code: type.code, name: type.name } : null,
      result,
      profile,
      serviceTypes,
      trend,
      lowest,
      followUps,
      sample: population === null ? null : sampleSufficiency(population, respondents),
      suggestions: await skmSuggestions(this.sequelize, filter, 50),
      method: SKM_METHOD,
    };
  }

  async #figures(filter: SkmFilter): Promise<SkmResult> {
    const { respondents, totals } = await skmTotals(this.sequelize, filter);
    return computeIkm(totals, respondents);
  }
}
