import { useId, useState, type FormEvent } from 'react';
import { SelectField } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatSize } from '../imports/importsApi';
import { formProblem, inlineFields } from '../registry/formErrors';
import {
  caseFileKinds,
  useAddCaseFileVersionMutation,
  useCaseFileLinkMutation,
  useCaseFileVersionsQuery,
  useCaseFilesQuery,
  useUploadCaseFileMutation,
  type CaseFile,
  type CaseFileKind,
  type DownloadLink,
} from './caseFilesApi';
import type { CaseDetail } from './casesApi';
import { PreviewButton } from './FilePreview';

/** People who may act on the case now (any allowed event) may add files; everyone who sees it may read them. */
export function mayAddFiles(detail: CaseDetail): boolean {
  return Object.values(detail.allowedEvents).some((events) => events.length > 0);
}

/** A file input with its label, hint and inline error (the server's "file" field). */
export function FileInput({
  label,
  name,
  errors,
  onChange,
}: {
  label: string;
  name: string;
  errors?: string[];
  onChange: (file: File | null) => void;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {invalid ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error:</span> {errors?.join(' ')}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="file"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}

/** Asks for a short-lived link, then offers it (it works for a few minutes). */
function DownloadButton({ caseId, file, version }: { caseId: string; file: CaseFile; version?: number }) {
  const [issue, { isLoading, error }] = useCaseFileLinkMutation();
  const [link, setLink] = useState<DownloadLink | null>(null);
  const problem = formProblem(error);
  const what = version ? `version ${version} of ${file.fileName}` : file.fileName;
  if (link) {
    return (
      <a href={link.url} download>
        Download {what} (link valid until {formatDateTime(link.expiresAt)})
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={isLoading}
        aria-label={`Get download link for ${what}`}
        onClick={() =>
          void issue({ caseId, fileId: file.id, version })
            .unwrap()
            .then(setLink)
            .catch(() => undefined)
        }
      >
        Get download link
      </button>
      <ProblemAlert problem={problem} />
    </>
  );
}

function Versions({ caseId, file }: { caseId: string; file: CaseFile }) {
  const { data, isLoading } = useCaseFileVersionsQuery({ caseId, fileId: file.id });
  if (isLoading) return <p>Loading versions…</p>;
  return (
    <ol aria-label={`Versions of ${file.fileName}`} className="case-file-versions">
      {(data ?? []).map((v) => (
        <li key={v.versionId}>
          Version {v.number}: {v.fileName}, {formatSize(v.size)}, {formatDateTime(v.createdAt)} (scan: {v.scanStatus}){' '}
          <DownloadButton caseId={caseId} file={file} version={v.number} />
        </li>
      ))}
    </ol>
  );
}

function NewVersion({ caseId, file }: { caseId: string; file: CaseFile }) {
  const [chosen, setChosen] = useState<File | null>(null);
  const [upload, { isLoading, error }] = useAddCaseFileVersionMutation();
  const problem = formProblem(error);
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void upload({ caseId, fileId: file.id, file: chosen })
      .unwrap()
      .then(() => setChosen(null))
      .catch(() => undefined);
  }

  return (
    <form onSubmit={submit} noValidate className="case-file-version-form">
      <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['file', 'fileName'])} />
      <FileInput
        label={`New version of ${file.fileName}`}
        name="file"
        errors={missing ? ['Choose the file.'] : (problem?.fieldErrors.file ?? problem?.fieldErrors.fileName)}
        onChange={setChosen}
      />
      <button type="submit" className="button button--secondary" disabled={isLoading}>
        Upload new version
      </button>
    </form>
  );
}

function FileRow({ caseId, file, canAdd }: { caseId: string; file: CaseFile; canAdd: boolean }) {
  const [showVersions, setShowVersions] = useState(false);
  if (file.removed) {
    return (
      <tr>
        <td>
          <em>File {file.removedNote}</em>
        </td>
        <td>{file.kind}</td>
        <td colSpan={4}>—</td>
      </tr>
    );
  }
  return (
    <tr>
      <td>
        {file.fileName}
        {file.isResponse ? <strong> (the response)</strong> : null}
      </td>
      <td>{file.kind}</td>
      <td>{formatSize(file.size)}</td>
      <td>{file.versionCount}</td>
      <td>{formatDateTime(file.uploadedAt)}</td>
      <td>
        <DownloadButton caseId={caseId} file={file} /> <PreviewButton caseId={caseId} file={file} />{' '}
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showVersions}
          aria-label={`Versions of ${file.fileName}`}
          onClick={() => setShowVersions((s) => !s)}
        >
          Versions
        </button>
        {showVersions ? <Versions caseId={caseId} file={file} /> : null}
        {showVersions && canAdd ? <NewVersion caseId={caseId} file={file} /> : null}
      </td>
    </tr>
  );
}

function UploadForm({ caseId }: { caseId: string }) {
  const [kind, setKind] = useState<CaseFileKind>('correspondence');
  const [chosen, setChosen] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [upload, { isLoading, error }] = useUploadCaseFileMutation();
  const problem = formProblem(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (!chosen) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void upload({ caseId, kind, file: chosen })
      .unwrap()
      .then((file) => {
        setDone(`${file.fileName} uploaded.`);
        setChosen(null);
        (event.target as HTMLFormElement).reset();
      })
      .catch(() => undefined);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Upload a file">
      <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['file', 'fileName', 'kind'])} />
      {done ? <p role="status">{done}</p> : null}
      <SelectField
        label="Kind of file"
        name="kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as CaseFileKind)}
        errors={problem?.fieldErrors.kind}
      >
        {caseFileKinds.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </SelectField>
      <FileInput
        label="File"
        name="file"
        errors={missing ? ['Choose the file.'] : (problem?.fieldErrors.file ?? problem?.fieldErrors.fileName)}
        onChange={setChosen}
      />
      <button type="submit" className="button" disabled={isLoading}>
        {isLoading ? 'Uploading…' : 'Upload'}
      </button>
    </form>
  );
}

/** The case's files (responses, correspondence, letters): list with versions and download links; upload for those who may act. */
export function CaseFilesPanel({ detail }: { detail: CaseDetail }) {
  const [page, setPage] = useState(1);
  const { data, isLoading, isError } = useCaseFilesQuery({ caseId: detail.id, page, pageSize: 10 });
  const canAdd = mayAddFiles(detail);
  return (
    <section aria-labelledby="case-files-heading">
      <h2 id="case-files-heading">Files</h2>
      {isLoading ? <p>Loading files…</p> : null}
      {isError ? <p role="alert">The files could not be loaded.</p> : null}
      {data && data.items.length === 0 ? <p>No files yet.</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <table>
            <caption className="visually-hidden">Files of case {detail.number}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Size</th>
                <th scope="col">Versions</th>
                <th scope="col">Uploaded</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((file) => (
                <FileRow key={file.id} caseId={detail.id} file={file} canAdd={canAdd} />
              ))}
            </tbody>
          </table>
          <Pagination label="Files pages" data={data} onPageChange={setPage} />
        </>
      ) : null}
      {canAdd ? <UploadForm caseId={detail.id} /> : null}
    </section>
  );
}
