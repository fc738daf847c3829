import type { Named } from '../../../contract/index.js';

/** The five PACAK indicators in their order; their names read the same in both languages. */
export const INDICATORS: Named[] = [
  { code: 'profesional', name: 'Profesional' },
  { code: 'amanah', name: 'Amanah' },
  { code: 'cakap', name: 'Cakap' },
  { code: 'akuntabel', name: 'Akuntabel' },
  { code: 'kolaboratif', name: 'Kolaboratif' },
];
