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
import { apiRoot } from '../../api/antiforgery';
import {
  caseFilterParams,
  caseStates,
  clearanceSteps,
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
import { FilterButtons } from '../../components/FilterButtons';

const pageSize = 20;

const filterNames = [
  'q',
  'type',
  'state',
  'teamId',
  'timeliness',
  'deadlineFrom',
  'deadlineTo',
  'flagged',
  'exemption',
] as const;
type FilterName = (typeof filterNames)[number];
/** The tab lives in the URL with the filters, so that applying filters keeps it. */
const urlNames = ['tab', ...filterNames] as const;

type Tab = 'mine' | 'late' | 'team' | 'incoming' | 'closed';

const tabs: { id: Tab; label: string }[] = [
  { id: 'mine', label: 'My open cases' },
  { id: 'late', label: 'Late' },
  { id: 'team', label: 'Team cases' },
  { id: 'incoming', label: 'Incoming for clearance' },
  { id: 'closed', label: 'Closed' },
];

function isTab(value: string): value is Tab {
  return tabs.some((t) => t.id === value);
}

/** What a tab asks the server, on top of the filters (a responder's Late tab is their own open late cases). */
function tabFilters(tab: Tab, responder: boolean): CaseFilters {
  switch (tab) {
    case 'mine':
      return { mine: true, open: true };
    case 'late':
      return responder ? { mine: true, open: true, timeliness: 'late' } : { open: true, timeliness: 'late' };
    case 'incoming':
      return { incoming: true };
    case 'closed':
      return { open: false };
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
  const responder = hasPermission(me, 'cases.respond');
  const tab: Tab = isTab(rawTab) ? rawTab : responder ? 'mine' : 'team';
  const shownTabs = tabs.filter((t) => t.id !== 'incoming' || hasPermission(me, 'cases.approve'));
  const { data: teams } = useTeamsQuery();
  const teamName = teamNamer(teams?.items);
  const filtered: CaseFilters = {
    q: filters.q || undefined,
    type: filters.type || undefined,
    state: filters.state || undefined,
    teamId: filters.teamId || undefined,
    timeliness: filters.timeliness === 'late' || filters.timeliness === 'in_time' ? filters.timeliness : undefined,
    deadlineFrom: filters.deadlineFrom || undefined,
    deadlineTo: filters.deadlineTo || undefined,
    flagged: filters.flagged || undefined,
    exemption: filters.exemption || undefined,
    ...tabFilters(tab, responder),
  };
  const query = { ...filtered, page, pageSize };
  const { data, error, isFetching } = useCasesQuery(query);
  const problem = toProblem(error);
  const now = today();

  /** The export asks for what the list shows, every page of it. */
  function exportHref(format: 'csv' | 'xlsx') {
    const search = new URLSearchParams(
      Object.entries(caseFilterParams(filtered)).map(([k, v]) => [k, String(v)] as [string, string]),
    );
    search.set('format', format);
    return `${apiRoot()}/cases/export?${search.toString()}`;
  }

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
          {shownTabs.map((t) => (
            <li key={t.id}>
              <Link to={tabHref(t.id)} aria-current={t.id === tab ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form className="filter-form" onSubmit={submit} role="search" aria-label="Filter cases">
        <div className="field">
          <label htmlFor="case-search">Search</label>
          <input
            id="case-search"
            name="q"
            type="search"
            value={draft.q}
            onChange={(e) => set('q', e.target.value)}
            aria-describedby="case-search-hint"
          />
          <span id="case-search-hint" className="hint">
            Case number, subject, requester, or words in messages
          </span>
        </div>
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
        <SelectField
          label="Clearance"
          name="flagged"
          value={draft.flagged}
          onChange={(e) => set('flagged', e.target.value)}
        >
          <option value="">Flagged or not</option>
          <option value="any">Flagged for clearance</option>
          <option value="none">Not flagged</option>
          {clearanceSteps.map((s) => (
            <option key={s} value={s}>
              Flagged for {stateLabel(s)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="case-exemption">Exemption</label>
          <input
            id="case-exemption"
            name="exemption"
            value={draft.exemption}
            onChange={(e) => set('exemption', e.target.value)}
          />
        </div>
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
        <FilterButtons active={Boolean(active)} onClear={clear} primary />
      </form>

      <ProblemAlert problem={problem} />

      <p className="registry-actions">
        <a className="button button--secondary" href={exportHref('csv')} download>
          Export CSV
        </a>
        <a className="button button--secondary" href={exportHref('xlsx')} download>
          Export XLSX
        </a>
      </p>

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
              <th scope="col">Responder</th>
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
                <td>{item.responderName ?? '—'}</td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={7}>No cases found.</td>
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
