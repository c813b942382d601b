import { ensureAntiforgery, apiRoot, readCookie, XSRF_COOKIE, XSRF_HEADER } from '../../../api/antiforgery';
import { baseApi, queryParams, type Page } from '../../../api/baseApi';
import type { Problem } from '../../../api/problem';

export interface LetterTemplateSummary {
  id: string;
  type: string;
  typeTitle: string;
  kind: string;
  latestVersion: number;
  title: string;
  updatedAt: string;
  updatedById: string | null;
  updatedByName: string | null;
}

export interface LetterTemplateVersion {
  id: string;
  number: number;
  title: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  changeNote: string | null;
  createdAt: string;
}

export interface LetterTemplateDetail {
  id: string;
  type: string;
  typeTitle: string;
  kind: string;
  latestVersion: number;
  version: number;
  versions: LetterTemplateVersion[];
}

export interface LetterPlaceholder {
  name: string;
  description: string;
  sample: string;
}

/** A rendered letter as the preview endpoint returns it: plain text, paragraphs of lines. */
export interface LetterPreview {
  ministryName: string;
  letterhead: string[];
  date: string;
  reference: string;
  title: string;
  paragraphs: string[][];
}

export interface SaveLetterTemplate {
  type: string;
  kind: string;
  title: string;
  body: string;
  changeNote: string;
  basedOnVersion: number | null;
}

export const letterKinds = [
  { code: 'acknowledgement', title: 'Acknowledgement' },
  { code: 'dispatch', title: 'Dispatch' },
] as const;

export function kindTitle(kind: string): string {
  return letterKinds.find((k) => k.code === kind)?.title ?? kind.replace(/_/g, ' ');
}

const lettersBase = baseApi.enhanceEndpoints({ addTagTypes: ['LetterTemplates', 'LetterTemplate'] });

export const lettersApi = lettersBase.injectEndpoints({
  endpoints: (build) => ({
    letterTemplates: build.query<Page<LetterTemplateSummary>, { type?: string; kind?: string }>({
      query: ({ type, kind }) => ({
        url: '/correspondence/letter-templates',
        params: queryParams({ type, kind, pageSize: 200 }),
      }),
      providesTags: ['LetterTemplates'],
    }),
    letterTemplate: build.query<LetterTemplateDetail, { type: string; kind: string }>({
      query: ({ type, kind }) => `/correspondence/letter-templates/${type}/${kind}`,
      providesTags: (_r, _e, { type, kind }) => [{ type: 'LetterTemplate', id: `${type}/${kind}` }],
    }),
    letterPlaceholders: build.query<LetterPlaceholder[], void>({
      query: () => '/correspondence/letter-templates/placeholders',
    }),
    saveLetterTemplate: build.mutation<LetterTemplateDetail, SaveLetterTemplate>({
      query: ({ type, kind, ...body }) => ({
        url: `/correspondence/letter-templates/${type}/${kind}/versions`,
        method: 'POST',
        body,
      }),
      invalidatesTags: (_r, _e, { type, kind }) => [
        'LetterTemplates',
        { type: 'LetterTemplate', id: `${type}/${kind}` },
      ],
    }),
    previewLetter: build.mutation<LetterPreview, { type: string; title: string; body: string; caseId?: string }>({
      query: (body) => ({ url: '/correspondence/letter-templates/preview', method: 'POST', body }),
    }),
  }),
});

export const {
  useLetterTemplatesQuery,
  useLetterTemplateQuery,
  useLetterPlaceholdersQuery,
  useSaveLetterTemplateMutation,
  usePreviewLetterMutation,
} = lettersApi;

/** The file name the server gave in Content-Disposition, or a fallback. */
function fileName(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const data = (await response.json()) as { title?: string; detail?: string; errors?: Record<string, string[]> };
    return {
      status: response.status,
      title: data.title ?? 'The letter could not be produced.',
      detail: data.detail,
      fieldErrors: data.errors ?? {},
    };
  } catch {
    return { status: response.status, title: 'The letter could not be produced.', fieldErrors: {} };
  }
}

/**
 * Asks the server for a case's letter (POST, so it is audited and needs the anti-forgery token)
 * and hands the file to the browser as a download. Resolves to a problem when it is refused.
 */
export async function downloadCaseLetter(
  caseId: string,
  kind: string,
  format: 'docx' | 'pdf',
): Promise<Problem | null> {
  await ensureAntiforgery();
  const token = readCookie(XSRF_COOKIE);
  const response = await fetch(`${apiRoot()}/correspondence/cases/${caseId}/letters`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json, */*',
      ...(token ? { [XSRF_HEADER]: token } : {}),
    },
    body: JSON.stringify({ kind, format }),
  });
  if (!response.ok) return readProblem(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(response.headers.get('Content-Disposition'), `${kind}.${format}`);
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  return null;
}
