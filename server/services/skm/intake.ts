import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { Config } from '../../config.js';
import { SkmResponse, Office } from '../../db/models/index.js';
import { isUniqueViolation } from '../../db/errors.js';
import { SKM_ELEMENT_CODES, type SkmElementCode } from '../../domain/skm/elements.js';
import { periodContaining } from '../../domain/skm/periods.js';
import { SKM_PROFILE } from '../../domain/skm/respondent.js';
import { questionsUnder, settingsOn, type SkmQuestion } from '../../domain/skm/settings.js';
import { conflict, invalid, notFound, type FieldError } from '../../domain/problem.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { newReceipt } from '../../domain/codes.js';
import type { FormTokenRefusal, FormTokens, IssuedFormToken } from '../intake/form-tokens.js';
import { localDate } from '../../domain/local-date.js';
import type { PhoneVault } from '../../domain/phone.js';
import { checkAddressLimits } from './intake-limits.js';
import type { SkmResponseBody } from './schema.js';
import type { SkmSettingsService } from './settings-service.js';

export interface SkmQuestionnaire {
  office: { code: string; name: string };
  /** The quarter a questionnaire sent now counts in. */
  period: { key: string; label: { id: string; en: string } };
  serviceTypes: { code: string; name: string; notApplicable: string[] }[];
  /** The office-wide questions in the office's wording; a service type may leave some out (notApplicable). */
  questions: SkmQuestion[];
  profile: typeof SKM_PROFILE;
  formToken: IssuedFormToken;
}

export interface SkmReceipt {
  id: number;
  receipt: string;
  periodKey: string;
  createdAt: string;
}

const TOKEN_MESSAGES: Record<FormTokenRefusal, string> = {
  missing: 'is required: load the questionnaire (GET /api/v1/skm/questionnaire) before sending it',
  malformed: 'is not a form token',
  forged: 'is not a valid form token',
  'other-employee': 'was issued for the questionnaire of another office',
  'too-early': 'was used too soon after the questionnaire was shown; wait a few seconds and send again',
  expired: 'has expired; load the questionnaire again',
};

/** The form token of an office's questionnaire names the office by id under a prefix no NIP can have. */
const tokenSubject = (officeId: number) => `skm:${officeId}`;

/** Takes answered questionnaires, guarded as ratings are (form token, address limits, one per phone per quarter). */
export class SkmIntake {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly catalogue: Catalogue,
    private readonly settings: SkmSettingsService,
    private readonly vault: PhoneVault,
    private readonly formTokens: FormTokens,
    private readonly limits: Config['rateLimit'],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async office(code: string): Promise<Office> {
    const office = await Office.findOne({ where: { code } });
    if (!office) throw notFound('No office has that code.');
    return office;
  }

  async questionnaire(officeCode: string): Promise<SkmQuestionnaire> {
    const office = await this.office(officeCode);
    const today = localDate(this.now(), office.timezone);
    const versions = await this.settings.versions(office.id);
    const officeSettings = settingsOn(versions, today, null);
    const types = await this.catalogue.activeServiceTypes(office.id);
    const serviceTypes = await Promise.all(
      types.map(async (type) => {
        const id = await this.catalogue.activeServiceTypeId(office.id, type.code);
        return { ...type, notApplicable: [...settingsOn(versions, today, id).notApplicable] };
      }),
    );
    const period = periodContaining('quarter', today);
    return {
      office: { code: office.code, name: office.name },
      period: { key: period.key, label: period.label },
      serviceTypes,
      questions: questionsUnder(officeSettings),
      profile: SKM_PROFILE,
      formToken: this.formTokens.issue(tokenSubject(office.id)),
    };
  }

  async submit(body: SkmResponseBody, context: { ipHash: string | null }): Promise<{ receipt: SkmReceipt; replayed: boolean }> {
    if (body.clientId) {
      const earlier = await SkmResponse.findOne({ where: { clientId: body.clientId } });
      if (earlier) return { receipt: toReceipt(earlier), replayed: true };
    }
    const office = await Office.findOne({ where: { code: body.office } });
    if (!office) throw invalid([{ path: 'office', message: 'is not an office of this service' }]);
    const refusal = this.formTokens.refusal(body.formToken, tokenSubject(office.id));
    if (refusal) {
      throw invalid(
        [{ path: 'formToken', message: TOKEN_MESSAGES[refusal], code: `form_token_${refusal.replace('-', '_')}` }],
        'The questionnaire form token was refused.',
      );
    }
    const serviceTypeId = await this.catalogue.activeServiceTypeId(office.id, body.serviceType);
    if (serviceTypeId === null) throw invalid([{ path: 'serviceType', message: 'is not an active service type of this office' }]);

    const now = this.now();
    const today = localDate(now, office.timezone);
    const settings = settingsOn(await this.settings.versions(office.id), today, serviceTypeId);
    const errors: FieldError[] = [];
    for (const code of SKM_ELEMENT_CODES) {
      const asked = !settings.notApplicable.includes(code);
      const given = body.answers[code] !== undefined;
      if (asked && !given) errors.push({ path: `answers.${code}`, message: 'is required', code: 'required' });
      if (!asked && given) errors.push({ path: `answers.${code}`, message: 'is not asked for this service', code: 'not_applicable' });
    }
    if (errors.length) throw invalid(errors);

    const periodKey = periodContaining('quarter', today).key;
    const clientId = body.clientId ?? randomUUID();
    try {
      const created = await this.sequelize.transaction(async (transaction) => {
        if (context.ipHash) await checkAddressLimits(this.sequelize, this.limits, context.ipHash, now, transaction);
        return SkmResponse.create(
          {
            officeId: office.id,
            serviceTypeId,
            receipt: newReceipt(),
            clientId,
            periodKey,
            localDate: today,
            ...body.profile,
            ...(Object.fromEntries(SKM_ELEMENT_CODES.map((code) => [code, body.answers[code] ?? null])) as Record<
              SkmElementCode,
              number | null
            >),
            suggestion: body.suggestion,
            phoneHash: body.phone ? this.vault.hash(`skm:${body.phone}`) : null,
            ipHash: context.ipHash,
            channel: body.channel,
            createdAt: now,
          },
          { transaction },
        );
      });
      return { receipt: toReceipt(created), replayed: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // The same clientId sent twice at once: the first one stored is the answer to both.
      const twin = await SkmResponse.findOne({ where: { clientId } });
      if (twin) return { receipt: toReceipt(twin), replayed: true };
      throw conflict(
        'skm-already-answered',
        'Questionnaire already answered',
        'This phone number has already answered the survey of this office this quarter. Thank you!',
      );
    }
  }
}

const toReceipt = (response: SkmResponse): SkmReceipt => ({
  id: response.id,
  receipt: response.receipt,
  periodKey: response.periodKey,
  createdAt: new Date(response.createdAt).toISOString(),
});
