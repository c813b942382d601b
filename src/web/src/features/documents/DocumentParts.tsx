import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import { toProblem, type Problem } from '../../api/problem';
import { TextField } from '../../components/fields';

export function ClassificationTag({ value }: { value: string }) {
  return <span className={value === 'OFFICIAL-SENSITIVE' ? 'tag tag--off' : 'tag'}>{value}</span>;
}

/**
 * The problem of a refused upload. Storage or the virus scanner being down (503) gets a plain
 * explanation whatever the server's wording: nothing was kept, so the same file can be sent again.
 */
export function uploadProblem(error: FetchBaseQueryError | SerializedError | undefined): Problem | undefined {
  const problem = toProblem(error);
  if (problem?.status !== 503) return problem;
  return {
    ...problem,
    title: 'Documents cannot be stored at the moment',
    detail: `${problem.detail ?? problem.title} Nothing was kept: try again in a few minutes.`,
  };
}

/** The file picker of an upload; the server's refusals (type, virus, size, name) are shown next to it. */
export function FileField({
  label,
  hint,
  errors,
  onFile,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  onFile: (file: File | null) => void;
}) {
  return (
    <TextField
      label={label}
      name="file"
      type="file"
      hint={hint}
      errors={errors}
      onChange={(e) => onFile(e.target.files?.[0] ?? null)}
    />
  );
}

/** Field errors about the file itself: the server names the file or its name. */
export function fileErrors(problem: Problem | undefined): string[] | undefined {
  const found = [...(problem?.fieldErrors.file ?? []), ...(problem?.fieldErrors.fileName ?? [])];
  return found.length > 0 ? found : undefined;
}
