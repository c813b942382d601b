import { baseApi, queryParams, type Page } from '../../../api/baseApi';

export interface Job {
  id: string | number;
  type: string;
  state: string;
  attempts: number;
  runAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export const jobsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    jobs: build.query<Page<Job>, { page: number; pageSize: number; state?: string }>({
      query: ({ page, pageSize, state }) => ({ url: '/admin/jobs', params: queryParams({ page, pageSize, state }) }),
      providesTags: ['Jobs'],
    }),
  }),
});

export const { useJobsQuery } = jobsApi;
