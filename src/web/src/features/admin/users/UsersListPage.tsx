import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toProblem } from '../../../api/problem';
import { Pagination } from '../../../components/Pagination';
import { Page } from '../../../components/Page';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasPermission, useMeQuery } from '../../auth/authApi';
import { useUsersQuery } from './usersApi';
import { TableWrap } from '../../../components/TableWrap';

const pageSize = 20;

export function UsersListPage() {
  const { data: me } = useMeQuery();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [searchInput, setSearchInput] = useState(search);
  const { data, error, isFetching } = useUsersQuery({ search: search || undefined, page, pageSize });

  function go(nextSearch: string, nextPage: number) {
    const next = new URLSearchParams();
    if (nextSearch) next.set('search', nextSearch);
    if (nextPage > 1) next.set('page', String(nextPage));
    setParams(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(searchInput.trim(), 1);
  }

  return (
    <Page title="Users">
      {hasPermission(me, 'users.manage') ? (
        <p>
          <Link className="button" to="/admin/users/new">
            Create a user
          </Link>
        </p>
      ) : null}

      <form className="search-form" onSubmit={submit} role="search" aria-label="Search users">
        <label htmlFor="user-search">Search by name or email</label>
        <div className="search-form__row">
          <input id="user-search" type="search" value={searchInput} onChange={(e) => setSearchInput(e.target.value)} />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>

      <ProblemAlert problem={toProblem(error)} />

      <TableWrap label="Users" busy={isFetching}>
        <table>
          <caption className="visually-hidden">Users{search ? ` matching “${search}”` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email address</th>
              <th scope="col">Roles</th>
              <th scope="col">Two-step</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${encodeURIComponent(user.id)}`}>{user.displayName || user.email}</Link>
                </td>
                <td>{user.email}</td>
                <td>{user.roles.length > 0 ? user.roles.join(', ') : <span className="muted">None</span>}</td>
                <td>{user.mfaEnabled ? 'On' : 'Off'}</td>
                <td>
                  <span className={user.isActive ? 'tag tag--ok' : 'tag tag--off'}>
                    {user.isActive ? 'Active' : 'Deactivated'}
                  </span>
                </td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={5}>No users found.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data ? <Pagination label="Users pages" data={data} onPageChange={(p) => go(search, p)} /> : null}
    </Page>
  );
}
