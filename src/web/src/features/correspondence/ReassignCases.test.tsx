import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { renderRegistry } from '../registry/testing';
import type { OpenCases, ReassignFields, Reassignment } from './teamAdminApi';
import { allTeams, caseManagerMe, responders, serveCaseBasics } from './testing';

const second = { ...responders, id: 'tm-second', code: 'SEC', name: 'Secondary policy' };

describe('bulk reassignment screen', () => {
  it('lists the open cases, sends their versions with one key per action, and shows moved and conflicting cases', async () => {
    const sent: { key: string | null; body: ReassignFields }[] = [];
    serveCaseBasics(caseManagerMe, [...allTeams, second]);
    const open: OpenCases = {
      items: [
        {
          id: 'c-1',
          number: '260319001',
          state: 'drafting',
          respondingTeamId: responders.id,
          responderId: null,
          version: 3,
        },
        {
          id: 'c-2',
          number: '260319002',
          state: 'awaiting_responder',
          respondingTeamId: responders.id,
          responderId: null,
          version: 2,
        },
      ],
      more: false,
      max: 200,
    };
    server.use(
      http.get(api('/teams/reassignments/open-cases'), () => HttpResponse.json(open)),
      http.get(api(`/teams/${second.id}`), () =>
        HttpResponse.json({
          team: second,
          members: [{ id: 'm-9', teamId: second.id, userId: 'u-sam', role: 'Responder', active: true }],
        }),
      ),
      http.post(api('/teams/reassignments'), async ({ request }) => {
        const body = (await request.json()) as ReassignFields;
        sent.push({ key: request.headers.get('Idempotency-Key'), body });
        const result: Reassignment = {
          id: 'r-1',
          ...body,
          fromUserId: null,
          moved: 1,
          skipped: 1,
          more: false,
          cases: [
            { caseId: 'c-1', number: '260319001', result: 'moved', reason: null },
            {
              caseId: 'c-2',
              number: '260319002',
              result: 'conflict',
              reason: 'The case has changed since you read it.',
            },
          ],
        };
        return HttpResponse.json(result);
      }),
    );
    const { user } = renderRegistry(`/cases/reassign?fromTeamId=${responders.id}`);
    const form = await screen.findByRole('form', { name: 'Reassign open cases' }, { timeout: 5000 });
    await user.click(within(form).getByRole('button', { name: /Reassign/ }));
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription(
      'Error: Say why the cases move; it goes into each case’s history.',
    );
    expect(sent).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'List open cases' }));
    expect(await within(form).findByText('260319002')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('To unit'), second.id);
    await waitFor(() => expect(within(form).getByRole('option', { name: 'u-sam' })).toBeInTheDocument());
    await user.selectOptions(within(form).getByLabelText('Responder (optional)'), 'u-sam');
    await user.type(within(form).getByLabelText('Reason'), 'Unit closing');
    await user.click(within(form).getByRole('button', { name: 'Reassign 2 cases' }));

    const result = await screen.findByRole('region', { name: 'Result' });
    expect(within(result).getByRole('status')).toHaveTextContent('1 moved, 1 not moved.');
    expect(within(result).getByText('conflict')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.key).toBeTruthy();
    expect(sent[0]?.body).toEqual({
      fromTeamId: responders.id,
      fromUserId: null,
      toTeamId: second.id,
      toUserId: 'u-sam',
      reason: 'Unit closing',
      cases: [
        { caseId: 'c-1', version: 3 },
        { caseId: 'c-2', version: 2 },
      ],
    });
  });
});
