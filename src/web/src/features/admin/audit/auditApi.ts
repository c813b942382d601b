import { baseApi, queryParams, type Page } from '../../../api/baseApi';

export interface AuditRecord {
  sequence: number;
  at: string;
  userId: string | null;
  userEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: unknown;
}

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenSequence: number | null;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  entityType?: string;
  entityId?: string;
}

export const auditApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    auditRecords: build.query<Page<AuditRecord>, AuditQuery>({
      query: ({ page, pageSize, entityType, entityId }) => ({
        url: '/audit',
        params: queryParams({ page, pageSize, entityType, entityId }),
      }),
      providesTags: ['Audit'],
    }),
    verifyAuditChain: build.mutation<ChainVerification, void>({
      query: () => ({ url: '/audit/verify', method: 'POST' }),
    }),
  }),
});

export const { useAuditRecordsQuery, useVerifyAuditChainMutation } = auditApi;
