import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { pageOf, renderRegistry } from '../registry/testing';
import type { CreateTeamFields, Team } from './casesApi';
import { directorate, group, serveCaseBasics, teamAdminMe } from './testing';

describe('team administration', () => {
  it('adds a business unit under a directorate and shows it in the tree', async () => {
    const teams: Team[] = [group, directorate];
    const posted: CreateTeamFields[] = [];
    serveCaseBasics(teamAdminMe);
    server.use(
      http.get(api('/teams'), () => HttpResponse.json(pageOf(teams, 1, 200))),
      http.post(api('/teams'), async ({ request }) => {
        const body = (await request.json()) as CreateTeamFields;
        posted.push(body);
        const team: Team = { ...body, id: 'tm-new', code: body.code.toUpperCase(), version: 1 };
        teams.push(team);
        return HttpResponse.json(team, { status: 201 });
      }),
    );
    const { user } = renderRegistry('/cases/teams');
    const form = await screen.findByRole('form', { name: 'Add a team' });
    await screen.findByText(/Schools \(SCH\)/);

    await user.selectOptions(within(form).getByLabelText('Kind'), 'BusinessUnit');
    await user.click(within(form).getByRole('button', { name: 'Add team' }));
    expect(within(form).getByLabelText('Role on cases')).toHaveAccessibleDescription(
      'Error: Choose what the unit does on cases.',
    );
    expect(posted).toEqual([]);

    await user.selectOptions(within(form).getByLabelText('Part of (directorate)'), directorate.id);
    await user.type(within(form).getByLabelText('Code'), 'disc');
    await user.type(within(form).getByLabelText('Name'), 'Disclosure team');
    await user.selectOptions(within(form).getByLabelText('Role on cases'), 'Approver');
    await user.selectOptions(within(form).getByLabelText('Clearance step'), 'disclosure');
    await user.click(within(form).getByRole('button', { name: 'Add team' }));

    expect(await screen.findByText('Disclosure team has been added.')).toBeInTheDocument();
    expect(posted).toEqual([
      {
        code: 'disc',
        name: 'Disclosure team',
        kind: 'BusinessUnit',
        parentId: directorate.id,
        role: 'Approver',
        clearanceStep: 'disclosure',
      },
    ]);
    const tree = screen.getByRole('region', { name: 'Teams' });
    await waitFor(() =>
      expect(within(tree).getByText(/Disclosure team \(DISC\) — approver unit, disclosure/)).toBeInTheDocument(),
    );
    expect(within(tree).getByRole('button', { name: 'Members of Disclosure team' })).toBeInTheDocument();
  });
});
