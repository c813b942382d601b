import { useSearchParams } from 'react-router';
import { toProblem } from '../../../api/problem';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useJobsQuery } from './jobsApi';
import { TableWrap } from '../../../components/TableWrap';

const pageSize = 20;

export function JobsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isFetching, refetch } = useJobsQuery({ page, pageSize });

  return (
    <Page title="Background jobs">
      <p>
        <button type="button" className="button button--secondary" onClick={() => void refetch()} disabled={isFetching}>
          Refresh
        </button>
      </p>
      <ProblemAlert problem={toProblem(error)} />
      <TableWrap label="Background jobs" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Background jobs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Runs at</th>
              <th scope="col">Created</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((job) => (
              <tr key={String(job.id)}>
                <td>{job.type}</td>
                <td>
                  <span className={`tag tag--${job.state.toLowerCase()}`}>{job.state}</span>
                </td>
                <td className="numeric">{job.attempts}</td>
                <td>{formatDateTime(job.runAt)}</td>
                <td>{formatDateTime(job.createdAt)}</td>
                <td className="wrap">{job.lastError ?? <span className="muted">None</span>}</td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={6}>There are no jobs.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? (
        <Pagination label="Jobs pages" data={data} onPageChange={(p) => setParams(p > 1 ? { page: String(p) } : {})} />
      ) : null}
    </Page>
  );
}
