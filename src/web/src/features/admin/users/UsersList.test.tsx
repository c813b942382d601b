import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { adminMe, officerDetail, officerMe } from '../../../test/fixtures';
import { api, problem, server } from '../../../test/server';
import { renderApp } from '../../../test/renderApp';

describe('users administration', () => {
  it('searches and pages through users', async () => {
    const queries: string[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(adminMe)),
      http.get(api('/users'), ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params.toString());
        const page = Number(params.get('page'));
        return HttpResponse.json({
          items: [{ ...officerDetail(), id: `u-${page}`, displayName: `Person ${page}` }],
          page,
          pageSize: 20,
          total: 45,
        });
      }),
    );
    const { user } = renderApp('/admin/users');
    expect(await screen.findByRole('link', { name: 'Person 1' })).toBeInTheDocument();
    expect(screen.getByText(/Page 1 of 3/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Search by name or email'), 'olu');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(queries).toContain('search=olu&page=1&pageSize=20'));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Person 2' })).toBeInTheDocument();
    expect(queries).toContain('search=olu&page=2&pageSize=20');
    expect(screen.getByText(/Page 2 of 3/)).toBeInTheDocument();
  });

  it('creates a user and opens the new user', async () => {
    const posted: unknown[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(adminMe)),
      http.get(api('/roles'), () => HttpResponse.json([])),
      http.post(api('/users'), async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(
          { ...officerDetail(), id: 'u-new', displayName: 'Nia New', grants: [] },
          { status: 201 },
        );
      }),
      http.get(api('/users/u-new'), () =>
        HttpResponse.json({ ...officerDetail(), id: 'u-new', displayName: 'Nia New', grants: [] }),
      ),
    );
    const { user } = renderApp('/admin/users/new');
    await user.type(await screen.findByLabelText('Email address'), 'nia@lnemis.local');
    await user.type(screen.getByLabelText('Display name'), 'Nia New');
    await user.type(screen.getByLabelText('First password'), 'a-long-first-password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Nia New' })).toBeInTheDocument();
    expect(screen.getByText('This user has no roles yet.')).toBeInTheDocument();
    expect(posted).toEqual([{ email: 'nia@lnemis.local', displayName: 'Nia New', password: 'a-long-first-password' }]);
  });

  it('shows a duplicate email from the server next to the email field', async () => {
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(adminMe)),
      http.post(api('/users'), () =>
        problem(400, 'One or more validation errors occurred.', {
          errors: { email: ['This email address is already used.'] },
        }),
      ),
    );
    const { user } = renderApp('/admin/users/new');
    await user.type(await screen.findByLabelText('Email address'), 'officer@lnemis.local');
    await user.type(screen.getByLabelText('Display name'), 'Dup');
    await user.type(screen.getByLabelText('First password'), 'a-long-first-password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await screen.findByRole('alert');
    expect(screen.getByLabelText('Email address')).toHaveAccessibleDescription(
      'Error: This email address is already used.',
    );
  });

  it('deactivates a user after confirmation', async () => {
    let active = true;
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(adminMe)),
      http.get(api('/roles'), () => HttpResponse.json([])),
      http.get(api('/users/u-officer'), () => HttpResponse.json({ ...officerDetail(), isActive: active })),
      http.post(api('/users/u-officer/deactivate'), () => {
        active = false;
        return HttpResponse.json({ ...officerDetail(), isActive: false });
      }),
    );
    const { user } = renderApp('/admin/users/u-officer');
    await user.click(await screen.findByRole('button', { name: 'Deactivate account' }));
    await user.click(screen.getByRole('button', { name: 'Yes, deactivate' }));
    expect(await screen.findByRole('button', { name: 'Activate account' })).toBeInTheDocument();
    const account = screen.getByRole('region', { name: 'Account' });
    expect(within(account).getByText('Deactivated')).toBeInTheDocument();
  });

  it('refuses the administration pages to a user without users.read', async () => {
    server.use(http.get(api('/auth/me'), () => HttpResponse.json(officerMe)));
    renderApp('/admin/users');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeInTheDocument();
  });
});
