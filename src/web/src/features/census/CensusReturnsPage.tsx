import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { formatDateTime } from '../../components/format';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { AreaSelect } from '../registry/AreaSelect';
import { InstitutionSelect } from '../registry/InstitutionSelect';
import { useUrlFilters } from '../registry/useUrlFilters';
import {
  allRoundsQuery,
  censusReturnStatuses,
  returnFilterNames,
  statusLabels,
  useCensusReturnsQuery,
  useCensusRoundsQuery,
  type CensusReturnFilters,
} from './censusApi';
import { ReturnStatusTag } from './CensusParts';
import '../registry/registry.css';
import './census.css';
import { FilterButtons } from '../../components/FilterButtons';

const pageSize = 20;

export function CensusReturnsPage() {
  const { data: me } = useMeQuery();
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(returnFilterNames);
  const { data: rounds } = useCensusRoundsQuery(allRoundsQuery);
  const { data, error, isFetching } = useCensusReturnsQuery({
    roundId: filters.roundId || undefined,
    status: filters.status || undefined,
    areaId: filters.areaId || undefined,
    institutionId: filters.institutionId || undefined,
    page,
    pageSize,
  });
  const problem = toProblem(error);
  const roundName = (id: string) => rounds?.items.find((r) => r.id === id)?.name ?? '…';

  function set(name: keyof CensusReturnFilters, value: string) {
    setDraft({ ...draft, [name]: value });
  }

  function clear() {
    const empty = { roundId: '', status: '', areaId: '', institutionId: '' };
    setDraft(empty);
    go(empty, 1);
  }

  return (
    <Page title="Census returns">
      <p>
        <Link to="/census">Back to the census rounds</Link>
      </p>
      {hasPermission(me, 'census.submit') ? (
        <p>
          <Link className="button" to="/census/returns/new">
            Start a return
          </Link>
        </p>
      ) : null}

      <form className="filter-form" onSubmit={submit} role="search" aria-label="Filter census returns">
        <SelectField
          label="Round"
          name="roundId"
          value={draft.roundId}
          onChange={(e) => set('roundId', e.target.value)}
          errors={problem?.fieldErrors.roundId}
        >
          <option value="">Any round</option>
          {rounds?.items.map((round) => (
            <option key={round.id} value={round.id}>
              {round.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Status"
          name="status"
          value={draft.status}
          onChange={(e) => set('status', e.target.value)}
          errors={problem?.fieldErrors.status}
        >
          <option value="">Any status</option>
          {censusReturnStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </SelectField>
        <AreaSelect
          label="Area"
          name="areaId"
          value={draft.areaId}
          onChange={(value) => set('areaId', value)}
          emptyLabel="Any area"
          errors={problem?.fieldErrors.areaId}
        />
        <InstitutionSelect
          label="Institution"
          name="institutionId"
          value={draft.institutionId}
          onChange={(value) => set('institutionId', value)}
          emptyLabel="Any institution"
          errors={problem?.fieldErrors.institutionId}
        />
        <FilterButtons active={Boolean(active)} onClear={clear} primary />
      </form>

      <ProblemAlert problem={problem} />

      <TableWrap label="Census returns" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Census returns{active ? ' matching the filters' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Institution</th>
              <th scope="col">Code</th>
              <th scope="col">Round</th>
              <th scope="col">Status</th>
              <th scope="col">Submitted</th>
              <th scope="col">Reviewed</th>
              <th scope="col">Blockers</th>
              <th scope="col">Warnings</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/census/returns/${encodeURIComponent(item.id)}`}>{item.institutionName}</Link>
                </td>
                <td className="nowrap">{item.institutionCode}</td>
                <td>{roundName(item.roundId)}</td>
                <td>
                  <ReturnStatusTag status={item.status} />
                </td>
                <td className="nowrap">{formatDateTime(item.submittedAt)}</td>
                <td className="nowrap">{formatDateTime(item.reviewedAt)}</td>
                <td className="numeric">{item.blockers}</td>
                <td className="numeric">{item.warnings}</td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={8}>No census returns found.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? <Pagination label="Census returns pages" data={data} onPageChange={(p) => go(filters, p)} /> : null}
    </Page>
  );
}
