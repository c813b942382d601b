import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formProblem } from '../registry/formErrors';
import { isPreviewable, mediaType, useCaseFilePreviewMutation, type CaseFile, type PreviewLink } from './caseFilesApi';

/**
 * Shows a case file in a panel: images in an img, text in a sandboxed iframe, PDF in an iframe
 * (browsers' PDF viewers refuse sandboxed frames; the server's Content-Security-Policy lets
 * nothing in it load or run). Only for the types the server shows inline.
 */
export function PreviewButton({ caseId, file }: { caseId: string; file: CaseFile }) {
  const [issue, { isLoading, error }] = useCaseFilePreviewMutation();
  const [link, setLink] = useState<PreviewLink | null>(null);
  const problem = formProblem(error);
  if (!file.fileName || !isPreviewable(file.contentType)) {
    return null;
  }
  const name = file.fileName;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={isLoading}
        aria-label={`Preview ${name}`}
        onClick={() =>
          void issue({ caseId, fileId: file.id })
            .unwrap()
            .then(setLink)
            .catch(() => undefined)
        }
      >
        Preview
      </button>
      <ProblemAlert problem={problem} />
      {link ? <PreviewPanel name={name} link={link} onClose={() => setLink(null)} /> : null}
    </>
  );
}

function PreviewPanel({ name, link, onClose }: { name: string; link: PreviewLink; onClose: () => void }) {
  const type = mediaType(link.contentType);
  const title = `Preview of ${name}`;
  return (
    <div role="dialog" aria-label={title} className="file-preview">
      <p>
        <strong>{title}</strong>{' '}
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close preview
        </button>
      </p>
      {type.startsWith('image/') ? (
        <img src={link.url} alt={title} style={{ maxWidth: '100%' }} />
      ) : type === 'application/pdf' ? (
        <iframe title={title} src={link.url} style={{ width: '100%', height: '32rem' }} />
      ) : (
        <iframe title={title} src={link.url} sandbox="" style={{ width: '100%', height: '20rem' }} />
      )}
    </div>
  );
}
