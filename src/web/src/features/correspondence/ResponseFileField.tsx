import { useState } from 'react';
import { SelectField } from '../../components/fields';
import { formProblem } from '../registry/formErrors';
import { FileInput } from './CaseFilesPanel';
import { useCaseFilesQuery, useUploadCaseFileMutation } from './caseFilesApi';

/**
 * Picks the response file an upload_response event attaches: one of the case's response files, or
 * a new one uploaded here (it is stored at once and chosen). The server checks the file is the case's.
 */
export function ResponseFileField({
  caseId,
  value,
  onChange,
  errors,
}: {
  caseId: string;
  value: string;
  onChange: (fileId: string) => void;
  errors?: string[];
}) {
  const { data } = useCaseFilesQuery({ caseId, kind: 'response', pageSize: 100 });
  const [chosen, setChosen] = useState<File | null>(null);
  const [upload, { isLoading, error }] = useUploadCaseFileMutation();
  const uploadProblem = formProblem(error);
  const files = (data?.items ?? []).filter((f) => !f.removed);

  function send() {
    if (!chosen) return;
    void upload({ caseId, kind: 'response', file: chosen })
      .unwrap()
      .then((file) => {
        onChange(file.id);
        setChosen(null);
      })
      .catch(() => undefined);
  }

  return (
    <fieldset className="fieldset">
      <legend>Response file</legend>
      <SelectField
        label="Response file"
        name="fileId"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        errors={errors}
        hint="One of the case’s response files, or upload a new one below."
      >
        <option value="">Choose</option>
        {files.map((f) => (
          <option key={f.id} value={f.id}>
            {f.fileName} (version {f.versionCount})
          </option>
        ))}
      </SelectField>
      <FileInput
        label="Upload a new response file"
        name="file"
        errors={
          uploadProblem
            ? Object.values(uploadProblem.fieldErrors)
                .flat()
                .concat(uploadProblem.detail ?? [])
                .slice(0, 1)
            : undefined
        }
        onChange={setChosen}
      />
      <button type="button" className="button button--secondary" disabled={!chosen || isLoading} onClick={send}>
        {isLoading ? 'Uploading…' : 'Upload response file'}
      </button>
    </fieldset>
  );
}
