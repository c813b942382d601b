import { describe, expect, it } from 'vitest';
import { fieldKey, looksLikeAntiforgeryFailure, toProblem } from './problem';

describe('toProblem', () => {
  it('reads title, detail and field errors with camelCase keys', () => {
    const problem = toProblem({
      status: 400,
      data: {
        title: 'Validation failed',
        detail: 'Fix the fields.',
        errors: { NewPassword: ['Too short.'], '$.email': ['Bad email.'], newPassword: ['Too common.'] },
      },
    });
    expect(problem).toEqual({
      status: 400,
      title: 'Validation failed',
      detail: 'Fix the fields.',
      fieldErrors: { newPassword: ['Too short.', 'Too common.'], email: ['Bad email.'] },
    });
  });

  it('falls back to a plain title by status when the body is not a problem', () => {
    expect(toProblem({ status: 403, data: '' })?.title).toBe('You do not have permission to do that');
    expect(toProblem({ status: 'FETCH_ERROR', error: 'TypeError' })?.title).toBe('The server could not be reached');
  });

  it('maps keys to form field names', () => {
    expect(fieldKey('ScopeId')).toBe('scopeId');
    expect(fieldKey('request.DisplayName')).toBe('displayName');
  });

  it('recognises an anti-forgery rejection but not a validation problem', () => {
    expect(looksLikeAntiforgeryFailure({ status: 400, data: { title: 'Antiforgery token validation failed' } })).toBe(
      true,
    );
    expect(looksLikeAntiforgeryFailure({ status: 400, data: { title: 'Invalid', errors: { code: ['xsrf'] } } })).toBe(
      false,
    );
    expect(looksLikeAntiforgeryFailure({ status: 401, data: { title: 'antiforgery' } })).toBe(false);
  });
});
