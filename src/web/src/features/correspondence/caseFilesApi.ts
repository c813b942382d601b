import { baseApi, queryParams, type Page } from '../../api/baseApi';

export type CaseFileKind = 'response' | 'correspondence' | 'letter';

export const caseFileKinds: { value: CaseFileKind; label: string }[] = [
  { value: 'response', label: 'Response' },
  { value: 'correspondence', label: 'Correspondence' },
  { value: 'letter', label: 'Letter' },
];

/** A file of a case (GET /correspondence/cases/{id}/files); a file removed on anonymisation has no name. */
export interface CaseFile {
  id: string;
  caseId: string;
  documentId: string;
  kind: CaseFileKind;
  fileName: string | null;
  size: number;
  contentType: string;
  uploadedBy: string | null;
  uploadedAt: string;
  versionCount: number;
  removed: boolean;
  removedNote: string | null;
  isResponse: boolean;
}

/** One stored version, as the Documents module describes it. */
export interface CaseFileVersion {
  documentId: string;
  versionId: string;
  number: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  scanStatus: string;
  createdAt: string;
}

export interface DownloadLink {
  url: string;
  expiresAt: string;
}

/** A short-lived link that shows a version in the browser (PDF, PNG, JPEG, plain text only). */
export interface PreviewLink extends DownloadLink {
  contentType: string;
}

/** The types the server shows inline; anything else is download-only. */
export const previewableTypes = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'];

/** The media type without parameters ("text/plain; charset=utf-8" → "text/plain"). */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

export function isPreviewable(contentType: string): boolean {
  return previewableTypes.includes(mediaType(contentType));
}

const filesBase = baseApi.enhanceEndpoints({ addTagTypes: ['CaseFiles', 'CaseFileVersions'] });

function filesUrl(caseId: string) {
  return `/correspondence/cases/${encodeURIComponent(caseId)}/files`;
}

function form(file: File): FormData {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
}

export const caseFilesApi = filesBase.injectEndpoints({
  endpoints: (build) => ({
    caseFiles: build.query<Page<CaseFile>, { caseId: string; kind?: CaseFileKind; page?: number; pageSize?: number }>({
      query: ({ caseId, kind, page, pageSize }) => ({
        url: filesUrl(caseId),
        params: queryParams({ kind, page, pageSize }),
      }),
      providesTags: (_result, _error, { caseId }) => [{ type: 'CaseFiles', id: caseId }],
    }),
    caseFileVersions: build.query<CaseFileVersion[], { caseId: string; fileId: string }>({
      query: ({ caseId, fileId }) => `${filesUrl(caseId)}/${encodeURIComponent(fileId)}/versions`,
      providesTags: (_result, _error, { fileId }) => [{ type: 'CaseFileVersions', id: fileId }],
    }),
    /** The file goes as the "file" part of a multipart form; the server streams it to the Documents module. */
    uploadCaseFile: build.mutation<CaseFile, { caseId: string; kind: CaseFileKind; file: File }>({
      query: ({ caseId, kind, file }) => ({
        url: filesUrl(caseId),
        method: 'POST',
        params: { kind },
        body: form(file),
      }),
      invalidatesTags: (_result, _error, { caseId }) => [{ type: 'CaseFiles', id: caseId }],
    }),
    addCaseFileVersion: build.mutation<CaseFile, { caseId: string; fileId: string; file: File }>({
      query: ({ caseId, fileId, file }) => ({
        url: `${filesUrl(caseId)}/${encodeURIComponent(fileId)}/versions`,
        method: 'POST',
        body: form(file),
      }),
      invalidatesTags: (_result, _error, { caseId, fileId }) => [
        { type: 'CaseFiles', id: caseId },
        { type: 'CaseFileVersions', id: fileId },
      ],
    }),
    /** Renders a letter from the latest template and files it on the case (kind letter). */
    saveCaseLetter: build.mutation<CaseFile, { caseId: string; kind: string; format: 'docx' | 'pdf' }>({
      query: ({ caseId, kind, format }) => ({
        url: `/correspondence/cases/${encodeURIComponent(caseId)}/letters`,
        method: 'POST',
        body: { kind, format, save: true },
      }),
      invalidatesTags: (_result, _error, { caseId }) => [{ type: 'CaseFiles', id: caseId }],
    }),
    /** A short-lived signed link (a few minutes) to the latest version or to one version. */
    caseFileLink: build.mutation<DownloadLink, { caseId: string; fileId: string; version?: number }>({
      query: ({ caseId, fileId, version }) => ({
        url: `${filesUrl(caseId)}/${encodeURIComponent(fileId)}/links`,
        method: 'POST',
        params: queryParams({ version }),
      }),
    }),
    /** A short-lived preview link (422 for a type not shown inline). */
    caseFilePreview: build.mutation<PreviewLink, { caseId: string; fileId: string; version?: number }>({
      query: ({ caseId, fileId, version }) => ({
        url: `${filesUrl(caseId)}/${encodeURIComponent(fileId)}/previews`,
        method: 'POST',
        params: queryParams({ version }),
      }),
    }),
  }),
});

export const {
  useCaseFilePreviewMutation,
  useCaseFilesQuery,
  useCaseFileVersionsQuery,
  useUploadCaseFileMutation,
  useAddCaseFileVersionMutation,
  useCaseFileLinkMutation,
  useSaveCaseLetterMutation,
} = caseFilesApi;
