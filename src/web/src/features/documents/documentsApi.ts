import { baseApi, queryParams, type Page } from '../../api/baseApi';

export const classifications = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type Classification = (typeof classifications)[number];

export const documentPermissions = {
  read: 'documents.read',
  readSensitive: 'documents.read-sensitive',
  manage: 'documents.manage',
} as const;

export interface DocumentSummary {
  id: string;
  ownerRef: string;
  fileName: string;
  classification: Classification;
  scopePath: string;
  latestVersion: number;
  disposeAfter: string | null;
  createdAt: string;
}

export interface DocumentVersion {
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

export interface DocumentDetail extends DocumentSummary {
  version: number;
  versions: DocumentVersion[];
}

export interface DownloadLink {
  url: string;
  expiresAt: string;
}

export interface UploadDocument {
  file: File;
  classification: string;
  ownerRef?: string;
  scopePath?: string;
  disposeAfter?: string;
}

/** The file is the request body, sent as it is; what describes it goes in the query string. */
function fileBody(file: File) {
  return { headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file };
}

const tagged = baseApi.enhanceEndpoints({ addTagTypes: ['Documents', 'Document'] });

export const documentsApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    documents: build.query<Page<DocumentSummary>, { ownerRef?: string; page: number; pageSize: number }>({
      query: ({ ownerRef, page, pageSize }) => ({
        url: '/documents',
        params: queryParams({ ownerRef, page, pageSize }),
      }),
      providesTags: ['Documents'],
    }),
    document: build.query<DocumentDetail, string>({
      query: (id) => `/documents/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Document', id }],
    }),
    uploadDocument: build.mutation<DocumentDetail, UploadDocument>({
      query: ({ file, classification, ownerRef, scopePath, disposeAfter }) => ({
        url: '/documents',
        method: 'POST',
        params: queryParams({ fileName: file.name, classification, ownerRef, scopePath, disposeAfter }),
        ...fileBody(file),
      }),
      invalidatesTags: ['Documents'],
    }),
    addDocumentVersion: build.mutation<DocumentDetail, { id: string; file: File }>({
      query: ({ id, file }) => ({
        url: `/documents/${encodeURIComponent(id)}/versions`,
        method: 'POST',
        params: { fileName: file.name },
        ...fileBody(file),
      }),
      invalidatesTags: (_result, _error, { id }) => ['Documents', { type: 'Document', id }],
    }),
    createDownloadLink: build.mutation<DownloadLink, { id: string; version: number }>({
      query: ({ id, version }) => ({
        url: `/documents/${encodeURIComponent(id)}/links`,
        method: 'POST',
        body: { version },
      }),
    }),
    disposeDocument: build.mutation<void, string>({
      query: (id) => ({ url: `/documents/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: (_result, _error, id) => ['Documents', { type: 'Document', id }],
    }),
  }),
});

export const {
  useDocumentsQuery,
  useDocumentQuery,
  useUploadDocumentMutation,
  useAddDocumentVersionMutation,
  useCreateDownloadLinkMutation,
  useDisposeDocumentMutation,
} = documentsApi;

const sizeUnits = ['bytes', 'KB', 'MB', 'GB'];

export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < sizeUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${sizeUnits[unit]}`;
}
