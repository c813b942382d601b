import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { renderRegistry } from '../registry/testing';
import type { TeamDetail } from './casesApi';
import { allTeams, directorate, group, responders, serveCaseBasics, teamAdminMe } from './testing';

const otherDirectorate = { ...directorate, id: 'tm-dir2', code: 'FE', name: 'Further education' };

describe('team administration screen', () => {
  it('shows why a unit cannot be deactivated, and moves it under another directorate', async () => {
    const posted: { url: string; body: unknown }[] = [];
    serveCaseBasics(teamAdminMe, [...allTeams, otherDirectorate]);
    const detail: TeamDetail = {
      team: responders,
      members: [
        { id: 'm-1', teamId: responders.id, userId: 'u-rafe', role: 'Responder', active: true, name: 'Rafe Otieno' },
      ],
    };
    server.use(
      http.get(api('/teams/:id'), () => HttpResponse.json(detail)),
      http.post(api('/teams/:id/deactivate'), async ({ request }) => {
        posted.push({ url: request.url, body: await request.json() });
        return HttpResponse.json(
          {
            status: 409,
            title: 'The team cannot be changed yet.',
            detail:
              'Primary policy cannot be deactivated: it answers 2 open cases (reassign them to another unit first).',
            openCasesAnswered: 2,
          },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
      http.post(api('/teams/:id/move'), async ({ request }) => {
        posted.push({ url: request.url, body: await request.json() });
        return HttpResponse.json({ ...responders, parentId: otherDirectorate.id, version: 2 });
      }),
    );
    const { user } = renderRegistry('/cases/team-admin');

    await user.click(await screen.findByRole('button', { name: 'Manage Primary policy' }, { timeout: 5000 }));
    const panel = await screen.findByRole('region', { name: 'Primary policy' });
    // Members are shown by name, with their id beside it.
    const members = within(panel).getByRole('list', { name: 'Members of Primary policy' });
    expect(within(members).getByText('u-rafe')).toBeInTheDocument();
    expect(within(members).getByRole('form', { name: 'Move Rafe Otieno to another unit' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Deactivate team' }));
    await user.click(within(panel).getByRole('button', { name: 'Deactivate' }));
    expect(await within(panel).findByText(/it answers 2 open cases/)).toBeInTheDocument();

    const move = within(panel).getByRole('form', { name: 'Move Primary policy' });
    await user.click(within(move).getByRole('button', { name: 'Move team' }));
    expect(within(move).getByLabelText('Move under (directorate)')).toHaveAccessibleDescription(
      'Error: Choose the directorate to move it to.',
    );
    expect(within(move).queryByRole('option', { name: /Schools/ })).toBeNull();
    await user.selectOptions(within(move).getByLabelText('Move under (directorate)'), otherDirectorate.id);
    await user.click(within(move).getByRole('button', { name: 'Move team' }));
    expect(await screen.findByText(/has been moved/)).toBeInTheDocument();
    await waitFor(() =>
      expect(posted.map((p) => [new URL(p.url).pathname.replace(/^.*\/teams/, '/teams'), p.body])).toEqual([
        ['/teams/tm-responders/deactivate', { version: 1 }],
        ['/teams/tm-responders/move', { parentId: otherDirectorate.id, version: 1 }],
      ]),
    );
    expect(screen.getByRole('region', { name: 'Teams' })).toHaveTextContent(group.name);
  });
});
