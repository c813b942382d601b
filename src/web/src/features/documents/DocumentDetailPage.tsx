import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { formatDate } from '../registry/format';
import { ClassificationTag, FileField, fileErrors, uploadProblem } from './DocumentParts';
import {
  documentPermissions,
  formatSize,
  useAddDocumentVersionMutation,
  useCreateDownloadLinkMutation,
  useDisposeDocumentMutation,
  useDocumentQuery,
  type DocumentDetail,
  type DownloadLink,
} from './documentsApi';
import { startDownload } from './download';

function Versions({ document }: { document: DocumentDetail }) {
  const [createLink, linkState] = useCreateDownloadLinkMutation();
  const [link, setLink] = useState<(DownloadLink & { number: number }) | null>(null);

  async function download(number: number) {
    setLink(null);
    const result = await createLink({ id: document.id, version: number });
    if ('data' in result && result.data) {
      setLink({ ...result.data, number });
      startDownload(result.data.url);
    }
  }

  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <ProblemAlert problem={toProblem(linkState.error)} />
      {link ? (
        <StatusMessage>
          Version {link.number} is downloading. If it does not start, <a href={link.url}>use this link</a> (it works
          until {formatDateTime(link.expiresAt)}).
        </StatusMessage>
      ) : null}
      <TableWrap label="Versions">
        <table>
          <caption className="visually-hidden">Versions of {document.fileName}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">File</th>
              <th scope="col">Type</th>
              <th scope="col">Size</th>
              <th scope="col">Virus scan</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...document.versions]
              .sort((a, b) => b.number - a.number)
              .map((v) => (
                <tr key={v.versionId}>
                  <td className="numeric">{v.number}</td>
                  <td className="wrap">
                    {v.fileName}
                    <br />
                    <span className="muted small" title="SHA-256 of the content">
                      {v.sha256.slice(0, 16)}…
                    </span>
                  </td>
                  <td>{v.contentType}</td>
                  <td className="numeric nowrap">{formatSize(v.size)}</td>
                  <td>{v.scanStatus}</td>
                  <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`Download version ${v.number}`}
                      disabled={linkState.isLoading}
                      onClick={() => void download(v.number)}
                    >
                      Download
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function AddVersionForm({ id }: { id: string }) {
  const [addVersion, { error, isLoading, isSuccess, data, reset }] = useAddDocumentVersionMutation();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const problem = uploadProblem(error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setMissing(!file);
    if (file) await addVersion({ id, file });
  }

  return (
    <section aria-labelledby="add-version-heading" className="panel">
      <h2 id="add-version-heading">Add a version</h2>
      <ProblemAlert problem={problem} shownFields={['file', 'fileName']} />
      {isSuccess && data ? <StatusMessage>Version {data.latestVersion} was added.</StatusMessage> : null}
      <form className="form" noValidate aria-label="Add a version" onSubmit={(e) => void submit(e)}>
        <FileField
          label="New version"
          hint="Earlier versions stay readable until the document is disposed of."
          errors={missing ? ['Choose the file to upload.'] : fileErrors(problem)}
          onFile={setFile}
        />
        <button type="submit" className="button" disabled={isLoading}>
          {isLoading ? 'Uploading…' : 'Add version'}
        </button>
      </form>
    </section>
  );
}

export function DocumentDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMeQuery();
  const { data: document, error, isLoading } = useDocumentQuery(id);
  const [dispose, disposeState] = useDisposeDocumentMutation();
  const canManage = hasPermission(me, documentPermissions.manage);
  const message = (location.state as { message?: string } | null)?.message;

  async function disposeNow() {
    const result = await dispose(id);
    if (!('error' in result)) {
      await navigate('/documents', { state: { message: `${document?.fileName ?? 'The document'} was disposed of.` } });
    }
  }

  return (
    <Page title={document ? document.fileName : 'Document'}>
      <p>
        <Link to="/documents">Back to documents</Link>
      </p>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {isLoading ? <p role="status">Loading the document…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {document ? (
        <>
          <section aria-labelledby="document-heading">
            <h2 id="document-heading" className="visually-hidden">
              Document
            </h2>
            <dl className="summary">
              <div>
                <dt>Classification</dt>
                <dd>
                  <ClassificationTag value={document.classification} />
                </dd>
              </div>
              <div>
                <dt>Owner</dt>
                <dd>{document.ownerRef}</dd>
              </div>
              <div>
                <dt>Place</dt>
                <dd>{document.scopePath}</dd>
              </div>
              <div>
                <dt>Latest version</dt>
                <dd>{document.latestVersion}</dd>
              </div>
              <div>
                <dt>Added</dt>
                <dd>{formatDateTime(document.createdAt)}</dd>
              </div>
              <div>
                <dt>Dispose after</dt>
                <dd>{document.disposeAfter ? formatDate(document.disposeAfter) : 'Kept until disposed of by hand'}</dd>
              </div>
            </dl>
          </section>
          <Versions document={document} />
          {canManage ? (
            <>
              <AddVersionForm id={document.id} />
              <section aria-labelledby="dispose-heading" className="panel">
                <h2 id="dispose-heading">Dispose of the document</h2>
                <p>Every version and its encryption key are destroyed. This cannot be undone.</p>
                <ProblemAlert problem={toProblem(disposeState.error)} />
                <ConfirmButton
                  label="Dispose of the document"
                  question={`Destroy ${document.fileName} and all its versions?`}
                  confirmLabel="Yes, dispose of it"
                  danger
                  disabled={disposeState.isLoading}
                  onConfirm={() => void disposeNow()}
                />
              </section>
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
