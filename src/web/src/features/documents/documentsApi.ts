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

/** A direct-to-storage upload (docs/api/documents.md). */
export interface DirectUpload {
  id: string;
  status: 'awaiting-upload' | 'quarantined' | 'scanning' | 'stored' | 'rejected' | 'expired';
  reason: string | null;
  documentId: string | null;
  version: number | null;
  versionOf: string | null;
}

export interface IssuedUpload {
  upload: DirectUpload;
  uploadUrl: string;
  uploadMethod: string;
  uploadHeaders: Record<string, string>;
  expiresAt: string;
}

/** How often the scan of a direct upload is asked about. */
export const directPollMs = 1000;

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
    /**
     * A new version: straight to storage where the server offers direct uploads (presigned PUT, then
     * complete, then wait for the scan), else streamed through the API. A 404 from the direct start
     * means direct uploads are off (or the document is gone, which the streamed POST then says).
     */
    addDocumentVersion: build.mutation<DocumentDetail, { id: string; file: File }>({
      async queryFn({ id, file }, _api, _extra, baseQuery) {
        const path = `/documents/${encodeURIComponent(id)}`;
        const started = await baseQuery({
          url: `${path}/versions/uploads`,
          method: 'POST',
          body: { fileName: file.name, size: file.size, contentType: file.type || undefined },
        });
        if (started.error?.status === 404) {
          const streamed = await baseQuery({
            url: `${path}/versions`,
            method: 'POST',
            params: { fileName: file.name },
            ...fileBody(file),
          });
          return streamed.error ? { error: streamed.error } : { data: streamed.data as DocumentDetail };
        }
        if (started.error) return { error: started.error };
        const issued = started.data as IssuedUpload;
        const put = await fetch(issued.uploadUrl, {
          method: issued.uploadMethod,
          headers: issued.uploadHeaders,
          body: file,
        });
        if (!put.ok) {
          return { error: { status: 'CUSTOM_ERROR', error: `The storage refused the file (HTTP ${put.status}).` } };
        }
        const uploadPath = `/documents/uploads/${encodeURIComponent(issued.upload.id)}`;
        const completed = await baseQuery({ url: `${uploadPath}/complete`, method: 'POST' });
        if (completed.error) return { error: completed.error };
        for (let wait = 0; wait < 120; wait++) {
          const polled = await baseQuery(uploadPath);
          if (polled.error) return { error: polled.error };
          const upload = polled.data as DirectUpload;
          if (upload.status === 'rejected' || upload.status === 'expired') {
            const reason = upload.reason ?? 'The file was not accepted.';
            return {
              error: {
                status: 422,
                data: { title: 'The file was not accepted.', detail: reason, errors: { file: [reason] } },
              },
            };
          }
          if (upload.status === 'stored') {
            const document = await baseQuery(path);
            return document.error ? { error: document.error } : { data: document.data as DocumentDetail };
          }
          await new Promise((resolve) => setTimeout(resolve, directPollMs));
        }
        return { error: { status: 'CUSTOM_ERROR', error: 'The file is still being scanned; look again in a minute.' } };
      },
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
