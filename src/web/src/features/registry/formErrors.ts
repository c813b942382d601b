import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { isFetchBaseQueryError, toProblem, type Problem } from '../../api/problem';

type FieldErrors = Record<string, string[]>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A server field key as a path of the JSON body, every part camelCase:
 * "Infrastructure.ClassroomsUsable" → "infrastructure.classroomsUsable", "$.guardians[0].name" → "guardians[0].name".
 */
export function fieldPath(key: string): string {
  const parts = key
    .replace(/^\$\.?/, '')
    .split('.')
    .filter((part) => part.length > 0);
  if (parts.length > 1 && parts[0] === 'body') parts.shift();
  return parts.map((part) => part.charAt(0).toLowerCase() + part.slice(1)).join('.');
}

/**
 * Like toProblem, but keeps the whole path of each field error, so that errors of nested and
 * repeated fields (an infrastructure count, the second guardian's phone) can be shown next to them.
 */
export function formProblem(error: FetchBaseQueryError | SerializedError | undefined | null): Problem | undefined {
  const problem = toProblem(error);
  if (!problem || !isFetchBaseQueryError(error)) return problem;
  const data: unknown = 'data' in error ? error.data : undefined;
  const raw = isRecord(data) && isRecord(data.errors) ? data.errors : {};
  const fieldErrors: FieldErrors = {};
  for (const [key, messages] of Object.entries(raw)) {
    const list = Array.isArray(messages)
      ? messages.filter((m): m is string => typeof m === 'string')
      : typeof messages === 'string'
        ? [messages]
        : [];
    if (list.length === 0) continue;
    const path = fieldPath(key);
    fieldErrors[path] = [...(fieldErrors[path] ?? []), ...list];
  }
  return { ...problem, fieldErrors };
}

const indexes = /\[\d+\]/g;

/** The errors of one field, including those of its items ("specialNeeds" also takes "specialNeeds[2]"). */
export function errorsAt(errors: FieldErrors, path: string): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === path || (key.startsWith(`${path}[`) && /^\[\d+\]$/.test(key.slice(path.length))))
    .flatMap(([, messages]) => messages);
  return found.length > 0 ? found : undefined;
}

/**
 * The field keys of a problem that the form shows inline. Patterns use "[]" for any index
 * ("guardians[].name"); a list field also covers its items ("specialNeeds" covers "specialNeeds[0]").
 */
export function inlineFields(problem: Problem | undefined, patterns: readonly string[]): string[] {
  if (!problem) return [];
  return Object.keys(problem.fieldErrors).filter((key) => {
    const general = key.replace(indexes, '[]');
    return patterns.some((pattern) => general === pattern || general === `${pattern}[]`);
  });
}
