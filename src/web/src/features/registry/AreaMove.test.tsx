import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { registryAreas } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import type { RegistryArea } from './areasApi';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from './testing';

/** Areas the handlers change: the list follows moves. `served` records the lists given, as "parentId@version of Riverside". */
function areaServer() {
  const areas: RegistryArea[] = registryAreas.map((a) => ({ ...a }));
  const served: string[] = [];
  server.use(
    http.get(api('/areas'), ({ request }) => {
      const parentId = searchOf(request).get('parentId');
      const items = parentId ? areas.filter((a) => a.parentId === parentId) : areas;
      served.push(`${parentId ?? 'all'}@${areas.find((a) => a.id === 'ar-river')?.version}`);
      return HttpResponse.json(pageOf(items, 1, 200));
    }),
  );
  return Object.assign(areas, { served });
}

async function openMoveForm(user: ReturnType<typeof renderRegistry>['user'], name: string) {
  await user.click(await screen.findByRole('button', { name: 'Lnemia' }));
  const counties = await screen.findByRole('list', { name: 'Areas in Lnemia' });
  await user.click(within(counties).getByRole('button', { name: 'Northern County' }));
  const districts = await screen.findByRole('list', { name: 'Areas in Northern County' });
  await user.click(within(districts).getByRole('button', { name: `Move ${name}` }));
  return screen.getByRole('form', { name: `Move ${name}` });
}

describe('moving an area', () => {
  it('moves a district to another county once confirmed', async () => {
    serveRegistryBasics();
    const areas = areaServer();
    const posted: unknown[] = [];
    server.use(
      http.post(api('/areas/ar-river/move'), async ({ request }) => {
        const body = (await request.json()) as { parentId: string | null; version: number };
        posted.push(body);
        const river = areas.find((a) => a.id === 'ar-river')!;
        Object.assign(river, { parentId: body.parentId, version: river.version + 1 });
        return HttpResponse.json(river);
      }),
    );
    const { user } = renderRegistry('/registry/areas');
    const form = await openMoveForm(user, 'Riverside District');
    expect(screen.getByText(/It is now in Northern County\./)).toBeInTheDocument();
    const select = within(form).getByLabelText('New parent area');
    // It cannot move below itself, and the top level is offered.
    expect(within(select).queryByRole('option', { name: /Riverside District/ })).not.toBeInTheDocument();
    expect(within(select).getByRole('option', { name: 'The top level (no parent)' })).toBeInTheDocument();

    // Nothing chosen: said next to the field.
    await user.click(within(form).getByRole('button', { name: 'Move area' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, move' }));
    expect(select).toHaveAccessibleDescription(/Error: Choose where to move the area\./);
    expect(posted).toEqual([]);

    await user.selectOptions(select, 'ar-south');
    await user.click(within(form).getByRole('button', { name: 'Move area' }));
    expect(
      within(form).getByRole('group', {
        name: 'Move Riverside District and everything below it to Southern County?',
      }),
    ).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Yes, move' }));

    expect(await screen.findByText('Riverside District moved to Southern County.')).toBeInTheDocument();
    expect(posted).toEqual([{ parentId: 'ar-south', version: 1 }]);
    // The tree follows: it has left Northern County and is found in Southern County.
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Areas in Northern County' })).queryByRole('button', {
          name: 'Riverside District',
        }),
      ).not.toBeInTheDocument(),
    );
    await user.click(screen.getByRole('button', { name: 'Southern County' }));
    const south = await screen.findByRole('list', { name: 'Areas in Southern County' });
    expect(within(south).getByRole('button', { name: 'Riverside District' })).toBeInTheDocument();
  });

  it('moves an area to the top with a null parent', async () => {
    serveRegistryBasics();
    areaServer();
    const posted: unknown[] = [];
    server.use(
      http.post(api('/areas/ar-hill/move'), async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json({ ...registryAreas[4], parentId: null, level: 0, version: 2 });
      }),
    );
    const { user } = renderRegistry('/registry/areas');
    const form = await openMoveForm(user, 'Hillcrest District');
    await user.selectOptions(within(form).getByLabelText('New parent area'), 'top');
    await user.click(within(form).getByRole('button', { name: 'Move area' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, move' }));
    expect(await screen.findByText('Hillcrest District moved to the top level.')).toBeInTheDocument();
    expect(posted).toEqual([{ parentId: null, version: 1 }]);
  });

  it('shows a refused parent next to the field and a conflict as an alert', async () => {
    serveRegistryBasics();
    const areas = areaServer();
    const posted: unknown[] = [];
    server.use(
      http.post(api('/areas/ar-river/move'), async ({ request }) => {
        posted.push(await request.json());
        const river = areas.find((a) => a.id === 'ar-river')!;
        if (posted.length === 1) {
          return problem(400, 'The request has invalid fields.', { errors: { parentId: ['No such area.'] } });
        }
        if (posted.length === 2) {
          // Someone renamed it meanwhile: the list now has the newer version.
          river.version = 2;
          return problem(409, 'The record was changed by someone else.', {
            detail: 'Reload it and apply your change again.',
          });
        }
        Object.assign(river, { parentId: 'ar-south', version: 3 });
        return HttpResponse.json(river);
      }),
    );
    const { user } = renderRegistry('/registry/areas');
    const form = await openMoveForm(user, 'Riverside District');
    const select = within(form).getByLabelText('New parent area');
    await user.selectOptions(select, 'ar-south');
    await user.click(within(form).getByRole('button', { name: 'Move area' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, move' }));
    await waitFor(() => expect(select).toHaveAccessibleDescription(/Error: No such area\./));
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields.');

    await user.click(within(form).getByRole('button', { name: 'Move area' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, move' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('The record was changed by someone else.'));
    expect(alert).toHaveTextContent('Reload it and apply your change again.');
    expect(select).not.toHaveAccessibleDescription(/Error/);
    // Nothing moved: the district is still listed under Northern County.
    expect(
      within(screen.getByRole('list', { name: 'Areas in Northern County' })).getByRole('button', {
        name: 'Riverside District',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/moved to/)).not.toBeInTheDocument();

    // Trying again sends the version the list now has (once the list has been read again).
    await waitFor(() => expect(areas.served).toContain('ar-north@2'));
    await user.click(within(form).getByRole('button', { name: 'Move area' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, move' }));
    expect(await screen.findByText('Riverside District moved to Southern County.')).toBeInTheDocument();
    expect(posted).toEqual([
      { parentId: 'ar-south', version: 1 },
      { parentId: 'ar-south', version: 1 },
      { parentId: 'ar-south', version: 2 },
    ]);
  });
});
