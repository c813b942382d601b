import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SerializedError } from '@reduxjs/toolkit';

/** An RFC 9457 problem document as the UI shows it, with field errors keyed by camelCase field name. */
export interface Problem {
  status?: number;
  title: string;
  detail?: string;
  fieldErrors: Record<string, string[]>;
}

const fallbackTitles: Record<number, string> = {
  400: 'The request could not be accepted',
  401: 'You need to sign in',
  403: 'You do not have permission to do that',
  404: 'Not found',
  409: 'This conflicts with a change made by someone else',
  423: 'This account is locked',
  429: 'Too many attempts: wait a moment and try again',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Server keys may be "NewPassword", "newPassword" or "$.body.newPassword": the form field is the last part, camelCase. */
export function fieldKey(key: string): string {
  const last = key.split('.').pop() ?? key;
  return last.length > 0 ? last.charAt(0).toLowerCase() + last.slice(1) : last;
}

function readFieldErrors(value: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!isRecord(value)) return result;
  for (const [key, messages] of Object.entries(value)) {
    const list = Array.isArray(messages)
      ? messages.filter((m): m is string => typeof m === 'string')
      : typeof messages === 'string'
        ? [messages]
        : [];
    if (list.length > 0) {
      const name = fieldKey(key);
      result[name] = [...(result[name] ?? []), ...list];
    }
  }
  return result;
}

export function isFetchBaseQueryError(error: unknown): error is FetchBaseQueryError {
  return isRecord(error) && 'status' in error;
}

export function errorStatus(error: unknown): number | undefined {
  if (!isFetchBaseQueryError(error)) return undefined;
  if (typeof error.status === 'number') return error.status;
  if (error.status === 'PARSING_ERROR') return error.originalStatus;
  return undefined;
}

export function toProblem(error: FetchBaseQueryError | SerializedError | undefined | null): Problem | undefined {
  if (!error) return undefined;
  if (!isFetchBaseQueryError(error)) {
    return { title: 'Something went wrong', detail: error.message, fieldErrors: {} };
  }
  if (error.status === 'FETCH_ERROR' || error.status === 'TIMEOUT_ERROR') {
    return {
      title: 'The server could not be reached',
      detail: 'Check your connection and try again.',
      fieldErrors: {},
    };
  }
  const status = errorStatus(error);
  const data: unknown = 'data' in error ? error.data : undefined;
  const body = isRecord(data) ? data : {};
  const title =
    typeof body.title === 'string' && body.title.length > 0
      ? body.title
      : ((status !== undefined ? fallbackTitles[status] : undefined) ?? 'Something went wrong');
  const detail = typeof body.detail === 'string' && body.detail.length > 0 ? body.detail : undefined;
  return { status, title, detail, fieldErrors: readFieldErrors(body.errors) };
}

export function looksLikeAntiforgeryFailure(error: FetchBaseQueryError): boolean {
  if (errorStatus(error) !== 400) return false;
  const data: unknown = 'data' in error ? error.data : undefined;
  if (!isRecord(data)) return false;
  if (isRecord(data.errors) && Object.keys(data.errors).length > 0) return false;
  const text = `${String(data.title ?? '')} ${String(data.detail ?? '')} ${String(data.type ?? '')}`;
  return /anti-?forgery|xsrf|csrf/i.test(text);
}
