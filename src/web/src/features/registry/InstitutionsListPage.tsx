import { Link } from 'react-router';
import { apiRoot } from '../../api/antiforgery';
import { toProblem } from '../../api/problem';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { AreaSelect } from './AreaSelect';
import { label, statusTagClass } from './format';
import {
  filterNames,
  filterSearch,
  institutionStatuses,
  institutionTypes,
  ownerships,
  useInstitutionsQuery,
  type InstitutionFilters,
} from './institutionsApi';
import { useLevelsQuery } from './structureApi';
import { useUrlFilters } from './useUrlFilters';
import './registry.css';
import { FilterButtons } from '../../components/FilterButtons';

const pageSize = 20;

export function InstitutionsListPage() {
  const { data: me } = useMeQuery();
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data: levels } = useLevelsQuery();
  const { data, error, isFetching } = useInstitutionsQuery({
    q: filters.q || undefined,
    areaId: filters.areaId || undefined,
    type: filters.type || undefined,
    ownership: filters.ownership || undefined,
    status: filters.status || undefined,
    level: filters.level || undefined,
    page,
    pageSize,
  });
  const problem = toProblem(error);
  const levelName = (code: string) => levels?.find((l) => l.code === code)?.name ?? code;

  function clear() {
    const empty = { q: '', areaId: '', type: '', ownership: '', status: '', level: '' };
    setDraft(empty);
    go(empty, 1);
  }

  function set(name: keyof InstitutionFilters, value: string) {
    setDraft({ ...draft, [name]: value });
  }

  const exportQuery = filterSearch(filters);
  const exportHref = (format: 'csv' | 'xlsx') => {
    const search = new URLSearchParams(exportQuery);
    search.set('format', format);
    return `${apiRoot()}/institutions/export?${search.toString()}`;
  };

  return (
    <Page title="Institutions">
      {hasPermission(me, 'institutions.manage') ? (
        <p>
          <Link className="button" to="/registry/institutions/new">
            Register an institution
          </Link>
        </p>
      ) : null}

      <form className="filter-form" onSubmit={submit} role="search" aria-label="Filter institutions">
        <div className="field">
          <label htmlFor="institution-search">Name or code</label>
          <input
            id="institution-search"
            type="search"
            value={draft.q}
            onChange={(e) => set('q', e.target.value)}
            aria-invalid={problem?.fieldErrors.q ? true : undefined}
          />
        </div>
        <AreaSelect
          label="Area"
          name="areaId"
          value={draft.areaId}
          onChange={(value) => set('areaId', value)}
          emptyLabel="Any area"
          errors={problem?.fieldErrors.areaId}
        />
        <SelectField label="Type" name="type" value={draft.type} onChange={(e) => set('type', e.target.value)}>
          <option value="">Any type</option>
          {institutionTypes.map((type) => (
            <option key={type} value={type}>
              {label(type)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Ownership"
          name="ownership"
          value={draft.ownership}
          onChange={(e) => set('ownership', e.target.value)}
        >
          <option value="">Any ownership</option>
          {ownerships.map((ownership) => (
            <option key={ownership} value={ownership}>
              {label(ownership)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Status" name="status" value={draft.status} onChange={(e) => set('status', e.target.value)}>
          <option value="">Any status</option>
          {institutionStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Level offered"
          name="level"
          value={draft.level}
          onChange={(e) => set('level', e.target.value)}
        >
          <option value="">Any level</option>
          {levels?.map((level) => (
            <option key={level.id} value={level.code}>
              {level.name}
            </option>
          ))}
        </SelectField>
        <FilterButtons active={Boolean(active)} onClear={clear} primary />
      </form>

      <ProblemAlert problem={problem} />

      <div className="registry-actions">
        <p>Download every matching institution:</p>
        <a className="button button--secondary button--small" href={exportHref('csv')} download>
          Export CSV
        </a>
        <a className="button button--secondary button--small" href={exportHref('xlsx')} download>
          Export Excel (XLSX)
        </a>
      </div>

      <TableWrap label="Institutions" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Institutions{active ? ' matching the filters' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Code</th>
              <th scope="col">Type</th>
              <th scope="col">Ownership</th>
              <th scope="col">Area</th>
              <th scope="col">Levels</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((institution) => (
              <tr key={institution.id}>
                <td>
                  <Link to={`/registry/institutions/${encodeURIComponent(institution.id)}`}>{institution.name}</Link>
                </td>
                <td className="nowrap">{institution.code}</td>
                <td>{label(institution.type)}</td>
                <td>{label(institution.ownership)}</td>
                <td>{institution.areaName}</td>
                <td>
                  {institution.levels.length > 0 ? (
                    institution.levels.map(levelName).join(', ')
                  ) : (
                    <span className="muted">None</span>
                  )}
                </td>
                <td>
                  <span className={statusTagClass(institution.status)}>{institution.status}</span>
                </td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={7}>No institutions found.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? <Pagination label="Institutions pages" data={data} onPageChange={(p) => go(filters, p)} /> : null}
    </Page>
  );
}
