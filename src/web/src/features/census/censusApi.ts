import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { queryParams, type Page } from '../../api/baseApi';
import { errorStatus, isFetchBaseQueryError } from '../../api/problem';
import { registryApi, type DateOnly, type Id } from '../registry/registryApi';

export const censusReturnStatuses = ['Draft', 'Submitted', 'Returned', 'Approved'] as const;
export type CensusReturnStatus = (typeof censusReturnStatuses)[number];

export type CheckSeverity = 'Warning' | 'Blocker';

export interface CensusRound {
  id: Id;
  academicYearId: Id;
  academicYearCode: string;
  name: string;
  opensOn: DateOnly;
  deadline: DateOnly;
  reminderDays: number[];
  version: number;
}

/** The body of POST /census/rounds and (with version) PUT /census/rounds/{id}. */
export interface CensusRoundFields {
  academicYearId: Id;
  name: string;
  opensOn: DateOnly;
  deadline: DateOnly;
  reminderDays: number[] | null;
  version?: number;
}

/** How far a round has come over the open institutions in the caller's scope. */
export interface CensusProgress {
  roundId: Id;
  institutions: number;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
}

export interface CensusReturnSummary {
  id: Id;
  roundId: Id;
  institutionId: Id;
  institutionCode: string;
  institutionName: string;
  status: CensusReturnStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
  warnings: number;
  blockers: number;
  version: number;
}

/** What the school reports that the registry does not hold. */
export interface CensusFigures {
  classroomsUsable: number;
  classroomsUnusable: number;
  desks: number;
  toiletsMale: number;
  toiletsFemale: number;
  toiletsShared: number;
  hasWater: boolean;
  hasElectricity: boolean;
  hasInternet: boolean;
  textbooks: number;
  volunteerTeachers: number;
  remarks: string | null;
}

/** A derived count: "enrolment" by grade, sex and age (with repeaters), or "teachers"/"non-teaching" by sex. */
export interface CensusCount {
  measure: string;
  gradeCode: string | null;
  sex: string;
  age: number | null;
  value: number;
  repeaters: number;
  qualified: number;
}

export interface CensusFinding {
  check: string;
  severity: CheckSeverity;
  message: string;
  /** Learner numbers (or other codes) the finding is about. */
  subjects: string[];
}

export interface CensusEvent {
  action: string;
  comment: string | null;
  actorId: Id | null;
  at: string;
}

export interface CensusReturnDetail {
  id: Id;
  roundId: Id;
  institutionId: Id;
  institutionCode: string;
  institutionName: string;
  status: CensusReturnStatus;
  locked: boolean;
  figures: CensusFigures;
  counts: CensusCount[];
  findings: CensusFinding[];
  history: CensusEvent[];
  createdAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  version: number;
}

/** The checks run now, nothing saved. */
export interface CensusCheckPreview {
  canSubmit: boolean;
  findings: CensusFinding[];
  counts: CensusCount[];
}

export interface CensusReturnFilters {
  roundId?: string;
  status?: string;
  areaId?: string;
  institutionId?: string;
}

export interface CensusReturnListQuery extends CensusReturnFilters {
  page: number;
  pageSize: number;
}

export const returnFilterNames = ['roundId', 'status', 'areaId', 'institutionId'] as const;

const censusBase = registryApi.enhanceEndpoints({
  addTagTypes: ['CensusRounds', 'CensusProgress', 'CensusReturns', 'CensusReturn', 'CensusChecks'],
});

/** What a review action changes: the return, the lists, the progress counts and the checks. */
const afterReturnChange = (id: Id) =>
  [{ type: 'CensusReturn', id }, { type: 'CensusChecks', id }, 'CensusReturns', 'CensusProgress'] as const;

export const censusApi = censusBase.injectEndpoints({
  endpoints: (build) => ({
    censusRounds: build.query<Page<CensusRound>, { page: number; pageSize: number }>({
      query: ({ page, pageSize }) => ({ url: '/census/rounds', params: queryParams({ page, pageSize }) }),
      providesTags: ['CensusRounds'],
    }),
    createCensusRound: build.mutation<CensusRound, CensusRoundFields>({
      query: (body) => ({ url: '/census/rounds', method: 'POST', body }),
      invalidatesTags: ['CensusRounds'],
    }),
    updateCensusRound: build.mutation<CensusRound, CensusRoundFields & { id: Id; version: number }>({
      query: ({ id, ...body }) => ({ url: `/census/rounds/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: ['CensusRounds'],
    }),
    censusProgress: build.query<CensusProgress, Id>({
      query: (id) => `/census/rounds/${encodeURIComponent(id)}/progress`,
      providesTags: (_result, _error, id) => [{ type: 'CensusProgress', id }, 'CensusProgress'],
    }),
    censusReturns: build.query<Page<CensusReturnSummary>, CensusReturnListQuery>({
      query: ({ roundId, status, areaId, institutionId, page, pageSize }) => ({
        url: '/census/returns',
        params: queryParams({ roundId, status, areaId, institutionId, page, pageSize }),
      }),
      providesTags: ['CensusReturns'],
    }),
    censusReturn: build.query<CensusReturnDetail, Id>({
      query: (id) => `/census/returns/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'CensusReturn', id }],
    }),
    censusChecks: build.query<CensusCheckPreview, Id>({
      query: (id) => `/census/returns/${encodeURIComponent(id)}/checks`,
      providesTags: (_result, _error, id) => [{ type: 'CensusChecks', id }],
    }),
    startCensusReturn: build.mutation<CensusReturnDetail, { roundId: Id; institutionId: Id }>({
      query: (body) => ({ url: '/census/returns', method: 'POST', body }),
      invalidatesTags: ['CensusReturns', 'CensusProgress'],
    }),
    saveCensusReturn: build.mutation<CensusReturnDetail, { id: Id; figures: CensusFigures; version: number }>({
      query: ({ id, ...body }) => ({ url: `/census/returns/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: (_result, _error, { id }) => [...afterReturnChange(id)],
    }),
    submitCensusReturn: build.mutation<CensusReturnDetail, { id: Id; comment: string | null }>({
      query: ({ id, ...body }) => ({ url: `/census/returns/${encodeURIComponent(id)}/submit`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id }) => [...afterReturnChange(id)],
    }),
    approveCensusReturn: build.mutation<CensusReturnDetail, { id: Id; comment: string | null }>({
      query: ({ id, ...body }) => ({ url: `/census/returns/${encodeURIComponent(id)}/approve`, method: 'POST', body }),
      // An approval copies the figures into the institution's infrastructure record.
      invalidatesTags: (result, _error, { id }) => [
        ...afterReturnChange(id),
        ...(result ? [{ type: 'Institution' as const, id: result.institutionId }] : []),
      ],
    }),
    returnCensusReturn: build.mutation<CensusReturnDetail, { id: Id; comment: string }>({
      query: ({ id, ...body }) => ({ url: `/census/returns/${encodeURIComponent(id)}/return`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id }) => [...afterReturnChange(id)],
    }),
    reopenCensusReturn: build.mutation<CensusReturnDetail, { id: Id; comment: string }>({
      query: ({ id, ...body }) => ({ url: `/census/returns/${encodeURIComponent(id)}/reopen`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id }) => [...afterReturnChange(id)],
    }),
  }),
});

export const {
  useCensusRoundsQuery,
  useCreateCensusRoundMutation,
  useUpdateCensusRoundMutation,
  useCensusProgressQuery,
  useCensusReturnsQuery,
  useCensusReturnQuery,
  useCensusChecksQuery,
  useStartCensusReturnMutation,
  useSaveCensusReturnMutation,
  useSubmitCensusReturnMutation,
  useApproveCensusReturnMutation,
  useReturnCensusReturnMutation,
  useReopenCensusReturnMutation,
} = censusApi;

/** The largest page the server gives: rounds are one a year, so this is all of them. */
export const allRoundsQuery = { page: 1, pageSize: 200 };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFinding(value: unknown): value is CensusFinding {
  return (
    isRecord(value) &&
    typeof value.check === 'string' &&
    typeof value.message === 'string' &&
    (value.severity === 'Warning' || value.severity === 'Blocker')
  );
}

/** The findings a refused submission (422) carries, if any. */
export function refusedFindings(error: FetchBaseQueryError | SerializedError | undefined): CensusFinding[] | undefined {
  if (!isFetchBaseQueryError(error) || errorStatus(error) !== 422) return undefined;
  const data: unknown = 'data' in error ? error.data : undefined;
  if (!isRecord(data) || !Array.isArray(data.findings)) return undefined;
  return data.findings.filter(isFinding).map((f) => ({ ...f, subjects: Array.isArray(f.subjects) ? f.subjects : [] }));
}

/** The existing return a 409 on start points to ("…already exists: /api/v1/census/returns/{id}."). */
export function existingReturnId(error: FetchBaseQueryError | SerializedError | undefined): string | undefined {
  if (!isFetchBaseQueryError(error) || errorStatus(error) !== 409) return undefined;
  const data: unknown = 'data' in error ? error.data : undefined;
  const detail = isRecord(data) && typeof data.detail === 'string' ? data.detail : '';
  return /\/census\/returns\/([0-9a-zA-Z-]+)/.exec(detail)?.[1];
}

export const statusLabels: Record<CensusReturnStatus, string> = {
  Draft: 'Draft',
  Submitted: 'Submitted, waiting for review',
  Returned: 'Returned for correction',
  Approved: 'Approved (locked)',
};

export function returnStatusTagClass(status: CensusReturnStatus): string {
  switch (status) {
    case 'Approved':
      return 'tag tag--ok';
    case 'Returned':
      return 'tag tag--off';
    default:
      return 'tag';
  }
}

export const eventLabels: Record<string, string> = {
  started: 'Started',
  submitted: 'Submitted',
  returned: 'Returned for correction',
  approved: 'Approved',
  reopened: 'Reopened',
};
