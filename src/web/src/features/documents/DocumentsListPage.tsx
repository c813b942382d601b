import { Link, useLocation } from 'react-router';
import { toProblem } from '../../api/problem';
import { TextField } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { formatDate } from '../registry/format';
import { useUrlFilters } from '../registry/useUrlFilters';
import { ClassificationTag } from './DocumentParts';
import { documentPermissions, useDocumentsQuery } from './documentsApi';
import { FilterButtons } from '../../components/FilterButtons';

const pageSize = 20;
const filterNames = ['ownerRef'] as const;

/** The documents the user may read (OFFICIAL-SENSITIVE ones only with documents.read-sensitive), newest first. */
export function DocumentsListPage() {
  const { data: me } = useMeQuery();
  const message = (useLocation().state as { message?: string } | null)?.message;
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data, error, isLoading, isFetching } = useDocumentsQuery({
    ownerRef: filters.ownerRef || undefined,
    page,
    pageSize,
  });
  return (
    <Page title="Documents">
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {hasPermission(me, documentPermissions.manage) ? (
        <p>
          <Link to="/documents/new" className="button">
            Upload a document
          </Link>
        </p>
      ) : null}
      <form className="filter-form" role="search" aria-label="Filter documents" onSubmit={submit}>
        <TextField
          label="Owner"
          name="ownerRef"
          hint="The record the document belongs to, e.g. correspondence.case:…"
          value={draft.ownerRef}
          onChange={(e) => setDraft({ ...draft, ownerRef: e.target.value.trim() })}
          spellCheck={false}
        />
        <FilterButtons active={Boolean(active)} onClear={() => go({}, 1)} />
      </form>
      <ProblemAlert problem={toProblem(error)} />
      {isLoading ? <p role="status">Loading documents…</p> : null}
      {data ? (
        <>
          <TableWrap label="Documents" busy={isFetching}>
            <table>
              <caption className="visually-hidden">Documents, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Classification</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Place</th>
                  <th scope="col">Versions</th>
                  <th scope="col">Added</th>
                  <th scope="col">Dispose after</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((d) => (
                  <tr key={d.id}>
                    <td className="wrap">
                      <Link to={`/documents/${encodeURIComponent(d.id)}`}>{d.fileName}</Link>
                    </td>
                    <td>
                      <ClassificationTag value={d.classification} />
                    </td>
                    <td className="wrap">{d.ownerRef}</td>
                    <td className="wrap">{d.scopePath}</td>
                    <td className="numeric">{d.latestVersion}</td>
                    <td className="nowrap">{formatDateTime(d.createdAt)}</td>
                    <td className="nowrap">{formatDate(d.disposeAfter)}</td>
                  </tr>
                ))}
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={7}>{active ? 'No documents match the filters.' : 'There are no documents yet.'}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </TableWrap>
          <Pagination label="Documents pages" data={data} onPageChange={(p) => go(filters, p)} />
        </>
      ) : null}
    </Page>
  );
}
