import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DateField } from '../registry/RegistryFields';
import { FileField, fileErrors, uploadProblem } from './DocumentParts';
import { classifications, useUploadDocumentMutation } from './documentsApi';

const shownFields = ['file', 'fileName', 'classification', 'ownerRef', 'scopePath', 'disposeAfter'];

/** Uploads a new document: the file goes to the server as it is; type, viruses and size are checked there. */
export function UploadDocumentPage() {
  const navigate = useNavigate();
  const [upload, { error, isLoading, reset }] = useUploadDocumentMutation();
  const [file, setFile] = useState<File | null>(null);
  const [classification, setClassification] = useState('');
  const [ownerRef, setOwnerRef] = useState('');
  const [scopePath, setScopePath] = useState('');
  const [disposeAfter, setDisposeAfter] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = uploadProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const found: Record<string, string[]> = {};
    if (!file) found.file = ['Choose the file to upload.'];
    if (!classification) found.classification = ['Choose a classification.'];
    setClientErrors(found);
    if (!file || Object.keys(found).length > 0) return;
    const result = await upload({
      file,
      classification,
      ownerRef: ownerRef.trim() || undefined,
      scopePath: scopePath.trim() || undefined,
      disposeAfter: disposeAfter || undefined,
    });
    if ('data' in result && result.data) {
      await navigate(`/documents/${encodeURIComponent(result.data.id)}`, {
        state: { message: `${result.data.fileName} was uploaded.` },
      });
    }
  }

  return (
    <Page title="Upload a document">
      <p>
        <Link to="/documents">Back to documents</Link>
      </p>
      <ProblemAlert problem={problem} shownFields={shownFields} />
      <form className="form" noValidate aria-label="Upload a document" onSubmit={(e) => void submit(e)}>
        <FileField
          label="File"
          hint="The type is read from the content, not the name. Files are scanned for viruses before they are kept."
          errors={fileErrors({ title: '', fieldErrors: errors })}
          onFile={setFile}
        />
        <SelectField
          label="Classification"
          name="classification"
          hint="OFFICIAL-SENSITIVE documents can be read only by people cleared for them, and every download is recorded."
          value={classification}
          onChange={(e) => setClassification(e.target.value)}
          errors={errors.classification}
        >
          <option value="">Choose…</option>
          {classifications.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Owner (optional)"
          name="ownerRef"
          hint="The record the document belongs to, such as correspondence.case:1234."
          value={ownerRef}
          onChange={(e) => setOwnerRef(e.target.value)}
          errors={errors.ownerRef}
          spellCheck={false}
        />
        <TextField
          label="Place (optional)"
          name="scopePath"
          hint="Where the document sits, like /a1/b2/. Leave empty for your own place."
          value={scopePath}
          onChange={(e) => setScopePath(e.target.value)}
          errors={errors.scopePath}
          spellCheck={false}
        />
        <DateField
          label="Dispose after (optional)"
          name="disposeAfter"
          hint="The document and all its versions are destroyed after this date."
          value={disposeAfter}
          onChange={(e) => setDisposeAfter(e.target.value)}
          errors={errors.disposeAfter}
        />
        <button type="submit" className="button" disabled={isLoading}>
          {isLoading ? 'Uploading…' : 'Upload'}
        </button>
        {isLoading ? (
          <p role="status" className="hint">
            Uploading {file?.name}…
          </p>
        ) : null}
      </form>
    </Page>
  );
}
