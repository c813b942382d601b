import { queryParams, type Page } from '../../api/baseApi';
import { registryApi, type DateOnly, type Id } from './registryApi';

export const institutionTypes = [
  'PrePrimary',
  'Primary',
  'Secondary',
  'Combined',
  'Vocational',
  'SpecialNeeds',
  'Tertiary',
] as const;
export type InstitutionType = (typeof institutionTypes)[number];

export const ownerships = ['Public', 'Private', 'FaithBased', 'Community'] as const;
export type Ownership = (typeof ownerships)[number];

export const institutionStatuses = ['Open', 'Closed', 'Merged'] as const;
export type InstitutionStatus = (typeof institutionStatuses)[number];

export const shifts = ['Single', 'Double', 'Triple'] as const;
export type Shift = (typeof shifts)[number];

export interface InstitutionSummary {
  id: Id;
  code: string;
  name: string;
  type: InstitutionType;
  ownership: Ownership;
  status: InstitutionStatus;
  areaId: Id;
  areaName: string;
  levels: string[];
  latitude: number | null;
  longitude: number | null;
  version: number;
}

export interface Infrastructure {
  classroomsUsable: number;
  classroomsUnusable: number;
  hasWater: boolean;
  hasElectricity: boolean;
  hasInternet: boolean;
  toiletsMale: number;
  toiletsFemale: number;
  toiletsShared: number;
}

export interface StatusChange {
  from: InstitutionStatus;
  to: InstitutionStatus;
  successorId: Id | null;
  effectiveOn: DateOnly;
  reason: string;
  changedAt: string;
}

export interface InstitutionDetail {
  id: Id;
  code: string;
  name: string;
  type: InstitutionType;
  ownership: Ownership;
  levels: string[];
  status: InstitutionStatus;
  successorId: Id | null;
  statusChangedOn: DateOnly | null;
  statusReason: string | null;
  areaId: Id;
  areaName: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  infrastructure: Infrastructure;
  shift: Shift;
  createdAt: string;
  version: number;
  history: StatusChange[];
  predecessors: Id[];
}

/** The body of POST /institutions and (with version) PUT /institutions/{id}. */
export interface InstitutionFields {
  code: string;
  name: string;
  type: InstitutionType;
  ownership: Ownership;
  levels: string[];
  areaId: Id;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  infrastructure: Infrastructure;
  shift: Shift;
  version?: number;
}

export interface InstitutionChange {
  sequence: number;
  at: string;
  actor: string | null;
  action: string;
  changes: string | null;
}

/** The list filters, shared by the list, the exports and the URL of the list page. */
export interface InstitutionFilters {
  q?: string;
  areaId?: string;
  type?: string;
  ownership?: string;
  status?: string;
  level?: string;
}

export interface InstitutionListQuery extends InstitutionFilters {
  page: number;
  pageSize: number;
}

export interface StatusChangeRequest {
  id: Id;
  reason: string;
  effectiveOn: DateOnly | null;
  version: number;
}

export const institutionsApi = registryApi.injectEndpoints({
  endpoints: (build) => ({
    institutions: build.query<Page<InstitutionSummary>, InstitutionListQuery>({
      query: ({ q, areaId, type, ownership, status, level, page, pageSize }) => ({
        url: '/institutions',
        params: queryParams({ q, areaId, type, ownership, status, level, page, pageSize }),
      }),
      providesTags: ['Institutions'],
    }),
    institution: build.query<InstitutionDetail, Id>({
      query: (id) => `/institutions/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Institution', id }],
    }),
    institutionChanges: build.query<Page<InstitutionChange>, { id: Id; page: number; pageSize: number }>({
      query: ({ id, page, pageSize }) => ({
        url: `/institutions/${encodeURIComponent(id)}/changes`,
        params: queryParams({ page, pageSize }),
      }),
      providesTags: (_result, _error, { id }) => [{ type: 'InstitutionChanges', id }],
    }),
    createInstitution: build.mutation<InstitutionDetail, InstitutionFields>({
      query: (body) => ({ url: '/institutions', method: 'POST', body }),
      invalidatesTags: ['Institutions'],
    }),
    updateInstitution: build.mutation<InstitutionDetail, InstitutionFields & { id: Id; version: number }>({
      query: ({ id, ...body }) => ({ url: `/institutions/${encodeURIComponent(id)}`, method: 'PUT', body }),
      invalidatesTags: (_result, _error, { id }) => [
        'Institutions',
        { type: 'Institution', id },
        { type: 'InstitutionChanges', id },
      ],
    }),
    closeInstitution: build.mutation<InstitutionDetail, StatusChangeRequest>({
      query: ({ id, ...body }) => ({ url: `/institutions/${encodeURIComponent(id)}/close`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id }) => [
        'Institutions',
        { type: 'Institution', id },
        { type: 'InstitutionChanges', id },
      ],
    }),
    mergeInstitution: build.mutation<InstitutionDetail, StatusChangeRequest & { successorId: Id }>({
      query: ({ id, ...body }) => ({ url: `/institutions/${encodeURIComponent(id)}/merge`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id, successorId }) => [
        'Institutions',
        { type: 'Institution', id },
        { type: 'Institution', id: successorId },
        { type: 'InstitutionChanges', id },
      ],
    }),
    reopenInstitution: build.mutation<InstitutionDetail, { id: Id; reason: string; version: number }>({
      query: ({ id, ...body }) => ({ url: `/institutions/${encodeURIComponent(id)}/reopen`, method: 'POST', body }),
      invalidatesTags: (_result, _error, { id }) => [
        'Institutions',
        { type: 'Institution', id },
        { type: 'InstitutionChanges', id },
      ],
    }),
  }),
});

export const {
  useInstitutionsQuery,
  useInstitutionQuery,
  useInstitutionChangesQuery,
  useCreateInstitutionMutation,
  useUpdateInstitutionMutation,
  useCloseInstitutionMutation,
  useMergeInstitutionMutation,
  useReopenInstitutionMutation,
} = institutionsApi;

export const filterNames = ['q', 'areaId', 'type', 'ownership', 'status', 'level'] as const;

/** The filters as a query string (empty ones left out), for the URL of the list and the export links. */
export function filterSearch(filters: InstitutionFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (value) search.set(name, value);
  }
  return search;
}
