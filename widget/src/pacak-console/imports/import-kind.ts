/** Indonesian and English words for one thing. */
export interface Words {
  id: string;
  en: string;
}

/** One line of an import's report, as every import answers it (plus what each kind adds). */
export interface ImportLine {
  line: number;
  nip: string;
  action: 'add' | 'change' | 'unchanged' | 'refuse';
  problems?: { column: string; message: string }[];
  [more: string]: unknown;
}

export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  summary: Record<ImportLine['action'], number>;
  ignoredColumns?: string[];
  lines: ImportLine[];
}

/**
 * What makes one file import differ from another: where the file goes, what it is called and how to
 * fill it in, the columns each line shows beside its number, NIP and result, and a CSV template.
 */
export interface ImportKind {
  /** The admin API's path, `/admin/attendance/import`; the dry run adds `?dryRun=true`. */
  path: string;
  /** A short name: `data-import-kind` on the element, and the template's file name. */
  name: string;
  title: Words;
  hint: Words;
  columns: { label: Words; value: (line: ImportLine, lang: 'id' | 'en') => string }[];
  /** What a line that is not refused would change, shown in the problems column; nothing by default. */
  detail?: (line: ImportLine, lang: 'id' | 'en') => string;
  /** The template's lines (a header and an example line), written as CSV with semicolons. */
  template?: string[];
}
