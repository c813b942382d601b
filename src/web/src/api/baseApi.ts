import { createApi, fetchBaseQuery } from '@reduxjs/toolkit/query/react';
import type { BaseQueryFn, FetchArgs, FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { apiRoot, readCookie, refreshAntiforgery, XSRF_COOKIE, XSRF_HEADER } from './antiforgery';
import { errorStatus, looksLikeAntiforgeryFailure } from './problem';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const rawBaseQuery = fetchBaseQuery({
  baseUrl: apiRoot(),
  credentials: 'same-origin',
  prepareHeaders: (headers) => {
    headers.set('Accept', 'application/json, application/problem+json');
    return headers;
  },
});

function withAntiforgery(args: FetchArgs): FetchArgs {
  const token = readCookie(XSRF_COOKIE);
  if (!token) return args;
  const headers = { ...(args.headers as Record<string, string> | undefined), [XSRF_HEADER]: token };
  return { ...args, headers };
}

/**
 * Adds the anti-forgery header to unsafe requests (fetching the cookie first when it is missing,
 * and once more when the server says the token is stale), and re-checks the session on a 401.
 */
export const baseQuery: BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError> = async (args, api, extra) => {
  const request: FetchArgs = typeof args === 'string' ? { url: args } : args;
  const method = (request.method ?? 'GET').toUpperCase();

  let result;
  if (unsafeMethods.has(method)) {
    if (!readCookie(XSRF_COOKIE)) await refreshAntiforgery();
    result = await rawBaseQuery(withAntiforgery(request), api, extra);
    if (result.error && looksLikeAntiforgeryFailure(result.error)) {
      await refreshAntiforgery();
      result = await rawBaseQuery(withAntiforgery(request), api, extra);
    }
  } else {
    result = await rawBaseQuery(request, api, extra);
  }

  // A 401 outside the sign-in endpoints means the session has ended: let the shell find out.
  if (result.error && errorStatus(result.error) === 401 && !request.url.startsWith('/auth/')) {
    api.dispatch(baseApi.util.invalidateTags(['Me']));
  }
  return result;
};

export const baseApi = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes: ['Me', 'Profile', 'User', 'Users', 'Roles', 'Areas', 'Jobs', 'Audit'],
  endpoints: () => ({}),
});

/** Shape of every paged list the server returns. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** False when the server stopped counting at `total` (the registry's national lists; ADR 0009). */
  totalExact?: boolean;
}

/** Drops empty values so that they are left out of the query string. */
export function queryParams(
  values: Record<string, string | number | null | undefined>,
): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') result[key] = value;
  }
  return result;
}
