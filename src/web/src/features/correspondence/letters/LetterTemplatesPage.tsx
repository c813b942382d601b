import { useEffect, useState, type FormEvent } from 'react';
import { errorStatus, toProblem } from '../../../api/problem';
import { formatDateTime } from '../../../components/format';
import { SelectField, TextField } from '../../../components/fields';
import { Page } from '../../../components/Page';
import { ProblemAlert, StatusMessage } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { formProblem, inlineFields } from '../../registry/formErrors';
import { TextAreaField } from '../../registry/RegistryFields';
import { caseTypes, caseTypeTitle } from '../casesApi';
import {
  kindTitle,
  letterKinds,
  useLetterPlaceholdersQuery,
  useLetterTemplateQuery,
  useLetterTemplatesQuery,
  usePreviewLetterMutation,
  useSaveLetterTemplateMutation,
  type LetterPreview,
  type LetterTemplateDetail,
} from './lettersApi';
import '../../registry/registry.css';
import '../cases.css';

interface Selected {
  type: string;
  kind: string;
}

function Placeholders() {
  const { data } = useLetterPlaceholdersQuery();
  if (!data) return null;
  return (
    <details className="panel">
      <summary>Placeholders you can use</summary>
      <p className="hint">
        Write a field as <code>{'{{name}}'}</code>. Separate paragraphs with a blank line; a single line break stays a
        line break.
      </p>
      <dl>
        {data.map((p) => (
          <div key={p.name}>
            <dt>
              <code>{`{{${p.name}}}`}</code>
            </dt>
            <dd>
              {p.description} <span className="muted small">(e.g. {p.sample})</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function PreviewView({ letter }: { letter: LetterPreview }) {
  return (
    <section aria-labelledby="letter-preview-heading" className="panel letter-preview">
      <h3 id="letter-preview-heading">Preview (sample values)</h3>
      <p>
        <strong>{letter.ministryName}</strong>
        {letter.letterhead.map((line) => (
          <span key={line}>
            <br />
            {line}
          </span>
        ))}
      </p>
      <p>
        {letter.date}
        <br />
        {letter.reference}
      </p>
      <p>
        <strong>{letter.title}</strong>
      </p>
      {letter.paragraphs.map((lines, i) => (
        <p key={i}>
          {lines.map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </section>
  );
}

function History({ detail, onUse }: { detail: LetterTemplateDetail; onUse: (title: string, body: string) => void }) {
  return (
    <section aria-labelledby="letter-history-heading">
      <h3 id="letter-history-heading">Version history</h3>
      <ol className="letter-history" reversed>
        {detail.versions.map((v) => (
          <li key={v.id}>
            <p>
              <strong>Version {v.number}</strong> — {formatDateTime(v.createdAt)} by{' '}
              {v.authorName ?? (v.authorId ? 'unknown user' : 'LNEMIS (shipped)')}
              {v.changeNote ? <>: {v.changeNote}</> : null}
            </p>
            <details>
              <summary>Wording of version {v.number}</summary>
              <p>
                <strong>{v.title}</strong>
              </p>
              <pre className="letter-body">{v.body}</pre>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onUse(v.title, v.body)}
              >
                Start from version {v.number}
              </button>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Editor({ selected, onClose }: { selected: Selected; onClose: () => void }) {
  const { data: detail, error: loadError, isLoading } = useLetterTemplateQuery(selected);
  const isNew = errorStatus(loadError) === 404;
  const [save, saving] = useSaveLetterTemplateMutation();
  const [preview, previewing] = usePreviewLetterMutation();
  const [values, setValues] = useState({ title: '', body: '', changeNote: '' });
  const [saved, setSaved] = useState<number | null>(null);
  const latest = detail?.versions[0];

  useEffect(() => {
    if (latest) setValues({ title: latest.title, body: latest.body, changeNote: '' });
  }, [latest]);

  const problem = formProblem(saving.error);
  const previewProblem = formProblem(previewing.error);
  const errors = { ...(previewProblem?.fieldErrors ?? {}), ...(problem?.fieldErrors ?? {}) };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const result = await save({
      ...selected,
      title: values.title,
      body: values.body,
      changeNote: values.changeNote,
      basedOnVersion: detail?.latestVersion ?? null,
    });
    if ('data' in result && result.data) {
      setSaved(result.data.latestVersion);
      saving.reset();
    }
  }

  if (isLoading) return <p role="status">Loading the template…</p>;
  if (loadError && !isNew) return <ProblemAlert problem={toProblem(loadError)} />;

  const next = (detail?.latestVersion ?? 0) + 1;
  return (
    <section aria-labelledby="letter-editor-heading" className="panel">
      <h2 id="letter-editor-heading">
        {caseTypeTitle(selected.type)}: {kindTitle(selected.kind)} letter
      </h2>
      <p className="muted">
        {detail
          ? `Latest version ${detail.latestVersion}. Saving makes version ${next}; earlier versions are kept.`
          : 'A new letter: saving makes version 1.'}
      </p>
      {saved ? <StatusMessage>Version {saved} saved. New letters use it from now on.</StatusMessage> : null}
      <form onSubmit={submit} noValidate className="form" aria-label="Edit letter template">
        <ProblemAlert
          problem={problem ?? previewProblem}
          shownFields={inlineFields(problem ?? previewProblem, ['title', 'body', 'changeNote'])}
        />
        <TextField
          label="Title (the letter's subject line)"
          name="title"
          value={values.title}
          errors={errors.title}
          onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
        />
        <TextAreaField
          label="Body"
          name="body"
          rows={16}
          value={values.body}
          errors={errors.body}
          onChange={(e) => setValues((v) => ({ ...v, body: e.target.value }))}
        />
        <TextField
          label="What changed (for the history)"
          name="changeNote"
          value={values.changeNote}
          errors={errors.changeNote}
          onChange={(e) => setValues((v) => ({ ...v, changeNote: e.target.value }))}
        />
        <p className="registry-actions">
          <button type="submit" className="button" disabled={saving.isLoading}>
            Save as version {next}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={previewing.isLoading}
            onClick={() => void preview({ type: selected.type, title: values.title, body: values.body })}
          >
            Preview
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </p>
      </form>
      {previewing.data && !previewing.error ? <PreviewView letter={previewing.data} /> : null}
      <Placeholders />
      {detail ? <History detail={detail} onUse={(title, body) => setValues((v) => ({ ...v, title, body }))} /> : null}
    </section>
  );
}

function NewKindForm({ onOpen }: { onOpen: (selected: Selected) => void }) {
  const [type, setType] = useState('foi');
  const [kind, setKind] = useState('');
  const [error, setError] = useState<string[] | undefined>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = kind.trim();
    if (!/^[a-z][a-z0-9_]{1,39}$/.test(code)) {
      setError(['Use 2–40 lower-case letters, digits or underscores, starting with a letter (e.g. clock_stop).']);
      return;
    }
    setError(undefined);
    onOpen({ type, kind: code });
  }

  return (
    <form onSubmit={submit} noValidate className="form panel" aria-label="Add a letter">
      <h2>Add a kind of letter</h2>
      <SelectField label="Case type" name="newType" value={type} onChange={(e) => setType(e.target.value)}>
        {caseTypes.map((t) => (
          <option key={t.code} value={t.code}>
            {t.title}
          </option>
        ))}
      </SelectField>
      <TextField label="Kind" name="newKind" value={kind} errors={error} onChange={(e) => setKind(e.target.value)} />
      <button type="submit" className="button button--secondary">
        Write it
      </button>
    </form>
  );
}

/** Administrators' page for the letter templates: list by case type and kind, edit (a new version each save), history, preview. */
export function LetterTemplatesPage() {
  const [type, setType] = useState('');
  const [kind, setKind] = useState('');
  const [selected, setSelected] = useState<Selected | null>(null);
  const { data, error, isFetching } = useLetterTemplatesQuery({ type: type || undefined, kind: kind || undefined });

  return (
    <Page title="Letter templates">
      <p className="muted">
        Acknowledgement and dispatch letters are written from these templates. Every save keeps the earlier wording as a
        version; new letters use the latest.
      </p>
      <div className="registry-filters" role="search" aria-label="Filter letter templates">
        <SelectField label="Case type" name="type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">All case types</option>
          {caseTypes.map((t) => (
            <option key={t.code} value={t.code}>
              {t.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">All kinds</option>
          {letterKinds.map((k) => (
            <option key={k.code} value={k.code}>
              {k.title}
            </option>
          ))}
        </SelectField>
      </div>
      <ProblemAlert problem={toProblem(error)} />
      <TableWrap label="Letter templates" busy={isFetching}>
        <table>
          <thead>
            <tr>
              <th scope="col">Case type</th>
              <th scope="col">Kind</th>
              <th scope="col">Version</th>
              <th scope="col">Title</th>
              <th scope="col">Last saved</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((t) => (
              <tr key={t.id}>
                <td>{t.typeTitle}</td>
                <td>{kindTitle(t.kind)}</td>
                <td>{t.latestVersion}</td>
                <td>{t.title}</td>
                <td>
                  {formatDateTime(t.updatedAt)}
                  {t.updatedByName ? ` by ${t.updatedByName}` : ''}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={`Edit the ${kindTitle(t.kind).toLowerCase()} letter for ${t.typeTitle}`}
                    onClick={() => setSelected({ type: t.type, kind: t.kind })}
                  >
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {data && data.items.length === 0 ? <p>No templates match.</p> : null}
      {selected ? (
        <Editor key={`${selected.type}/${selected.kind}`} selected={selected} onClose={() => setSelected(null)} />
      ) : (
        <NewKindForm onOpen={setSelected} />
      )}
    </Page>
  );
}
