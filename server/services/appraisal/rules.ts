import type { Sequelize } from 'sequelize';
import { z } from 'zod';
import { AppraisalRuleSet, Office } from '../../db/models/index.js';
import { combinedRulesSchema } from '../../domain/appraisal/combined.js';
import { localDate } from '../../domain/local-date.js';
import { CORE_VALUES, DEFAULT_MAPPING_REASONS } from '../../domain/appraisal/core-values.js';
import { periodsOfYear, type AppraisalPeriod } from '../../domain/appraisal/periods.js';
import {
  appraisalRulesSchema,
  DEFAULT_RULES,
  rulesOn,
  type AppraisalRules,
  type AppraisalRulesInput,
} from '../../domain/appraisal/rules.js';
import { conflict } from '../../domain/problem.js';
import { officeOf, uniqueOr409 } from '../admin/fields.js';
import type { Actor, AuditLog } from '../admin/audit.js';

export const periodListSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

/** A change of the combined score's weights (and optionally its rules) from a day; the rest of the set carries over. */
export const weightsChangeSchema = z.strictObject({
  effectiveFrom: appraisalRulesSchema.shape.effectiveFrom,
  weights: appraisalRulesSchema.shape.weights,
  combined: combinedRulesSchema.optional(),
});
export type WeightsChange = z.infer<typeof weightsChangeSchema>;

export interface RuleSetView extends AppraisalRules {
  createdAt: string | null;
}

/** The rule sets of an office, newest first, read whole: an office has a handful at most. */
async function setsOf(officeId: number): Promise<RuleSetView[]> {
  const rows = await AppraisalRuleSet.findAll({ where: { officeId }, order: [['effectiveFrom', 'DESC']] });
  return rows.map((row) => ({
    ...(appraisalRulesSchema.parse({ ...JSON.parse(row.rules), effectiveFrom: row.effectiveFrom }) as AppraisalRules),
    setByOffice: true,
    createdAt: row.createdAt.toISOString(),
  }));
}

/**
 * An office's appraisal rules over time. Sets are only ever added, each from its own day, never
 * dated before the latest one: the rules a past period was computed by stay as they were.
 */
export class AppraisalRulesService {
  constructor(
    private readonly db: Sequelize,
    private readonly audit: AuditLog,
  ) {}

  /** The set in force on an office-local day (a period is computed by the set in force on its last day). */
  async on(officeId: number, day: string): Promise<AppraisalRules> {
    return rulesOn(await setsOf(officeId), day) ?? DEFAULT_RULES;
  }

  /** Every set the admin's office has had, the defaults with their reasons, and the core values. */
  async list(actor: Actor) {
    const sets = await setsOf(officeOf(actor));
    return { sets, defaults: DEFAULT_RULES, defaultReasons: DEFAULT_MAPPING_REASONS, coreValues: CORE_VALUES };
  }

  async add(actor: Actor, input: AppraisalRulesInput): Promise<RuleSetView> {
    const officeId = officeOf(actor);
    return this.db.transaction(async (transaction) => {
      const latest = await AppraisalRuleSet.findOne({ where: { officeId }, order: [['effectiveFrom', 'DESC']], transaction });
      if (latest && latest.effectiveFrom >= input.effectiveFrom) {
        throw conflict(
          'rules-dated-before-latest',
          'Rules would rewrite history',
          `The office's rules already changed on ${latest.effectiveFrom}; new rules must take effect after that day.`,
        );
      }
      const { effectiveFrom, ...rules } = input;
      const row = await uniqueOr409(
        () =>
          AppraisalRuleSet.create(
            { officeId, effectiveFrom, rules: JSON.stringify(rules), createdBy: actor.user?.id ?? null },
            { transaction },
          ),
        `A set of rules taking effect on ${effectiveFrom}`,
      );
      await this.audit.record(
        actor,
        { officeId, action: 'appraisal-rules.add', targetType: 'appraisal_rules', targetId: row.id, changes: { ...input } },
        transaction,
      );
      return { ...input, setByOffice: true, createdAt: row.createdAt.toISOString() };
    });
  }

  /**
   * The combined score's weights and rules in force today (the office's day), and every set's weights
   * with the day they took effect, newest first.
   */
  async weights(actor: Actor) {
    const officeId = officeOf(actor);
    const office = await Office.findByPk(officeId, { rejectOnEmpty: true });
    const today = localDate(new Date(), office.timezone);
    const sets = await setsOf(officeId);
    const current = rulesOn(sets, today) ?? DEFAULT_RULES;
    return {
      today,
      current: {
        effectiveFrom: current.effectiveFrom,
        setByOffice: current.setByOffice,
        weights: current.weights,
        combined: current.combined,
      },
      history: sets.map(({ effectiveFrom, weights, combined, createdAt }) => ({ effectiveFrom, weights, combined, createdAt })),
    };
  }

  /** New weights from a day: a new set like the latest (or the defaults), with these weights. */
  async setWeights(actor: Actor, change: WeightsChange): Promise<RuleSetView> {
    const latest = (await setsOf(officeOf(actor)))[0] ?? DEFAULT_RULES;
    const { periodKind, mapping, minRatings, combined } = latest;
    return this.add(actor, { periodKind, mapping, minRatings, combined: change.combined ?? combined, ...change });
  }

  /** The periods of a year as the office's periodic evaluation in force at the year's end names them. */
  async periods(actor: Actor, year: number): Promise<{ kind: AppraisalRules['periodKind']; periods: AppraisalPeriod[] }> {
    const rules = await this.on(officeOf(actor), `${year}-12-31`);
    return { kind: rules.periodKind, periods: periodsOfYear(rules.periodKind, year) };
  }
}
