import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../../test/server';
import { renderRegistry } from '../registry/testing';
import type { CaseEventBody, Team, TeamDetail } from './casesApi';
import { allTeams, caseDetail, managers, responders, serveCaseBasics } from './testing';

const centralTriage: Team = { ...managers, id: 'tm-central', code: 'CTRI', name: 'Central triage' };

const respondersDetail: TeamDetail = {
  team: responders,
  members: [
    { id: 'm-1', teamId: responders.id, userId: 'u-rafe', role: 'Responder', active: true, name: 'Rafe Otieno' },
    { id: 'm-2', teamId: responders.id, userId: 'u-gone', role: 'Responder', active: false, name: 'Gone Away' },
    { id: 'm-3', teamId: responders.id, userId: 'u-ria', role: 'Responder', active: true },
  ],
};

function serve(allowed: string[]) {
  const sent: { event: string; body: CaseEventBody }[] = [];
  server.use(
    http.get(api('/cases/case-1'), () =>
      HttpResponse.json(
        caseDetail({ state: 'drafting', respondingTeamId: responders.id, allowedEvents: { manager: allowed } }),
      ),
    ),
    http.get(api(`/teams/${responders.id}`), () => HttpResponse.json(respondersDetail)),
    http.post(api('/cases/case-1/events/:event'), async ({ request, params }) => {
      const body = (await request.json()) as CaseEventBody;
      sent.push({ event: String(params.event), body });
      if (params.event === 'transfer_managing_team' && body.managingTeamId === 'tm-central' && sent.length === 1) {
        return problem(422, 'The event cannot be done now.', {
          errors: { managingTeamId: ['The unit Central triage is deactivated.'] },
        });
      }
      return HttpResponse.json(caseDetail({ state: 'drafting' }));
    }),
  );
  return sent;
}

describe('assigning to a person and moving the managing team', () => {
  it('reassigns to a unit and one of its active responders, and names a responder within the unit', async () => {
    serveCaseBasics(undefined, allTeams);
    const sent = serve(['reassign', 'assign_responder']);
    const { user } = renderRegistry('/cases/case-1');
    const actions = await screen.findByRole('region', { name: 'Actions' });

    await user.click(within(actions).getByRole('button', { name: 'Reassign' }));
    const form = within(actions).getByRole('form', { name: 'Reassign' });
    expect(within(form).getByLabelText('Responder (optional)')).toHaveDisplayValue('Choose the unit first');
    await waitFor(() =>
      expect(within(form).getByRole('option', { name: 'Primary policy (PRIM)' })).toBeInTheDocument(),
    );
    await user.selectOptions(within(form).getByLabelText('Responding team'), responders.id);
    // Responders are offered by name; one whose name did not come with the answer, by id.
    await waitFor(() => expect(within(form).getByRole('option', { name: 'u-ria' })).toBeInTheDocument());
    expect(within(form).getByRole('option', { name: 'Rafe Otieno' })).toHaveValue('u-rafe');
    expect(within(form).queryByRole('option', { name: 'Gone Away' })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Responder (optional)'), 'u-ria');
    await user.click(within(form).getByRole('button', { name: 'Reassign' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ event: 'reassign', body: { teamId: responders.id, userId: 'u-ria' } });

    await user.click(await within(actions).findByRole('button', { name: 'Assign to a person' }));
    const named = within(actions).getByRole('form', { name: 'Assign to a person' });
    await user.click(within(named).getByRole('button', { name: 'Assign to a person' }));
    expect(within(named).getByText('Choose the responder.')).toBeInTheDocument();
    await waitFor(() => expect(within(named).getByRole('option', { name: 'Rafe Otieno' })).toBeInTheDocument());
    await user.selectOptions(within(named).getByLabelText('Responder'), 'u-rafe');
    await user.click(within(named).getByRole('button', { name: 'Assign to a person' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({ event: 'assign_responder', body: { userId: 'u-rafe' } });
  });

  it('transfers the case to another manager unit and shows the refusal on the field', async () => {
    serveCaseBasics(undefined, [...allTeams, centralTriage]);
    const sent = serve(['transfer_managing_team']);
    const { user } = renderRegistry('/cases/case-1');
    const actions = await screen.findByRole('region', { name: 'Actions' });

    await user.click(within(actions).getByRole('button', { name: 'Transfer to another managing team' }));
    const form = within(actions).getByRole('form', { name: 'Transfer to another managing team' });
    await waitFor(() =>
      expect(within(form).getByRole('option', { name: 'Central triage (CTRI)' })).toBeInTheDocument(),
    );
    // The case's own managing team is not offered.
    expect(within(form).queryByRole('option', { name: 'Correspondence unit (CORR)' })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('New managing team'), 'tm-central');
    await user.click(within(form).getByRole('button', { name: 'Transfer to another managing team' }));
    expect(await within(form).findByText('The unit Central triage is deactivated.')).toBeInTheDocument();
    expect(sent[0]).toMatchObject({ event: 'transfer_managing_team', body: { managingTeamId: 'tm-central' } });
  });
});
