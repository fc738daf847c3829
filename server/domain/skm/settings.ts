import { SKM_ELEMENTS, type SkmElementCode } from './elements.js';

/**
 * What an office decides about its SKM, with the date it took effect, so a questionnaire and a report
 * follow the rules of their own time (office data with an effective date, as periods and weights are).
 *
 * - `notApplicable`: elements the office does not ask for a service, e.g. Biaya/Tarif where the service
 *   is free. PermenPANRB 14/2017, Lampiran, Bab II lists the nine elements as the survey's scope, and
 *   Bab IV divides by "total unsur yang terisi" (the elements answered), so an element left out weighs
 *   nothing and the others share its weight (ikm.ts).
 * - `wording`: the office's own wording of a question or its answers, since the Lampiran gives the
 *   questionnaire as an example ("contoh") that a unit fits to its kind of service; the element, its
 *   order and its 1-4 scale stay as the regulation sets them, so only the words change.
 * - `population`: customers served per quarter, for the minimum sample (sample-size.ts).
 */
export interface SkmWording {
  question?: { id?: string; en?: string };
  options?: { id?: readonly string[]; en?: readonly string[] };
}

export interface SkmSettings {
  notApplicable: SkmElementCode[];
  wording: Partial<Record<SkmElementCode, SkmWording>>;
  population: number | null;
}

/** One stored version of the settings: office-wide (serviceTypeId null) or for one service type. */
export interface SkmSettingsVersion {
  serviceTypeId: number | null;
  /** Office-local date from which it applies, YYYY-MM-DD. */
  effectiveFrom: string;
  settings: SkmSettings;
}

export const DEFAULT_SKM_SETTINGS: SkmSettings = { notApplicable: [], wording: {}, population: null };

/**
 * The settings in effect on a date for a service type: the latest version of that service type that
 * had begun by then, else the latest office-wide version, else the regulation's defaults.
 */
export function settingsOn(versions: readonly SkmSettingsVersion[], localDate: string, serviceTypeId: number | null): SkmSettings {
  const latest = (scope: number | null) =>
    versions
      .filter((version) => version.serviceTypeId === scope && version.effectiveFrom <= localDate)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))[0];
  return (serviceTypeId !== null ? latest(serviceTypeId) : undefined)?.settings ?? latest(null)?.settings ?? DEFAULT_SKM_SETTINGS;
}

export interface SkmQuestion {
  code: SkmElementCode;
  number: number;
  name: { id: string; en: string };
  question: { id: string; en: string };
  /** The four answers, scoring 1 to 4 in this order. */
  options: { id: readonly string[]; en: readonly string[] };
}

/** The questions a form asks under some settings: the applicable elements, in the office's wording. */
export function questionsUnder(settings: SkmSettings): SkmQuestion[] {
  return SKM_ELEMENTS.filter((element) => !settings.notApplicable.includes(element.code)).map((element) => {
    const wording = settings.wording[element.code] ?? {};
    return {
      code: element.code,
      number: element.number,
      name: element.name,
      question: { id: wording.question?.id ?? element.question.id, en: wording.question?.en ?? element.question.en },
      options: { id: wording.options?.id ?? element.options.id, en: wording.options?.en ?? element.options.en },
    };
  });
}
