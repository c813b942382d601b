import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { label, personName } from './format';
import { InstitutionSelect } from './InstitutionSelect';
import { InstitutionLink } from './Names';
import { staffCategories, useStaffListQuery } from './staffApi';
import './registry.css';

const pageSize = 20;

function readFilters(params: URLSearchParams) {
  return {
    q: params.get('q') ?? '',
    institutionId: params.get('institutionId') ?? '',
    category: params.get('category') ?? '',
  };
}

type Filters = ReturnType<typeof readFilters>;

export function StaffListPage() {
  const { data: me } = useMeQuery();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(filters);
  const query = params.toString();
  useEffect(() => {
    setDraft(readFilters(new URLSearchParams(query)));
  }, [query]);
  const { data, error, isFetching } = useStaffListQuery({
    q: filters.q || undefined,
    institutionId: filters.institutionId || undefined,
    category: filters.category || undefined,
    page,
    pageSize,
  });
  const problem = toProblem(error);
  const active = Boolean(filters.q || filters.institutionId || filters.category);

  function go(next: Filters, nextPage: number) {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.institutionId) search.set('institutionId', next.institutionId);
    if (next.category) search.set('category', next.category);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go({ ...draft, q: draft.q.trim() }, 1);
  }

  return (
    <Page title="Staff">
      {hasPermission(me, 'staff.manage') ? (
        <p>
          <Link className="button" to="/registry/staff/new">
            Register a staff member
          </Link>
        </p>
      ) : null}

      <form className="filter-form" onSubmit={submit} role="search" aria-label="Search staff">
        <div className="field">
          <label htmlFor="staff-search">Staff number or name</label>
          <input
            id="staff-search"
            type="search"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <InstitutionSelect
          label="Institution"
          name="institutionId"
          value={draft.institutionId}
          onChange={(institutionId) => setDraft({ ...draft, institutionId })}
          emptyLabel="Any institution"
          errors={problem?.fieldErrors.institutionId}
        />
        <SelectField
          label="Category"
          name="category"
          value={draft.category}
          onChange={(e) => setDraft({ ...draft, category: e.target.value })}
          errors={problem?.fieldErrors.category}
        >
          <option value="">Any category</option>
          {staffCategories.map((category) => (
            <option key={category} value={category}>
              {label(category)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          Search
        </button>
      </form>

      <ProblemAlert problem={problem} />

      <TableWrap label="Staff" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Staff{active ? ' matching the search' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Staff number</th>
              <th scope="col">Category</th>
              <th scope="col">Institution</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((member) => (
              <tr key={member.id}>
                <td>
                  <Link to={`/registry/staff/${encodeURIComponent(member.id)}`}>{personName(member)}</Link>
                </td>
                <td className="nowrap">{member.staffNumber}</td>
                <td>{label(member.category)}</td>
                <td>
                  <InstitutionLink id={member.institutionId} />
                </td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={4}>No staff found.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? (
        <Pagination
          label="Staff pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onPageChange={(p) => go(filters, p)}
        />
      ) : null}
    </Page>
  );
}
