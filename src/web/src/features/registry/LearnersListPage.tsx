import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { formatDate } from './format';
import { InstitutionSelect } from './InstitutionSelect';
import { learnerName, useLearnersQuery } from './learnersApi';
import { InstitutionLink } from './Names';
import { useUrlFilters } from './useUrlFilters';
import './registry.css';

const pageSize = 20;

const filterNames = ['q', 'institutionId', 'status'] as const;

export function LearnersListPage() {
  const { data: me } = useMeQuery();
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data, error, isFetching } = useLearnersQuery({
    q: filters.q || undefined,
    institutionId: filters.institutionId || undefined,
    status: filters.status || undefined,
    page,
    pageSize,
  });
  const problem = toProblem(error);

  return (
    <Page title="Learners">
      {hasPermission(me, 'learners.manage') ? (
        <p>
          <Link className="button" to="/registry/learners/new">
            Register a learner
          </Link>
        </p>
      ) : null}

      <form className="filter-form" onSubmit={submit} role="search" aria-label="Search learners">
        <div className="field">
          <label htmlFor="learner-search">Learner number or name</label>
          <input
            id="learner-search"
            type="search"
            aria-describedby="learner-search-hint"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
          <p id="learner-search-hint" className="hint">
            The beginnings of names, in any order: “bar oti” finds Baraka Otieno.
          </p>
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
          label="Records"
          name="status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          errors={problem?.fieldErrors.status}
        >
          <option value="">Active records</option>
          <option value="Merged">Merged duplicates</option>
        </SelectField>
        <button type="submit" className="button">
          Search
        </button>
      </form>

      <ProblemAlert problem={problem} />

      <TableWrap label="Learners" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Learners{active ? ' matching the search' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Learner number</th>
              <th scope="col">Sex</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Institution</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((learner) => (
              <tr key={learner.id}>
                <td>
                  <Link to={`/registry/learners/${encodeURIComponent(learner.id)}`}>{learnerName(learner)}</Link>
                  {learner.status === 'Merged' ? <span className="tag"> Merged</span> : null}
                </td>
                <td className="nowrap">{learner.learnerNumber}</td>
                <td>{learner.sex}</td>
                <td className="nowrap">{formatDate(learner.dateOfBirth)}</td>
                <td>
                  <InstitutionLink id={learner.institutionId} />
                </td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={5}>No learners found.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? <Pagination label="Learners pages" data={data} onPageChange={(p) => go(filters, p)} /> : null}
    </Page>
  );
}
