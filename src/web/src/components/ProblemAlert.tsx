import type { Problem } from '../api/problem';

/**
 * Announces a server problem. Field errors for fields the form shows are rendered next to those
 * fields (see TextField); any other field errors are listed here so that none is lost.
 */
export function ProblemAlert({ problem, shownFields = [] }: { problem: Problem | undefined; shownFields?: string[] }) {
  if (!problem) return null;
  const otherErrors = Object.entries(problem.fieldErrors).filter(([field]) => !shownFields.includes(field));
  const hasInlineErrors = Object.keys(problem.fieldErrors).some((field) => shownFields.includes(field));
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{problem.title}</p>
      {problem.detail ? <p>{problem.detail}</p> : null}
      {hasInlineErrors ? <p>Check the highlighted fields below.</p> : null}
      {otherErrors.length > 0 ? (
        <ul>
          {otherErrors.flatMap(([field, messages]) =>
            messages.map((message) => <li key={`${field}:${message}`}>{message}</li>),
          )}
        </ul>
      ) : null}
    </div>
  );
}

export function StatusMessage({ children }: { children: React.ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}
