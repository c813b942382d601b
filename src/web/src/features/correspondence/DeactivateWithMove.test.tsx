import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { renderRegistry } from '../registry/testing';
import type { Team, TeamDetail } from './casesApi';
import { allTeams, managers, serveCaseBasics, teamAdminMe } from './testing';

const centralTriage: Team = { ...managers, id: 'tm-central', code: 'CTRI', name: 'Central triage' };

describe('deactivating a manager unit with open cases', () => {
  it('moves its open cases to the chosen manager unit and says when more remain', async () => {
    const posted: unknown[] = [];
    serveCaseBasics(teamAdminMe, [...allTeams, centralTriage]);
    const detail: TeamDetail = { team: managers, members: [] };
    server.use(
      http.get(api('/teams/:id'), () => HttpResponse.json(detail)),
      http.post(api('/teams/:id/deactivate'), async ({ request }) => {
        posted.push(await request.json());
        return posted.length === 1
          ? HttpResponse.json(
              {
                status: 409,
                title: 'The team cannot be changed yet.',
                detail:
                  'Correspondence unit cannot be deactivated: 200 open cases moved, it still manages 12 open cases (run it again to move the rest).',
                casesMoved: 200,
              },
              { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : HttpResponse.json({ ...managers, active: false, version: 2 });
      }),
    );
    const { user } = renderRegistry('/cases/team-admin');

    await user.click(await screen.findByRole('button', { name: 'Manage Correspondence unit' }, { timeout: 5000 }));
    const panel = await screen.findByRole('region', { name: 'Correspondence unit' });
    const form = within(panel).getByRole('form', { name: 'Move open cases and deactivate' });
    expect(within(form).queryByRole('option', { name: 'Correspondence unit (CORR)' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Move open cases and deactivate' }));
    expect(within(form).getByText('Choose the manager unit the open cases go to.')).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText('Move open cases to'), centralTriage.id);
    await user.type(within(form).getByLabelText('Reason (optional)'), 'Triage merged');
    await user.click(within(form).getByRole('button', { name: 'Move open cases and deactivate' }));
    expect(await within(form).findByText(/it still manages 12 open cases/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Move open cases and deactivate' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Correspondence unit is deactivated');
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[0]).toEqual({ version: 1, moveManagedCasesTo: centralTriage.id, reason: 'Triage merged' });
  });
});
