/** The JSON of the report API, version 1 (`/api/v1/reports/*`), that the dashboard reads. */
import type { Grade, Named } from './api.js';

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

export interface ReportHeader {
  report: string;
  office: { code: string; name: string; timeZone: string };
  period: { from: string; to: string };
  filters: { workArea: string | null; serviceType: string | null; verifiedOnly: boolean };
  method: { id: string; en: string };
  generatedAt: string;
}

/**
 * An employee's appraisal figures beside the customers' (summary, ranking and employee report): the
 * attendance rate 0-100, the SKP work-result level, the combined score 0-100 and the predikat code,
 * each null when there is none.
 */
export interface KinerjaCells {
  attendanceRate: number | null;
  skpWorkResult: 'below' | 'meeting' | 'above' | null;
  combinedScore: number | null;
  predikat: 'sangat-baik' | 'baik' | 'butuh-perbaikan' | 'kurang' | 'sangat-kurang' | null;
}

export interface EmployeeRow extends Figures {
  nip: string;
  name: string;
  workArea: Named;
  kinerja?: KinerjaCells;
}

/** One month's figures; `month` is YYYY-MM in the office's time zone. */
export interface MonthRow extends Figures {
  month: string;
}

export interface GroupRow extends Figures, Named {}

export interface SummaryReport extends ReportHeader {
  totals: Figures;
  /** Per indicator, how many ratings gave 1, 2, 3, 4 and 5 stars (index 0 is one star). */
  stars: Record<string, number[]>;
  /** Month by month, oldest first; months without ratings are left out. */
  byMonth: MonthRow[];
  rows: EmployeeRow[];
}

export interface GroupReport extends ReportHeader {
  totals: Figures;
  rows: GroupRow[];
}

export interface RankedRow extends EmployeeRow {
  rank: number;
  /** The Bayesian average of the overall score, 1 to 5. */
  bayesian: number;
}

export interface RankingReport extends ReportHeader {
  rankingMethod: {
    minRatings: number;
    weight: number;
    prior: number | null;
    explanation: string;
    /** What orders `ranked`: the Bayesian average, or the combined score (`orderBy=combined`). */
    orderBy?: 'bayesian' | 'combined';
  };
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
  kinerja?: KinerjaCells;
}

/** `POST /api/v1/reports/share-links` answers with this. */
export interface ShareLink {
  id: number;
  url: string;
  expiresAt: string;
}

/** The report routes by name: the ones a share link or an export can name. */
export type ReportName = 'summary' | 'work-areas' | 'service-types' | 'ranking' | 'employee';
