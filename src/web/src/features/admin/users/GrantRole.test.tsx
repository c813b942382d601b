import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { adminMe, areas, officerDetail, roles } from '../../../test/fixtures';
import { api, server } from '../../../test/server';
import { renderApp } from '../../../test/renderApp';
import type { Grant } from '../../auth/authApi';

function detailServer() {
  const user = officerDetail();
  const posted: unknown[] = [];
  const areaSearches: (string | null)[] = [];
  server.use(
    http.get(api('/auth/me'), () => HttpResponse.json(adminMe)),
    http.get(api('/roles'), () => HttpResponse.json(roles)),
    http.get(api('/users/u-officer'), () => HttpResponse.json(user)),
    http.get(api('/areas'), ({ request }) => {
      const search = new URL(request.url).searchParams.get('search');
      areaSearches.push(search);
      const items = areas.filter((a) => !search || a.name.toLowerCase().includes(search.toLowerCase()));
      return HttpResponse.json({ items, page: 1, pageSize: 10, total: items.length });
    }),
    http.post(api('/users/u-officer/grants'), async ({ request }) => {
      const body = (await request.json()) as Omit<Grant, 'id' | 'scopeName'>;
      posted.push(body);
      const area = areas.find((a) => a.id === body.scopeId);
      const grant: Grant = { id: `g-${posted.length + 10}`, ...body, scopeName: area?.name ?? null };
      user.grants = [...user.grants, grant];
      return HttpResponse.json(grant, { status: 201 });
    }),
  );
  return { posted, areaSearches };
}

function optionTexts(select: HTMLElement) {
  return within(select)
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value)
    .filter(Boolean);
}

describe('Grant a role', () => {
  it('limits the scope kinds to those of the chosen role', async () => {
    detailServer();
    const { user } = renderApp('/admin/users/u-officer');
    const form = await screen.findByRole('form', { name: 'Grant a role' });
    const role = within(form).getByLabelText('Role');
    await waitFor(() => expect(optionTexts(role)).toEqual(['SystemAdministrator', 'Viewer', 'HeadTeacher']));
    const scope = within(form).getByLabelText('Applies to');
    expect(scope).toBeDisabled();

    await user.selectOptions(role, 'Viewer');
    expect(scope).toBeEnabled();
    expect(optionTexts(scope)).toEqual(['Country', 'Area', 'Institution']);

    await user.selectOptions(role, 'SystemAdministrator');
    expect(optionTexts(scope)).toEqual(['Country']);
    expect(scope).toHaveValue('Country');

    await user.selectOptions(role, 'HeadTeacher');
    expect(optionTexts(scope)).toEqual(['Institution']);
    expect(within(form).getByLabelText('Institution id')).toBeInTheDocument();
  });

  it('posts role, Area scope kind and the picked area id, then lists the new grant', async () => {
    const { posted, areaSearches } = detailServer();
    const { user } = renderApp('/admin/users/u-officer');
    const form = await screen.findByRole('form', { name: 'Grant a role' });
    await waitFor(() => expect(optionTexts(within(form).getByLabelText('Role'))).toContain('Viewer'));
    await user.selectOptions(within(form).getByLabelText('Role'), 'Viewer');
    await user.selectOptions(within(form).getByLabelText('Applies to'), 'Area');

    const search = within(form).getByLabelText('Search areas by name or code');
    await user.type(search, 'south{Enter}');
    await waitFor(() => expect(areaSearches).toContain('south'));
    await user.click(await within(form).findByRole('radio', { name: /South District/ }));
    await user.click(within(form).getByRole('button', { name: 'Grant role' }));

    await waitFor(() => expect(posted).toEqual([{ role: 'Viewer', scopeKind: 'Area', scopeId: 'area-3' }]));
    expect(await screen.findByRole('status')).toHaveTextContent('Viewer granted for South District.');
    const grants = screen.getByRole('table', { name: /Roles granted to/ });
    expect(await within(grants).findByRole('cell', { name: 'South District (Area)' })).toBeInTheDocument();
    expect(within(grants).getAllByRole('cell', { name: 'Viewer' })).toHaveLength(1);
  });

  it('posts a null scope id for a national grant and the typed id for an institution', async () => {
    const { posted } = detailServer();
    const { user } = renderApp('/admin/users/u-officer');
    const form = await screen.findByRole('form', { name: 'Grant a role' });
    await waitFor(() => expect(optionTexts(within(form).getByLabelText('Role'))).toContain('Viewer'));

    await user.selectOptions(within(form).getByLabelText('Role'), 'SystemAdministrator');
    await user.click(within(form).getByRole('button', { name: 'Grant role' }));
    await waitFor(() => expect(posted).toHaveLength(1));

    await user.selectOptions(within(form).getByLabelText('Role'), 'HeadTeacher');
    await user.type(within(form).getByLabelText('Institution id'), ' inst-42 ');
    await user.click(within(form).getByRole('button', { name: 'Grant role' }));
    await waitFor(() => expect(posted).toHaveLength(2));

    expect(posted).toEqual([
      { role: 'SystemAdministrator', scopeKind: 'Country', scopeId: null },
      { role: 'HeadTeacher', scopeKind: 'Institution', scopeId: 'inst-42' },
    ]);
  });

  it('does not post when no area has been picked', async () => {
    const { posted } = detailServer();
    const { user } = renderApp('/admin/users/u-officer');
    const form = await screen.findByRole('form', { name: 'Grant a role' });
    await waitFor(() => expect(optionTexts(within(form).getByLabelText('Role'))).toContain('Viewer'));
    await user.selectOptions(within(form).getByLabelText('Role'), 'Viewer');
    await user.selectOptions(within(form).getByLabelText('Applies to'), 'Area');
    await user.click(within(form).getByRole('button', { name: 'Grant role' }));
    expect(await within(form).findByText('Choose an area.')).toBeInTheDocument();
    expect(posted).toEqual([]);
  });
});
