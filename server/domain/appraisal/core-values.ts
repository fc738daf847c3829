import type { IndicatorCode } from '../indicators.js';

/**
 * The seven core values of ASN behaviour, BerAKHLAK (SE MenPANRB 20/2021; behaviour rated on them
 * under PermenPANRB 6/2022), in their usual order. Codes are stable keys of the office's mapping.
 */
export const CORE_VALUES = [
  { code: 'berorientasi-pelayanan', name: 'Berorientasi Pelayanan', en: 'Service oriented' },
  { code: 'akuntabel', name: 'Akuntabel', en: 'Accountable' },
  { code: 'kompeten', name: 'Kompeten', en: 'Competent' },
  { code: 'harmonis', name: 'Harmonis', en: 'Harmonious' },
  { code: 'loyal', name: 'Loyal', en: 'Loyal' },
  { code: 'adaptif', name: 'Adaptif', en: 'Adaptive' },
  { code: 'kolaboratif', name: 'Kolaboratif', en: 'Collaborative' },
] as const;

export type CoreValueCode = (typeof CORE_VALUES)[number]['code'];
export const CORE_VALUE_CODES = CORE_VALUES.map((value) => value.code) as [CoreValueCode, ...CoreValueCode[]];

/** Which core values each PACAK indicator gives customers' evidence for. */
export type CoreValueMapping = Record<IndicatorCode, CoreValueCode[]>;

/**
 * PACAK's default mapping. It is this product's reading of the indicators' published descriptions
 * beside the core values' behaviours, offered as a starting point that each office can change: it is
 * not set by any regulation. Loyal and Adaptif get no customer evidence by default: a customer at the
 * counter sees neither loyalty to the state nor how an employee meets change.
 */
export const DEFAULT_MAPPING: CoreValueMapping = {
  profesional: ['berorientasi-pelayanan'],
  amanah: ['akuntabel'],
  cakap: ['kompeten'],
  akuntabel: ['akuntabel'],
  kolaboratif: ['kolaboratif', 'harmonis'],
};

/** Why the default maps as it does, shown beside it in the console and the evidence. */
export const DEFAULT_MAPPING_REASONS: Record<IndicatorCode, { id: string; en: string }> = {
  profesional: {
    id: 'Bekerja sesuai standar pelayanan yang ditetapkan adalah inti Berorientasi Pelayanan (memenuhi kebutuhan masyarakat dengan mutu yang dijanjikan).',
    en: 'Working to the set service standards is the core of Service oriented (meeting the public’s needs at the promised quality).',
  },
  amanah: {
    id: 'Dapat dipercaya dan bertanggung jawab sesuai perilaku Akuntabel (jujur, bertanggung jawab, cermat, disiplin).',
    en: 'Trustworthy and responsible matches Accountable (honest, responsible, careful, disciplined).',
  },
  cakap: {
    id: 'Dinilai kompeten dalam pelayanan adalah bukti langsung Kompeten.',
    en: 'Judged competent in service is direct evidence of Competent.',
  },
  akuntabel: {
    id: 'Integritas tinggi termasuk dalam perilaku Akuntabel (berintegritas tinggi).',
    en: 'High integrity is part of Accountable (high integrity).',
  },
  kolaboratif: {
    id: 'Mampu bekerja sama sesuai Kolaboratif, dan sikap ramah kepada pelanggan termasuk Harmonis (saling peduli, menghargai perbedaan).',
    en: 'Working well with others matches Collaborative, and courtesy to customers belongs to Harmonious (caring, respecting differences).',
  },
};
