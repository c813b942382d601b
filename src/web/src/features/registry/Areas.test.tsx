import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { registryAreas, registryReaderMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import type { RegistryArea } from './areasApi';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from './testing';

function areaServer() {
  const areas: RegistryArea[] = registryAreas.map((a) => ({ ...a }));
  const queries: string[] = [];
  server.use(
    http.get(api('/areas'), ({ request }) => {
      const params = searchOf(request);
      queries.push(params.toString());
      const parentId = params.get('parentId');
      const items = parentId ? areas.filter((a) => a.parentId === parentId) : areas;
      return HttpResponse.json(pageOf(items, 1, 200));
    }),
  );
  return { areas, queries };
}

describe('areas', () => {
  it('shows the tree and loads the areas of a node when it is opened', async () => {
    serveRegistryBasics(registryReaderMe);
    const { queries } = areaServer();
    const { user } = renderRegistry('/registry/areas');
    const tree = await screen.findByRole('list', { name: 'Areas' });
    const country = within(tree).getByRole('button', { name: 'Lnemia' });
    expect(country).toHaveAttribute('aria-expanded', 'false');
    // Only the highest area is shown at first.
    expect(within(tree).queryByRole('button', { name: 'Northern County' })).not.toBeInTheDocument();

    await user.click(country);
    expect(country).toHaveAttribute('aria-expanded', 'true');
    const counties = await screen.findByRole('list', { name: 'Areas in Lnemia' });
    expect(queries).toContain('parentId=ar-country&page=1&pageSize=200');
    await user.click(within(counties).getByRole('button', { name: 'Northern County' }));
    const districts = await screen.findByRole('list', { name: 'Areas in Northern County' });
    expect(within(districts).getByRole('button', { name: 'Riverside District' })).toBeInTheDocument();

    await user.click(within(districts).getByRole('button', { name: 'Riverside District' }));
    expect(await screen.findByText('There are no areas in Riverside District.')).toBeInTheDocument();

    // Closing hides the areas below.
    await user.click(country);
    expect(screen.queryByRole('list', { name: 'Areas in Lnemia' })).not.toBeInTheDocument();
    // A reader cannot change areas.
    expect(screen.queryByRole('button', { name: /^Rename/ })).not.toBeInTheDocument();
  });

  it('adds an area below another and lists it', async () => {
    serveRegistryBasics();
    const { areas } = areaServer();
    const posted: unknown[] = [];
    server.use(
      http.post(api('/areas'), async ({ request }) => {
        const body = (await request.json()) as { code: string; name: string; parentId: string };
        posted.push(body);
        const area = {
          id: 'ar-new',
          code: body.code.toUpperCase(),
          name: body.name,
          parentId: body.parentId,
          level: 2,
          version: 1,
        };
        areas.push(area);
        return HttpResponse.json(area, { status: 201 });
      }),
    );
    const { user } = renderRegistry('/registry/areas');
    await user.click(await screen.findByRole('button', { name: 'Lnemia' }));
    const counties = await screen.findByRole('list', { name: 'Areas in Lnemia' });
    await user.click(within(counties).getByRole('button', { name: 'Add an area in Southern County' }));
    const form = screen.getByRole('form', { name: 'Add an area in Southern County' });
    await user.type(within(form).getByLabelText('Code'), 'ln-s-03');
    await user.type(within(form).getByLabelText('Name'), 'Marsh District');
    await user.click(within(form).getByRole('button', { name: 'Add area' }));

    expect(await screen.findByText('Marsh District added to Southern County.')).toBeInTheDocument();
    expect(posted).toEqual([{ code: 'ln-s-03', name: 'Marsh District', parentId: 'ar-south' }]);
    const districts = await screen.findByRole('list', { name: 'Areas in Southern County' });
    expect(within(districts).getByRole('button', { name: 'Marsh District' })).toBeInTheDocument();
  });

  it('renames an area, with a taken code shown next to the code field', async () => {
    serveRegistryBasics();
    const { areas } = areaServer();
    const puts: unknown[] = [];
    server.use(
      http.put(api('/areas/ar-country'), async ({ request }) => {
        const body = (await request.json()) as { code: string; name: string; version: number };
        puts.push(body);
        if (body.code === 'LN-N')
          return problem(400, 'The request has invalid fields.', { errors: { code: ['This code is already used.'] } });
        const country = areas[0]!;
        Object.assign(country, { name: body.name, code: body.code, version: 2 });
        return HttpResponse.json(country);
      }),
    );
    const { user } = renderRegistry('/registry/areas');
    await user.click(await screen.findByRole('button', { name: 'Rename Lnemia' }));
    const form = screen.getByRole('form', { name: 'Rename Lnemia' });
    const code = within(form).getByLabelText('Code');
    expect(code).toHaveValue('LN');
    await user.clear(code);
    await user.type(code, 'LN-N');
    await user.click(within(form).getByRole('button', { name: 'Save area' }));
    await waitFor(() => expect(code).toHaveAccessibleDescription(/Error: This code is already used\./));

    await user.clear(code);
    await user.type(code, 'LN');
    const name = within(form).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Republic of Lnemia');
    await user.click(within(form).getByRole('button', { name: 'Save area' }));
    expect(await screen.findByText('Saved: Republic of Lnemia (LN).')).toBeInTheDocument();
    expect(puts).toEqual([
      { code: 'LN-N', name: 'Lnemia', version: 1 },
      { code: 'LN', name: 'Republic of Lnemia', version: 1 },
    ]);
    expect(await screen.findByRole('button', { name: 'Republic of Lnemia' })).toBeInTheDocument();
  });
});
