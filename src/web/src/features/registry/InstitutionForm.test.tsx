import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { institutionDetail } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { renderRegistry, serveInstitution, serveRegistryBasics } from './testing';

describe('institution form', () => {
  it('registers an institution and opens it', async () => {
    serveRegistryBasics();
    const posted: unknown[] = [];
    const created = institutionDetail({ id: 'inst-new', code: 'RS-0099', name: 'Riverbank Academy' });
    server.use(
      http.post(api('/institutions'), async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    serveInstitution(() => created);
    const { user } = renderRegistry('/registry/institutions/new');
    const form = await screen.findByRole('form', { name: 'Register institution' });
    await user.type(within(form).getByLabelText('Code'), ' rs-0099 ');
    await user.type(within(form).getByLabelText('Name'), 'Riverbank Academy');
    await user.selectOptions(within(form).getByLabelText('Type'), 'Primary');
    await user.selectOptions(within(form).getByLabelText('Ownership'), 'Community');
    await user.click(await within(form).findByRole('checkbox', { name: 'Primary' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Lower secondary' }));
    await user.selectOptions(within(form).getByLabelText('Shifts'), 'Double');
    // Only the lowest-level areas are offered, named by their path.
    const area = within(form).getByLabelText('Area');
    await waitFor(() =>
      expect(within(area).getByRole('option', { name: 'Lnemia › Northern County › Riverside District' })).toBeVisible(),
    );
    expect(within(area).queryByRole('option', { name: /^Lnemia › Northern County$/ })).not.toBeInTheDocument();
    await user.selectOptions(area, 'ar-river');
    await user.type(within(form).getByLabelText('Latitude'), '-1.3');
    await user.type(within(form).getByLabelText('Longitude'), '36.8');
    await user.type(within(form).getByLabelText('Phone'), '+254 700 123 456');
    const usable = within(form).getByLabelText('Usable classrooms');
    await user.clear(usable);
    await user.type(usable, '12');
    await user.click(within(form).getByRole('checkbox', { name: 'Safe drinking water' }));
    await user.click(within(form).getByRole('button', { name: 'Register institution' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Riverbank Academy' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/registry/institutions/inst-new');
    expect(posted).toEqual([
      {
        code: 'rs-0099',
        name: 'Riverbank Academy',
        type: 'Primary',
        ownership: 'Community',
        levels: ['PRIMARY', 'LOWERSEC'],
        areaId: 'ar-river',
        latitude: -1.3,
        longitude: 36.8,
        address: null,
        phone: '+254 700 123 456',
        email: null,
        infrastructure: {
          classroomsUsable: 12,
          classroomsUnusable: 0,
          toiletsMale: 0,
          toiletsFemale: 0,
          toiletsShared: 0,
          hasWater: true,
          hasElectricity: false,
          hasInternet: false,
        },
        shift: 'Double',
      },
    ]);
  });

  it('shows the server’s field errors next to their fields, nested ones included', async () => {
    serveRegistryBasics();
    server.use(
      http.post(api('/institutions'), () =>
        problem(400, 'The request has invalid fields.', {
          errors: {
            code: ['This code is already used by another institution.'],
            'infrastructure.toiletsFemale': ["'Toilets Female' must be between 0 and 10000."],
            areaId: ['Choose the lowest-level area (e.g. the district), not one with areas below it.'],
            version: ['Something the form does not show.'],
          },
        }),
      ),
    );
    const { user } = renderRegistry('/registry/institutions/new');
    const form = await screen.findByRole('form', { name: 'Register institution' });
    await user.type(within(form).getByLabelText('Code'), 'RS-0001');
    await user.type(within(form).getByLabelText('Name'), 'Duplicate');
    await user.selectOptions(within(form).getByLabelText('Type'), 'Secondary');
    await user.selectOptions(within(form).getByLabelText('Ownership'), 'Public');
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /Riverside District/ })).toHaveLength(1));
    await user.selectOptions(within(form).getByLabelText('Area'), 'ar-river');
    await user.click(within(form).getByRole('button', { name: 'Register institution' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Check the highlighted fields below.');
    expect(alert).toHaveTextContent('Something the form does not show.');
    expect(alert).not.toHaveTextContent('already used');
    expect(within(form).getByLabelText('Code')).toHaveAccessibleDescription(
      /Error: This code is already used by another institution\./,
    );
    expect(within(form).getByLabelText('Toilets for girls and women')).toHaveAccessibleDescription(
      "Error: 'Toilets Female' must be between 0 and 10000.",
    );
    expect(within(form).getByLabelText('Area')).toHaveAccessibleDescription(/Error: Choose the lowest-level area/);
    expect(screen.getByTestId('location')).toHaveTextContent('/registry/institutions/new');
  });

  it('checks the required fields before sending anything', async () => {
    serveRegistryBasics();
    let posts = 0;
    server.use(
      http.post(api('/institutions'), () => {
        posts++;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const { user } = renderRegistry('/registry/institutions/new');
    const form = await screen.findByRole('form', { name: 'Register institution' });
    await user.type(within(form).getByLabelText('Latitude'), 'north');
    await user.click(within(form).getByRole('button', { name: 'Register institution' }));
    expect(within(form).getByLabelText('Code')).toHaveAccessibleDescription(/Error: Enter the code/);
    expect(within(form).getByLabelText('Type')).toHaveAccessibleDescription('Error: Choose the type.');
    expect(within(form).getByLabelText('Latitude')).toHaveAccessibleDescription(/Error: Enter the latitude/);
    expect(posts).toBe(0);
  });

  it('edits an institution, sending the version it read', async () => {
    serveRegistryBasics();
    const puts: unknown[] = [];
    let current = institutionDetail();
    server.use(
      http.put(api('/institutions/inst-1'), async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        puts.push(body);
        current = { ...current, name: String(body.name), version: 4 };
        return HttpResponse.json(current);
      }),
    );
    serveInstitution(() => current);
    const { user } = renderRegistry('/registry/institutions/inst-1/edit');
    const form = await screen.findByRole('form', { name: 'Save changes' });
    const name = within(form).getByLabelText('Name');
    expect(name).toHaveValue('Riverside Primary School');
    expect(within(form).getByLabelText('Usable classrooms')).toHaveValue('8');
    expect(within(form).getByRole('checkbox', { name: 'Safe drinking water' })).toBeChecked();
    await user.clear(name);
    await user.type(name, 'Riverside Model Primary School');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Riverside Model Primary School' }),
    ).toBeInTheDocument();
    expect(puts).toEqual([
      expect.objectContaining({
        code: 'RS-0001',
        name: 'Riverside Model Primary School',
        areaId: 'ar-river',
        levels: ['PRIMARY'],
        shift: 'Double',
        version: 3,
        infrastructure: expect.objectContaining({ classroomsUsable: 8, toiletsFemale: 5, hasWater: true }),
      }),
    ]);
  });
});
