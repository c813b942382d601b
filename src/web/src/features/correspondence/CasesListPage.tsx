import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { DateField } from '../registry/RegistryFields';
import { formatDate, today } from '../registry/format';
import { useUrlFilters } from '../registry/useUrlFilters';
import {
  caseStates,
  caseTypes,
  caseTypeTitle,
  stateLabel,
  teamNamer,
  useCasesQuery,
  useTeamsQuery,
  type CaseFilters,
} from './casesApi';
import { DeadlineCell } from './CaseParts';
import '../registry/registry.css';
import './cases.css';

const pageSize = 20;

const filterNames = ['type', 'state', 'teamId', 'timeliness', 'deadlineFrom', 'deadlineTo'] as const;
type FilterName = (typeof filterNames)[number];
/** The tab lives in the URL with the filters, so that applying filters keeps it. */
const urlNames = ['tab', ...filterNames] as const;

type Tab = 'mine' | 'late' | 'team' | 'closed';

const tabs: { id: Tab; label: string }[] = [
  { id: 'mine', label: 'My open cases' },
  { id: 'late', label: 'Late' },
  { id: 'team', label: 'Team cases' },
  { id: 'closed', label: 'Closed' },
];

function isTab(value: string): value is Tab {
  return tabs.some((t) => t.id === value);
}

/** What a tab asks the server, on top of the filters. */
function tabFilters(tab: Tab): CaseFilters {
  switch (tab) {
    case 'mine':
      return { mine: true, open: true };
    case 'late':
      return { timeliness: 'late' };
    case 'closed':
      return { state: 'closed' };
    default:
      return {};
  }
}

export function CasesListPage() {
  const { data: me } = useMeQuery();
  const { filters, page, draft, setDraft, go, submit } = useUrlFilters(urlNames);
  const active = filterNames.some((name) => filters[name] !== '');
  const rawTab = filters.tab;
  // Responders start at their own cases; managers and approvers at everything they can see.
  const tab: Tab = isTab(rawTab) ? rawTab : hasPermission(me, 'cases.respond') ? 'mine' : 'team';
  const { data: teams } = useTeamsQuery();
  const teamName = teamNamer(teams?.items);
  const query: CaseFilters & { page: number; pageSize: number } = {
    type: filters.type || undefined,
    state: filters.state || undefined,
    teamId: filters.teamId || undefined,
    timeliness: filters.timeliness === 'late' || filters.timeliness === 'in_time' ? filters.timeliness : undefined,
    deadlineFrom: filters.deadlineFrom || undefined,
    deadlineTo: filters.deadlineTo || undefined,
    ...tabFilters(tab),
    page,
    pageSize,
  };
  const { data, error, isFetching } = useCasesQuery(query);
  const problem = toProblem(error);
  const now = today();

  function tabHref(id: Tab) {
    const search = new URLSearchParams();
    search.set('tab', id);
    for (const name of filterNames) if (filters[name]) search.set(name, filters[name]);
    return `/cases?${search.toString()}`;
  }

  function set(name: FilterName, value: string) {
    setDraft({ ...draft, [name]: value });
  }

  function clear() {
    const empty = {
      ...(Object.fromEntries(filterNames.map((n) => [n, ''])) as Record<FilterName, string>),
      tab: filters.tab,
    };
    setDraft(empty);
    go(empty, 1);
  }

  return (
    <Page title="Correspondence cases">
      <div className="registry-actions">
        {hasPermission(me, 'cases.manage') ? (
          <Link className="button" to="/cases/new">
            Log a case
          </Link>
        ) : null}
        {hasPermission(me, 'teams.manage') ? (
          <Link className="button button--secondary" to="/cases/teams">
            Manage teams
          </Link>
        ) : null}
      </div>

      <nav className="case-tabs" aria-label="Case lists">
        <ul>
          {tabs.map((t) => (
            <li key={t.id}>
              <Link to={tabHref(t.id)} aria-current={t.id === tab ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form className="filter-form" onSubmit={submit} role="search" aria-label="Filter cases">
        <SelectField label="Type" name="type" value={draft.type} onChange={(e) => set('type', e.target.value)}>
          <option value="">Any type</option>
          {caseTypes.map((t) => (
            <option key={t.code} value={t.code}>
              {t.title}
            </option>
          ))}
        </SelectField>
        {tab === 'closed' ? null : (
          <SelectField label="State" name="state" value={draft.state} onChange={(e) => set('state', e.target.value)}>
            <option value="">Any state</option>
            {caseStates.map((s) => (
              <option key={s} value={s}>
                {stateLabel(s)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label="Team" name="teamId" value={draft.teamId} onChange={(e) => set('teamId', e.target.value)}>
          <option value="">Any team</option>
          {teams?.items
            .filter((t) => t.kind === 'BusinessUnit')
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </SelectField>
        {tab === 'late' ? null : (
          <SelectField
            label="Timeliness"
            name="timeliness"
            value={draft.timeliness}
            onChange={(e) => set('timeliness', e.target.value)}
          >
            <option value="">In time or late</option>
            <option value="in_time">In time</option>
            <option value="late">Late</option>
          </SelectField>
        )}
        <DateField
          label="Deadline from"
          name="deadlineFrom"
          value={draft.deadlineFrom}
          onChange={(e) => set('deadlineFrom', e.target.value)}
        />
        <DateField
          label="Deadline to"
          name="deadlineTo"
          value={draft.deadlineTo}
          onChange={(e) => set('deadlineTo', e.target.value)}
        />
        <button type="submit" className="button">
          Apply filters
        </button>
        {active ? (
          <button type="button" className="button button--secondary" onClick={clear}>
            Clear filters
          </button>
        ) : null}
      </form>

      <ProblemAlert problem={problem} />

      <TableWrap label="Cases" busy={isFetching}>
        <table>
          <caption className="visually-hidden">
            {tabs.find((t) => t.id === tab)?.label}
            {active ? ', matching the filters' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Subject</th>
              <th scope="col">Type</th>
              <th scope="col">State</th>
              <th scope="col">Final deadline</th>
              <th scope="col">Responding team</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((item) => (
              <tr key={item.id}>
                <td className="nowrap">
                  <Link to={`/cases/${encodeURIComponent(item.id)}`}>{item.number}</Link>
                </td>
                <td>{item.subject}</td>
                <td>{caseTypeTitle(item.type)}</td>
                <td>{stateLabel(item.state)}</td>
                <td className="nowrap">
                  <DeadlineCell deadline={item.finalDeadline} respondedOn={item.respondedOn} today={now} />
                </td>
                <td>{item.respondingTeamId ? teamName(item.respondingTeamId) : '—'}</td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={6}>No cases found.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? <Pagination label="Case list pages" data={data} onPageChange={(p) => go(filters, p)} /> : null}
      <p className="muted small">Received dates and deadlines are calendar days; today is {formatDate(now)}.</p>
    </Page>
  );
}
