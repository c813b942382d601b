import { useState } from 'react';
import type { Problem } from '../../../api/problem';
import { SelectField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { CaseDetail } from '../casesApi';
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
      </p>
      {done ? (
        <p role="status" className="muted small">
          {done}
        </p>
      ) : null}
    </section>
  );
}
