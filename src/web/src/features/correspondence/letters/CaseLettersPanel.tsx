import { useState } from 'react';
import type { Problem } from '../../../api/problem';
import { SelectField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useSaveCaseLetterMutation } from '../caseFilesApi';
import type { CaseDetail } from '../casesApi';
import { toProblem } from '../../../api/problem';
import { downloadCaseLetter, letterKinds } from './lettersApi';

/**
 * The case page's "Letters" panel: produces the acknowledgement or dispatch letter from the
 * latest template, as DOCX (to edit) or PDF (to send). Shown to those who act on the case.
 */
export function CaseLettersPanel({ detail }: { detail: CaseDetail }) {
  const [kind, setKind] = useState<string>(detail.closure || detail.respondedOn ? 'dispatch' : 'acknowledgement');
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [saveLetter, saving] = useSaveCaseLetterMutation();

  if (detail.roles.length === 0) return null;

  async function download(format: 'docx' | 'pdf') {
    setBusy(format);
    setProblem(undefined);
    setDone(null);
    try {
      const refused = await downloadCaseLetter(detail.id, kind, format);
      if (refused) setProblem(refused);
      else setDone(`The ${kind} letter (${format.toUpperCase()}) has been downloaded.`);
    } catch {
      setProblem({
        title: 'The letter could not be downloaded. Check your connection and try again.',
        fieldErrors: {},
      });
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setProblem(undefined);
    setDone(null);
    const result = await saveLetter({ caseId: detail.id, kind, format: 'pdf' });
    if (result.error) setProblem(toProblem(result.error));
    else setDone(`The ${kind} letter has been saved to the case files as ${result.data.fileName ?? 'a letter'}.`);
  }

  return (
    <section aria-labelledby="case-letters-heading" className="panel">
      <h2 id="case-letters-heading">Letters</h2>
      <ProblemAlert problem={problem} shownFields={['kind']} />
      <SelectField
        label="Letter"
        name="kind"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        errors={problem?.fieldErrors.kind}
      >
        {letterKinds.map((k) => (
          <option key={k.code} value={k.code}>
            {k.title}
          </option>
        ))}
      </SelectField>
      <p className="registry-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void download('docx')}
        >
          {busy === 'docx' ? 'Preparing…' : 'Download DOCX'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void download('pdf')}
        >
          {busy === 'pdf' ? 'Preparing…' : 'Download PDF'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null || saving.isLoading}
          onClick={() => void save()}
        >
          {saving.isLoading ? 'Saving…' : 'Save PDF to case files'}
        </button>
      </p>
      {done ? (
        <p role="status" className="muted small">
          {done}
        </p>
      ) : null}
    </section>
  );
}
