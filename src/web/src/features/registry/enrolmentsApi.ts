import { queryParams, type Page } from '../../api/baseApi';
import { registryApi, type DateOnly, type Id } from './registryApi';

export type EnrolmentStatus = 'Enrolled' | 'Promoted' | 'TransferredOut' | 'Withdrawn' | 'Graduated';

export interface Enrolment {
  id: Id;
  learnerId: Id;
  academicYearId: Id;
  institutionId: Id;
  gradeId: Id;
  repeater: boolean;
  status: EnrolmentStatus;
  startsOn: DateOnly;
  endedOn: DateOnly | null;
  endReason: string | null;
  createdByPromotion: Id | null;
  version: number;
}

export interface EnrolmentListQuery {
  learnerId?: string;
  institutionId?: string;
  academicYearId?: string;
  gradeId?: string;
  page: number;
  pageSize: number;
}

export interface PromotionResult {
  promotionId: Id;
  promoted: number;
  repeating: number;
  graduated: number;
  skipped: Id[];
}

export interface EndingRequest {
  id: Id;
  on: DateOnly | null;
  reason: string | null;
  version: number;
}

// An enrolment change can move a learner between schools, so learner records are refreshed too.
const afterChange = ['Enrolments', 'Learners', 'Learner'] as const;

export const enrolmentsApi = registryApi.injectEndpoints({
  endpoints: (build) => ({
    enrolments: build.query<Page<Enrolment>, EnrolmentListQuery>({
      query: ({ learnerId, institutionId, academicYearId, gradeId, page, pageSize }) => ({
        url: '/enrolments',
        params: queryParams({ learnerId, institutionId, academicYearId, gradeId, page, pageSize }),
      }),
      providesTags: ['Enrolments'],
    }),
    enrol: build.mutation<
      Enrolment,
      { learnerId: Id; academicYearId: Id; gradeId: Id; repeater: boolean; startsOn: DateOnly | null }
    >({
      query: (body) => ({ url: '/enrolments', method: 'POST', body }),
      invalidatesTags: ['Enrolments'],
    }),
    transferEnrolment: build.mutation<Enrolment, EndingRequest & { institutionId: Id }>({
      query: ({ id, ...body }) => ({ url: `/enrolments/${encodeURIComponent(id)}/transfer`, method: 'POST', body }),
      invalidatesTags: [...afterChange],
    }),
    withdrawEnrolment: build.mutation<Enrolment, EndingRequest>({
      query: ({ id, ...body }) => ({ url: `/enrolments/${encodeURIComponent(id)}/withdraw`, method: 'POST', body }),
      invalidatesTags: ['Enrolments'],
    }),
    graduateEnrolment: build.mutation<Enrolment, EndingRequest>({
      query: ({ id, ...body }) => ({ url: `/enrolments/${encodeURIComponent(id)}/graduate`, method: 'POST', body }),
      invalidatesTags: ['Enrolments'],
    }),
    promoteClass: build.mutation<
      PromotionResult,
      { institutionId: Id; academicYearId: Id; nextAcademicYearId: Id; gradeId: Id; repeaters: Id[] }
    >({
      query: (body) => ({ url: '/enrolments/promote', method: 'POST', body }),
      invalidatesTags: ['Enrolments'],
    }),
    undoPromotion: build.mutation<{ restored: number; removed: number }, Id>({
      query: (id) => ({ url: `/enrolments/promotions/${encodeURIComponent(id)}/undo`, method: 'POST' }),
      invalidatesTags: ['Enrolments'],
    }),
  }),
});

export const {
  useEnrolmentsQuery,
  useEnrolMutation,
  useTransferEnrolmentMutation,
  useWithdrawEnrolmentMutation,
  useGraduateEnrolmentMutation,
  usePromoteClassMutation,
  useUndoPromotionMutation,
} = enrolmentsApi;
