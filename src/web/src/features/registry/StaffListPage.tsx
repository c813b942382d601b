import { Link } from 'react-router';
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
import { useUrlFilters } from './useUrlFilters';
import './registry.css';

const pageSize = 20;

const filterNames = ['q', 'institutionId', 'category'] as const;

export function StaffListPage() {
  const { data: me } = useMeQuery();
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data, error, isFetching } = useStaffListQuery({
    q: filters.q || undefined,
    institutionId: filters.institutionId || undefined,
    category: filters.category || undefined,
    page,
    pageSize,
  });
  const problem = toProblem(error);

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
      {data ? <Pagination label="Staff pages" data={data} onPageChange={(p) => go(filters, p)} /> : null}
    </Page>
  );
}
