import { baseApi, queryParams, type Page } from '../../api/baseApi';
import type { Me } from '../auth/authApi';
import { hasPermission } from '../auth/authApi';

export const importKinds = ['Institutions', 'Learners', 'Staff', 'Enrolments'] as const;
export type ImportKind = (typeof importKinds)[number];

export type ImportStatus = 'Uploaded' | 'Validating' | 'Validated' | 'Applying' | 'Applied' | 'Failed';
export type ImportMode = 'AllOrNothing' | 'SkipBadRows';

/** The permission each kind of import needs (the server's processor permission). */
export const importPermission: Record<ImportKind, string> = {
  Institutions: 'institutions.manage',
  Learners: 'learners.manage',
  Staff: 'staff.manage',
  Enrolments: 'learners.manage',
};

/** Holding any of these lets a user import something. */
export const importPermissions = [...new Set(Object.values(importPermission))];

export function allowedKinds(me: Me | undefined): ImportKind[] {
  return importKinds.filter((kind) => hasPermission(me, importPermission[kind]));
}

export const kindLabels: Record<ImportKind, string> = {
  Institutions: 'Institutions',
  Learners: 'Learners',
  Staff: 'Staff',
  Enrolments: 'Enrolments',
};

export const statusLabels: Record<ImportStatus, string> = {
  Uploaded: 'Uploaded',
  Validating: 'Dry run in progress',
  Validated: 'Checked',
  Applying: 'Applying',
  Applied: 'Applied',
  Failed: 'Failed',
};

/** A field an import kind understands; the mapping ties it to a column of the file. */
export interface ImportField {
  name: string;
  required: boolean;
  description: string;
  synonyms: string[];
}

export interface ImportProgress {
  processedRows: number;
  /** Unknown during the first dry run (the file has not been counted yet). */
  totalRows: number | null;
}

export interface ImportView {
  id: string;
  kind: ImportKind;
  fileName: string;
  format: string;
  size: number;
  sha256: string;
  status: ImportStatus;
  mode: ImportMode | null;
  columns: string[];
  /** Field → column. */
  mapping: Record<string, string>;
  fields: ImportField[];
  totalRows: number;
  validRows: number;
  errorRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failure: string | null;
  progress: ImportProgress | null;
  createdAt: string;
  validatedAt: string | null;
  appliedAt: string | null;
}

export interface ImportProblem {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export function isRunning(status: ImportStatus): boolean {
  return status === 'Validating' || status === 'Applying';
}

/**
 * How often a running import is asked for its progress. Tests shorten it; a user sees the bar move
 * about once a second, which is as often as the worker reports.
 */
export const importPolling = { intervalMs: 1000 };

const importsBase = baseApi.enhanceEndpoints({ addTagTypes: ['Import', 'Imports', 'ImportProblems'] });

export const importsApi = importsBase.injectEndpoints({
  endpoints: (build) => ({
    imports: build.query<Page<ImportView>, { page: number; pageSize: number }>({
      query: ({ page, pageSize }) => ({ url: '/imports', params: queryParams({ page, pageSize }) }),
      providesTags: ['Imports'],
    }),
    import: build.query<ImportView, string>({
      query: (id) => `/imports/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Import', id }],
    }),
    importProblems: build.query<Page<ImportProblem>, { id: string; page: number; pageSize: number }>({
      query: ({ id, page, pageSize }) => ({
        url: `/imports/${encodeURIComponent(id)}/problems`,
        params: queryParams({ page, pageSize }),
      }),
      providesTags: (_result, _error, { id }) => [{ type: 'ImportProblems', id }],
    }),
    /** The file goes as the request body, as it is (the server reads CSV and XLSX by their content). */
    uploadImport: build.mutation<ImportView, { kind: ImportKind; file: File }>({
      query: ({ kind, file }) => ({
        url: '/imports',
        method: 'POST',
        params: { kind, fileName: file.name },
        headers: { 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
      }),
      invalidatesTags: ['Imports'],
    }),
    saveImportMapping: build.mutation<ImportView, { id: string; mapping: Record<string, string> }>({
      query: ({ id, mapping }) => ({
        url: `/imports/${encodeURIComponent(id)}/mapping`,
        method: 'PUT',
        body: { mapping },
      }),
      async onQueryStarted({ id }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (data) dispatch(importsApi.util.upsertQueryData('import', id, data));
      },
      invalidatesTags: ['Imports'],
    }),
    startDryRun: build.mutation<ImportView, string>({
      query: (id) => ({ url: `/imports/${encodeURIComponent(id)}/dry-run`, method: 'POST' }),
      async onQueryStarted(id, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (data) dispatch(importsApi.util.upsertQueryData('import', id, data));
      },
      invalidatesTags: (_result, _error, id) => ['Imports', { type: 'ImportProblems', id }],
    }),
    applyImport: build.mutation<ImportView, { id: string; mode: ImportMode }>({
      query: ({ id, mode }) => ({ url: `/imports/${encodeURIComponent(id)}/apply`, method: 'POST', body: { mode } }),
      async onQueryStarted({ id }, { dispatch, queryFulfilled }) {
        const { data } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (data) dispatch(importsApi.util.upsertQueryData('import', id, data));
      },
      invalidatesTags: (_result, _error, { id }) => ['Imports', { type: 'ImportProblems', id }],
    }),
  }),
});

export const {
  useImportsQuery,
  useImportQuery,
  useImportProblemsQuery,
  useUploadImportMutation,
  useSaveImportMappingMutation,
  useStartDryRunMutation,
  useApplyImportMutation,
} = importsApi;

/** "learnerNumber" → "Learner number". */
export function fieldLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The largest file the server takes (UploadImport.MaxBytes). */
export const maxUploadBytes = 200 * 1024 * 1024;
