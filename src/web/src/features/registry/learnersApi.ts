import { queryParams, type Page } from '../../api/baseApi';
import { registryApi, type DateOnly, type Id } from './registryApi';

export const sexes = ['Female', 'Male'] as const;
export type Sex = (typeof sexes)[number];

export type LearnerStatus = 'Active' | 'Merged';

export interface Guardian {
  name: string;
  relationship: string;
  phone: string | null;
  email: string | null;
}

export interface LearnerSummary {
  id: Id;
  learnerNumber: string;
  givenName: string;
  familyName: string;
  sex: Sex;
  dateOfBirth: DateOnly;
  institutionId: Id;
  status: LearnerStatus;
}

export interface LearnerDetail extends LearnerSummary {
  otherNames: string | null;
  hasBirthCertificate: boolean;
  specialNeeds: string[];
  guardians: Guardian[];
  hasNationalId: boolean;
  mergedIntoId: Id | null;
  createdAt: string;
  version: number;
}

/** The body of POST /learners and (with version) PUT /learners/{id}. */
export interface LearnerFields {
  givenName: string;
  familyName: string;
  otherNames: string | null;
  sex: Sex;
  dateOfBirth: DateOnly;
  hasBirthCertificate: boolean;
  specialNeeds: string[];
  guardians: Guardian[];
  nationalId: string | null;
  institutionId: Id;
  confirmedNotDuplicate: boolean;
  version?: number;
}

/** A possible duplicate from the 409 answer; names and id only when the caller may read that record. */
export interface DuplicateCandidate {
  id: Id | null;
  learnerNumber: string;
  givenName: string | null;
  familyName: string | null;
  institutionCode: string;
}

export interface LearnerListQuery {
  q?: string;
  institutionId?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export const learnersApi = registryApi.injectEndpoints({
  endpoints: (build) => ({
    learners: build.query<Page<LearnerSummary>, LearnerListQuery>({
      query: ({ q, institutionId, status, page, pageSize }) => ({
        url: '/learners',
        params: queryParams({ q, institutionId, status, page, pageSize }),
      }),
      providesTags: ['Learners'],
    }),
    learner: build.query<LearnerDetail, Id>({
      query: (id) => `/learners/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Learner', id }],
    }),
    createLearner: build.mutation<LearnerDetail, LearnerFields>({
      query: (body) => ({ url: '/learners', method: 'POST', body }),
      invalidatesTags: ['Learners'],
    }),
    updateLearner: build.mutation<LearnerDetail, LearnerFields & { id: Id; version: number }>({
      query: ({ id, ...body }) => ({ url: `/learners/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: (_result, _error, { id }) => ['Learners', { type: 'Learner', id }],
    }),
    mergeLearner: build.mutation<LearnerDetail, { id: Id; intoId: Id; version: number }>({
      query: ({ id, ...body }) => ({ url: `/learners/${encodeURIComponent(id)}/merge`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id, intoId }) => [
        'Learners',
        { type: 'Learner', id },
        { type: 'Learner', id: intoId },
      ],
    }),
    // A mutation, not a query: the national id is read (and audited) only when asked for, and never cached.
    revealNationalId: build.mutation<{ nationalId: string | null }, Id>({
      query: (id) => ({ url: `/learners/${encodeURIComponent(id)}/national-id`, method: 'GET' }),
    }),
  }),
});

export const {
  useLearnersQuery,
  useLearnerQuery,
  useCreateLearnerMutation,
  useUpdateLearnerMutation,
  useMergeLearnerMutation,
  useRevealNationalIdMutation,
} = learnersApi;

export function learnerName(learner: { givenName: string | null; familyName: string | null }): string {
  return [learner.givenName, learner.familyName].filter(Boolean).join(' ');
}
