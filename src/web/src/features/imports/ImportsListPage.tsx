import { Link, useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { importPolling, importsApi, isRunning, kindLabels, useImportsQuery, type ImportView } from './importsApi';
import { formatCount, ImportStatusTag, progressText } from './ImportParts';
import './imports.css';

const pageSize = 20;

function Outcome({ item }: { item: ImportView }) {
  if (isRunning(item.status)) return <>{progressText(item)}</>;
  if (item.status === 'Applied') {
    return (
      <>
        {formatCount(item.created)} created, {formatCount(item.updated)} updated, {formatCount(item.unchanged)}{' '}
        unchanged, {formatCount(item.skipped)} skipped
      </>
    );
  }
  if (item.status === 'Validated') {
    return (
      <>
        {formatCount(item.validRows)} of {formatCount(item.totalRows)} rows valid, {formatCount(item.errorRows)} with
        problems
      </>
    );
  }
  if (item.status === 'Failed') return <>{item.failure ?? 'Failed'}</>;
  return <span className="muted">Waiting for the column mapping</span>;
}

/** The caller's imports (each is private to whoever uploaded it), newest first. */
export function ImportsListPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const args = { page, pageSize };
  const { running } = importsApi.endpoints.imports.useQueryState(args, {
    selectFromResult: ({ data }) => ({ running: data?.items.some((item) => isRunning(item.status)) ?? false }),
  });
  const { data, error, isFetching } = useImportsQuery(args, {
    pollingInterval: running ? importPolling.intervalMs : 0,
  });

  return (
    <Page title="Imports">
      <p>Your imports of institutions, learners, staff and enrolments from spreadsheets.</p>
      <p>
        <Link className="button" to="/imports/new">
          New import
        </Link>
      </p>
      <ProblemAlert problem={toProblem(error)} />
      <TableWrap label="Your imports" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Your imports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Holds</th>
              <th scope="col">Status</th>
              <th scope="col">Progress or outcome</th>
              <th scope="col">Uploaded</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((item) => (
              <tr key={item.id}>
                <td className="wrap">
                  <Link to={`/imports/${encodeURIComponent(item.id)}`}>{item.fileName}</Link>
                </td>
                <td>{kindLabels[item.kind]}</td>
                <td>
                  <ImportStatusTag status={item.status} />
                </td>
                <td className="wrap">
                  <Outcome item={item} />
                </td>
                <td className="nowrap">{formatDateTime(item.createdAt)}</td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={5}>You have not imported anything yet.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? (
        <Pagination
          label="Imports pages"
          data={data}
          onPageChange={(p) => setParams(p > 1 ? { page: String(p) } : {})}
        />
      ) : null}
    </Page>
  );
}
