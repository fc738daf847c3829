/** The JSON of the report API, version 1 (server/services/reports/report-builders.ts), as the dashboard reads it. */

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface Figures {
  count: number;
  verifiedCount: number;
  /** One per indicator code, 1 to 5; null without ratings. */
  averages: Record<string, number | null>;
  overall: number | null;
  /** 0 to 100, one decimal. */
  score: number | null;
  grade: Grade | null;
  gradeLabel: string | null;
}

export interface Named {
  code: string;
  name: string;
}

export interface ReportHeader {
  report: string;
  office: { code: string; name: string; timeZone: string };
  period: { from: string; to: string };
  filters: { workArea: string | null; serviceType: string | null; verifiedOnly: boolean };
  method: { id: string; en: string };
  generatedAt: string;
}

export interface EmployeeRow extends Figures {
  nip: string;
  name: string;
  workArea: Named;
}

export interface MonthRow extends Figures {
  month: string;
}

export type GroupRow = Figures & Named;

export interface SummaryReport extends ReportHeader {
  totals: Figures;
  /** Per indicator, the number of 1 to 5 star ratings. */
  stars: Record<string, number[]>;
  byMonth: MonthRow[];
  rows: EmployeeRow[];
}

export interface GroupReport extends ReportHeader {
  totals: Figures;
  rows: GroupRow[];
}

export interface RankedRow extends EmployeeRow {
  rank: number;
  bayesian: number;
}

export interface RankingReport extends ReportHeader {
  rankingMethod: { minRatings: number; weight: number; prior: number | null; explanation: string };
  ranked: RankedRow[];
  notYetRanked: EmployeeRow[];
}

export interface ReportComment {
  date: string;
  createdAt: string;
  serviceType: string;
  comment: string;
  /** Masked by the server: 0812****7890. */
  phone: string;
  verified: boolean;
}

export interface EmployeeReport extends ReportHeader {
  employee: { nip: string; name: string; position: string; workArea: Named };
  figures: Figures;
  stars: Record<string, number[]>;
  byServiceType: GroupRow[];
  byMonth: MonthRow[];
  comments: ReportComment[];
}

export interface ShareLink {
  id: number;
  url: string;
  expiresAt: string;
}

/** The report routes by name: the ones a share link or an export can name. */
export type ReportName = 'summary' | 'work-areas' | 'service-types' | 'ranking' | 'employee';

/** The five PACAK indicators in their order; their names read the same in both languages. */
export const INDICATORS: Named[] = [
  { code: 'profesional', name: 'Profesional' },
  { code: 'amanah', name: 'Amanah' },
  { code: 'cakap', name: 'Cakap' },
  { code: 'akuntabel', name: 'Akuntabel' },
  { code: 'kolaboratif', name: 'Kolaboratif' },
];
