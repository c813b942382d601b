import { queryParams, type Page } from '../../api/baseApi';
import type { Sex } from './learnersApi';
import { registryApi, type DateOnly, type Id } from './registryApi';

export const staffCategories = ['Teaching', 'NonTeaching'] as const;
export type StaffCategory = (typeof staffCategories)[number];

export interface Qualification {
  name: string;
  year: number | null;
  levels: string[];
}

export interface Posting {
  id: Id;
  institutionId: Id;
  institutionName: string;
  position: string;
  teachingLevel: string | null;
  startsOn: DateOnly;
  endsOn: DateOnly | null;
}

export interface StaffSummary {
  id: Id;
  staffNumber: string;
  givenName: string;
  familyName: string;
  category: StaffCategory;
  institutionId: Id;
}

export interface StaffDetail extends StaffSummary {
  sex: Sex;
  dateOfBirth: DateOnly;
  phone: string | null;
  email: string | null;
  qualifications: Qualification[];
  qualifiedForLevelTaught: boolean | null;
  postings: Posting[];
  version: number;
}

/** The body of POST /staff and (with version) PUT /staff/{id}; the posting fields count only at creation. */
export interface StaffFields {
  staffNumber: string;
  givenName: string;
  familyName: string;
  sex: Sex;
  dateOfBirth: DateOnly;
  category: StaffCategory;
  phone: string | null;
  email: string | null;
  qualifications: Qualification[];
  institutionId: Id;
  position: string | null;
  teachingLevel: string | null;
  startsOn: DateOnly | null;
  version?: number;
}

export interface StaffListQuery {
  q?: string;
  institutionId?: string;
  category?: string;
  page: number;
  pageSize: number;
}

export interface TransferStaffRequest {
  id: Id;
  institutionId: Id;
  startsOn: DateOnly;
  position: string | null;
  teachingLevel: string | null;
  version: number;
}

export const staffApi = registryApi.injectEndpoints({
  endpoints: (build) => ({
    staffList: build.query<Page<StaffSummary>, StaffListQuery>({
      query: ({ q, institutionId, category, page, pageSize }) => ({
        url: '/staff',
        params: queryParams({ q, institutionId, category, page, pageSize }),
      }),
      providesTags: ['Staff'],
    }),
    staffMember: build.query<StaffDetail, Id>({
      query: (id) => `/staff/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'StaffMember', id }],
    }),
    createStaffMember: build.mutation<StaffDetail, StaffFields>({
      query: (body) => ({ url: '/staff', method: 'POST', body }),
      invalidatesTags: ['Staff'],
    }),
    updateStaffMember: build.mutation<StaffDetail, StaffFields & { id: Id; version: number }>({
      query: ({ id, ...body }) => ({ url: `/staff/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: (_result, _error, { id }) => ['Staff', { type: 'StaffMember', id }],
    }),
    transferStaffMember: build.mutation<StaffDetail, TransferStaffRequest>({
      query: ({ id, ...body }) => ({ url: `/staff/${encodeURIComponent(id)}/transfer`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id }) => ['Staff', { type: 'StaffMember', id }],
    }),
  }),
});

export const {
  useStaffListQuery,
  useStaffMemberQuery,
  useCreateStaffMemberMutation,
  useUpdateStaffMemberMutation,
  useTransferStaffMemberMutation,
} = staffApi;
