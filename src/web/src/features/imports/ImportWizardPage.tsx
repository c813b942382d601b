import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../components/format';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useMeQuery } from '../auth/authApi';
import { formProblem, inlineFields } from '../registry/formErrors';
import {
  allowedKinds,
  fieldLabel,
  formatSize,
  importPolling,
  importsApi,
  isRunning,
  kindLabels,
  maxUploadBytes,
  useApplyImportMutation,
  useImportQuery,
  useSaveImportMappingMutation,
  useStartDryRunMutation,
  useUploadImportMutation,
  type ImportKind,
  type ImportMode,
  type ImportView,
} from './importsApi';
import { formatCount, ProblemsTable, RunProgress, WizardSteps } from './ImportParts';
import '../registry/registry.css';
import './imports.css';

const kindHints: Record<ImportKind, string> = {
  Institutions: 'New institutions, or changes to known ones (by code).',
  Learners: 'New learners, or changes to known ones (by learner number, or institution code and admission number).',
  Staff: 'New staff members, or changes and postings of known ones (by staff number).',
  Enrolments: 'Learners enrolled in a grade for an academic year.',
};

/** A radio button with its label and, below it, a hint tied to it. */
function RadioOption({
  id,
  name,
  value,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  name: string;
  value: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: () => void;
}) {
  return (
    <div className="radio">
      <input
        type="radio"
        id={id}
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      </div>
    </div>
  );
}

/** Step 1: what the file holds, and the file. */
function UploadStep() {
  const { data: me } = useMeQuery();
  const navigate = useNavigate();
  const kinds = allowedKinds(me);
  const [upload, { error, isLoading }] = useUploadImportMutation();
  const [kind, setKind] = useState<ImportKind | ''>(kinds.length === 1 ? (kinds[0] ?? '') : '');
  const [file, setFile] = useState<File | null>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors = { ...(Object.keys(clientErrors).length > 0 ? {} : problem?.fieldErrors), ...clientErrors };
  const kindId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!kind) found.kind = ['Choose what the file holds.'];
    if (!file) found.file = ['Choose the file to import.'];
    else if (file.size === 0) found.file = ['The file is empty.'];
    else if (file.size > maxUploadBytes) found.file = ['The file is larger than 200 MB; split it.'];
    setClientErrors(found);
    if (!kind || !file || Object.keys(found).length > 0) return;
    const result = await upload({ kind, file });
    if ('data' in result && result.data) await navigate(`/imports/${encodeURIComponent(result.data.id)}`);
  }

  const kindErrors = errors.kind;
  return (
    <>
      <WizardSteps current={1} />
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['kind', 'file', 'fileName'])} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-label="Upload the file">
        <fieldset
          className={kindErrors ? 'fieldset field--error' : 'fieldset'}
          aria-describedby={kindErrors ? `${kindId}-error` : undefined}
        >
          <legend>What does the file hold?</legend>
          {kindErrors ? (
            <p id={`${kindId}-error`} className="field-error">
              <span className="visually-hidden">Error:</span> {kindErrors.join(' ')}
            </p>
          ) : null}
          <div className="radio-list">
            {kinds.map((k) => (
              <RadioOption
                key={k}
                id={`${kindId}-${k}`}
                name="kind"
                value={k}
                label={kindLabels[k]}
                hint={kindHints[k]}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
            ))}
          </div>
        </fieldset>
        <TextField
          label="File"
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint="CSV (UTF-8, separated by commas, semicolons or tabs) or Excel XLSX, up to 200 MB. The first row must name the columns."
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          errors={errors.file ?? errors.fileName}
        />
        <button type="submit" className="button" disabled={isLoading}>
          {isLoading ? 'Uploading…' : 'Upload and continue'}
        </button>
        {isLoading ? (
          <p role="status" className="hint">
            Uploading {file?.name}…
          </p>
        ) : null}
      </form>
    </>
  );
}

/** Step 2: which column of the file holds each field; then the dry run starts. */
function MappingStep({ view, onStarted }: { view: ImportView; onStarted: () => void }) {
  const headingId = useId();
  const [saveMapping, saveState] = useSaveImportMappingMutation();
  const [dryRun, dryRunState] = useStartDryRunMutation();
  const [mapping, setMapping] = useState<Record<string, string>>(() => ({ ...view.mapping }));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const error = saveState.error ?? dryRunState.error;
  const problem = formProblem(error);
  const errors = { ...(Object.keys(clientErrors).length > 0 ? {} : problem?.fieldErrors), ...clientErrors };
  const busy = saveState.isLoading || dryRunState.isLoading;
  const requiredCount = view.fields.filter((f) => f.required).length;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    saveState.reset();
    dryRunState.reset();
    const found: Record<string, string[]> = {};
    for (const field of view.fields) {
      if (field.required && !mapping[field.name]) {
        found[`mapping.${field.name}`] = ['Choose the column that holds this field.'];
      }
    }
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column));
    const saved = await saveMapping({ id: view.id, mapping: chosen });
    if (!('data' in saved)) return;
    const started = await dryRun(view.id);
    if ('data' in started) onStarted();
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Map the columns</h2>
      <p>
        Choose the column of <strong>{view.fileName}</strong> that holds each field. The suggested columns are chosen
        already; fields marked required must have one ({requiredCount} of {view.fields.length} fields).
      </p>
      <p className="hint">The file's columns: {view.columns.join(', ')}.</p>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert
          problem={problem}
          shownFields={inlineFields(
            problem,
            view.fields.map((f) => `mapping.${f.name}`),
          )}
        />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby={headingId}>
        <div className="registry-columns">
          {view.fields.map((field) => (
            <SelectField
              key={field.name}
              label={`${fieldLabel(field.name)}${field.required ? ' (required)' : ''}`}
              name={`mapping.${field.name}`}
              hint={field.description}
              required={field.required}
              value={mapping[field.name] ?? ''}
              onChange={(e) => setMapping({ ...mapping, [field.name]: e.target.value })}
              errors={errors[`mapping.${field.name}`]}
            >
              <option value="">{field.required ? 'Choose a column' : 'Not in the file'}</option>
              {view.columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        <button type="submit" className="button" disabled={busy}>
          Save the mapping and start the dry run
        </button>
      </form>
    </section>
  );
}

/** Step 3's outcome: how many rows are good and which are not. */
function DryRunResults({ view }: { view: ImportView }) {
  return (
    <section aria-labelledby="dry-run-heading" className="panel">
      <h2 id="dry-run-heading">Dry run results</h2>
      <dl className="summary">
        <div>
          <dt>Rows in the file</dt>
          <dd>{formatCount(view.totalRows)}</dd>
        </div>
        <div>
          <dt>Valid rows</dt>
          <dd>{formatCount(view.validRows)}</dd>
        </div>
        <div>
          <dt>Rows with problems</dt>
          <dd>{formatCount(view.errorRows)}</dd>
        </div>
      </dl>
      {view.errorRows > 0 ? (
        <>
          <div className="alert alert--warning">
            <p>
              {formatCount(view.errorRows)} {view.errorRows === 1 ? 'row has' : 'rows have'} problems. Correct the file
              and upload it again, or apply the import skipping the bad rows.
            </p>
          </div>
          <ProblemsTable id={view.id} caption="Problems found by the dry run" />
        </>
      ) : (
        <p>Every row is valid.</p>
      )}
    </section>
  );
}

/** Step 4: apply all or nothing, or skipping the bad rows. */
function ApplyStep({ view, onChangeMapping }: { view: ImportView; onChangeMapping: () => void }) {
  const headingId = useId();
  const [apply, { error, isLoading }] = useApplyImportMutation();
  const [mode, setMode] = useState<ImportMode>(view.errorRows > 0 ? 'SkipBadRows' : 'AllOrNothing');
  const problem = toProblem(error);
  const modeId = useId();
  if (view.validRows === 0) {
    return (
      <section aria-labelledby={headingId} className="panel">
        <h2 id={headingId}>Apply</h2>
        <p>No row is valid, so there is nothing to apply. Correct the file and upload it again.</p>
        <p>
          <button type="button" className="button button--secondary" onClick={onChangeMapping}>
            Change the mapping
          </button>
        </p>
      </section>
    );
  }
  const options: { value: ImportMode; label: string; hint: string }[] = [
    {
      value: 'AllOrNothing',
      label: 'All or nothing',
      hint:
        view.errorRows > 0
          ? 'Refused while any row has problems.'
          : 'Apply every row, or nothing at all if a row fails.',
    },
    {
      value: 'SkipBadRows',
      label: 'Skip the bad rows',
      hint: `Apply the ${formatCount(view.validRows)} valid rows and leave out the ${formatCount(view.errorRows)} with problems.`,
    },
  ];
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Apply the import</h2>
      <ProblemAlert problem={problem} />
      <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby={headingId}>
        <fieldset className="fieldset">
          <legend>How should the rows be applied?</legend>
          <div className="radio-list">
            {options.map((option) => (
              <RadioOption
                key={option.value}
                id={`${modeId}-${option.value}`}
                name="mode"
                value={option.value}
                label={option.label}
                hint={option.hint}
                checked={mode === option.value}
                onChange={() => setMode(option.value)}
              />
            ))}
          </div>
        </fieldset>
        <div className="registry-actions">
          <ConfirmButton
            label="Apply the import"
            question={
              mode === 'SkipBadRows'
                ? `Apply the ${formatCount(view.validRows)} valid rows to the registry?`
                : `Apply all ${formatCount(view.totalRows)} rows to the registry?`
            }
            confirmLabel="Yes, apply"
            disabled={isLoading}
            onConfirm={() => void apply({ id: view.id, mode })}
          />
          <button type="button" className="button button--secondary button--small" onClick={onChangeMapping}>
            Change the mapping
          </button>
        </div>
      </form>
    </section>
  );
}

function AppliedSummary({ view }: { view: ImportView }) {
  return (
    <section aria-labelledby="summary-heading" className="panel">
      <h2 id="summary-heading">Import applied</h2>
      <div className="alert alert--success" role="status">
        The import of {view.fileName} has been applied{view.appliedAt ? ` (${formatDateTime(view.appliedAt)})` : ''}.
      </div>
      <dl className="summary">
        <div>
          <dt>Created</dt>
          <dd>{formatCount(view.created)}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{formatCount(view.updated)}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{formatCount(view.unchanged)}</dd>
        </div>
        <div>
          <dt>Skipped (rows with problems)</dt>
          <dd>{formatCount(view.skipped)}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{view.mode === 'SkipBadRows' ? 'Skip the bad rows' : 'All or nothing'}</dd>
        </div>
      </dl>
      {view.skipped > 0 ? <ProblemsTable id={view.id} caption="Skipped rows" /> : null}
      <p>
        <Link to="/imports">Back to your imports</Link> · <Link to="/imports/new">Start another import</Link>
      </p>
    </section>
  );
}

function FailedSummary({ view }: { view: ImportView }) {
  return (
    <section aria-labelledby="failed-heading" className="panel">
      <h2 id="failed-heading">The import failed</h2>
      <div className="alert" role="alert">
        <p className="alert__title">Nothing in the registry was changed.</p>
        {view.failure ? <p>{view.failure}</p> : null}
      </div>
      <ProblemsTable id={view.id} caption="Problems found" />
      <p>
        <Link to="/imports/new">Start a new import</Link>
      </p>
    </section>
  );
}

function FileFacts({ view }: { view: ImportView }) {
  return (
    <dl className="summary">
      <div>
        <dt>File</dt>
        <dd>
          {view.fileName} ({view.format.toUpperCase()}, {formatSize(view.size)})
        </dd>
      </div>
      <div>
        <dt>Holds</dt>
        <dd>{kindLabels[view.kind]}</dd>
      </div>
      <div>
        <dt>Uploaded</dt>
        <dd>{formatDateTime(view.createdAt)}</dd>
      </div>
    </dl>
  );
}

/** Steps 2 to 4 of an uploaded import; a running dry run or apply is polled until it ends. */
function ImportSteps({ id }: { id: string }) {
  // The cached state decides whether to keep polling, without a second subscription. Only a change
  // of the data re-renders the page, not every poll.
  const { running } = importsApi.endpoints.import.useQueryState(id, {
    selectFromResult: ({ data }) => ({ running: data ? isRunning(data.status) : false }),
  });
  const {
    data: view,
    error,
    isLoading,
  } = useImportQuery(id, {
    pollingInterval: running ? importPolling.intervalMs : 0,
    selectFromResult: ({ data, error, isLoading }) => ({ data, error, isLoading }),
  });
  const [changingMapping, setChangingMapping] = useState(false);

  const step =
    !view || view.status === 'Uploaded' || (changingMapping && view.status === 'Validated')
      ? 2
      : view.status === 'Validating'
        ? 3
        : view.status === 'Validated' || view.status === 'Applying'
          ? 4
          : 'done';

  return (
    <Page title={view ? `Import: ${view.fileName}` : isLoading ? 'Import' : 'Import not found'}>
      <p>
        <Link to="/imports">Back to your imports</Link>
      </p>
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {view ? (
        <>
          <WizardSteps current={step} />
          <FileFacts view={view} />
          {step === 2 ? <MappingStep view={view} onStarted={() => setChangingMapping(false)} /> : null}
          {isRunning(view.status) ? <RunProgress view={view} /> : null}
          {view.status === 'Validated' && !changingMapping ? (
            <>
              <DryRunResults view={view} />
              <ApplyStep view={view} onChangeMapping={() => setChangingMapping(true)} />
            </>
          ) : null}
          {view.status === 'Applied' ? <AppliedSummary view={view} /> : null}
          {view.status === 'Failed' ? <FailedSummary view={view} /> : null}
        </>
      ) : null}
    </Page>
  );
}

export function ImportWizardPage() {
  const { id } = useParams();
  if (id) return <ImportSteps key={id} id={id} />;
  return (
    <Page title="New import">
      <p>
        <Link to="/imports">Back to your imports</Link>
      </p>
      <p>
        Bring many records into the registry from a spreadsheet. Nothing changes until the file has been checked in a
        dry run and you apply it.
      </p>
      <UploadStep />
    </Page>
  );
}
