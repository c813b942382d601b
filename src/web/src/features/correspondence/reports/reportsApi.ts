import { baseApi } from '../../../api/baseApi';

/** The filters every correspondence report takes (months as yyyy-MM, inclusive). */
export interface ReportFilters {
  from?: string;
  to?: string;
  type?: string;
  teamId?: string;
}

export type Rag = 'red' | 'amber' | 'green' | 'none';

export interface TimelinessLine {
  month: string;
  type: string;
  typeTitle: string;
  teamId: string;
  teamName: string | null;
  inTime: number;
  late: number;
  answered: number;
  percentInTime: number | null;
  rag: Rag;
}

export interface TimelinessReport {
  lines: TimelinessLine[];
  total: { inTime: number; late: number; answered: number; percentInTime: number | null; rag: Rag };
}

export interface AppealsLine {
  type: string;
  typeTitle: string;
  outcome: string;
  cases: number;
}

export interface AgeingLine {
  teamId: string;
  teamName: string | null;
  type: string;
  typeTitle: string;
  counts: number[];
  total: number;
}

export type ReportName = 'timeliness' | 'appeals' | 'ageing';

/** Only the filters that are set, as query parameters. */
export function reportParams(filters: ReportFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<
    string,
    string
  >;
}

export const reportsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    timelinessReport: build.query<TimelinessReport, ReportFilters>({
      query: (filters) => ({ url: '/correspondence/reports/timeliness', params: reportParams(filters) }),
    }),
    appealsReport: build.query<{ lines: AppealsLine[] }, ReportFilters>({
      query: (filters) => ({ url: '/correspondence/reports/appeals', params: reportParams(filters) }),
    }),
    ageingReport: build.query<{ buckets: string[]; lines: AgeingLine[] }, ReportFilters>({
      query: (filters) => ({ url: '/correspondence/reports/ageing', params: reportParams(filters) }),
    }),
  }),
});

export const { useTimelinessReportQuery, useAppealsReportQuery, useAgeingReportQuery } = reportsApi;
