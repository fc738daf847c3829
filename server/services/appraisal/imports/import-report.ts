import { ProblemError, problemType } from '../../../domain/problem.js';

export type LineAction = 'add' | 'change' | 'unchanged' | 'refuse';

export interface ImportLine {
  line: number;
  nip: string;
  action: LineAction;
  problems?: { column: string; message: string }[];
}

/**
 * The answer of an import, as the employee import gives it: what each line would do, counted. When a
 * line is refused the whole file is, with a 422 naming every problem by line and column.
 */
export function reportOrRefuse<L extends ImportLine>(lines: L[], dryRun: boolean, source: string) {
  const summary: Record<LineAction, number> = { add: 0, change: 0, unchanged: 0, refuse: 0 };
  for (const line of lines) summary[line.action]++;
  const report = { dryRun, applied: false, source, summary, lines };
  if (summary.refuse) {
    throw new ProblemError({
      type: problemType('import-refused'),
      title: 'Import refused',
      status: 422,
      detail: `${summary.refuse} of ${lines.length} lines are refused${dryRun ? '' : '; nothing was imported'}.`,
      errors: lines.flatMap((line) =>
        (line.problems ?? []).map((problem) => ({
          path: `line.${line.line}.${problem.column}`,
          message: problem.message,
          code: 'refused_line',
        })),
      ),
      ...report,
    });
  }
  return report;
}
