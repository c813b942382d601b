import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../../test/server';
import { renderRegistry } from '../registry/testing';
import type { CaseDetail, CaseEventBody } from './casesApi';
import { caseDetail, finalExplanation, managers, responders, serveCaseBasics } from './testing';

const assigned: CaseDetail = caseDetail({
  state: 'awaiting_responder',
  respondingTeamId: responders.id,
  version: 2,
  allowedEvents: { manager: ['reassign', 'add_message'] },
  history: [
    ...caseDetail().history,
    {
      sequence: 2,
      event: 'assign',
      fromState: 'unassigned',
      toState: 'awaiting_responder',
      actorId: 'u-manager',
      actorName: 'Mona Manager',
      actorRole: 'Manager',
      actorTeamId: managers.id,
      teamId: responders.id,
      message: null,
      deadlineChange: null,
      deadlineBefore: '2099-04-20',
      deadlineAfter: '2099-04-20',
      at: '2026-03-20T10:00:00Z',
    },
  ],
});

interface Sent {
  key: string | null;
  body: CaseEventBody;
}

/** The case as GET returns it now, and the events posted to it (with their Idempotency-Key). */
function serveCase(answer: (sent: Sent) => Response | Promise<Response>) {
  let current = caseDetail();
  const sent: Sent[] = [];
  let gets = 0;
  server.use(
    http.get(api('/cases/case-1'), () => {
      gets++;
      return HttpResponse.json(current);
    }),
    http.post(api('/cases/case-1/events/:event'), async ({ request }) => {
      const entry = { key: request.headers.get('Idempotency-Key'), body: (await request.json()) as CaseEventBody };
      sent.push(entry);
      const response = await answer(entry);
      if (response.ok) current = assigned;
      return response;
    }),
  );
  return {
    sent,
    gets: () => gets,
    setCurrent: (next: CaseDetail) => {
      current = next;
    },
  };
}

async function openAssign(user: ReturnType<typeof renderRegistry>['user']) {
  const actions = await screen.findByRole('region', { name: 'Actions' });
  await user.click(within(actions).getByRole('button', { name: 'Assign' }));
  const form = within(actions).getByRole('form', { name: 'Assign' });
  await waitFor(() => expect(within(form).getByRole('option', { name: 'Primary policy (PRIM)' })).toBeInTheDocument());
  await user.selectOptions(within(form).getByLabelText('Responding team'), responders.id);
  return form;
}

describe('case detail', () => {
  it('shows the deadlines with why, the history, and only the actions the server allows', async () => {
    serveCaseBasics();
    serveCase(() => HttpResponse.json(assigned));
    renderRegistry('/cases/case-1');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Case 260319001: Spending on school meals' }),
    ).toBeInTheDocument();
    const deadlines = screen.getByRole('region', { name: 'Deadlines and why' });
    expect(within(deadlines).getByRole('heading', { name: 'Final deadline: 20 Apr 2099' })).toBeInTheDocument();
    expect(within(deadlines).getByText(finalExplanation)).toBeInTheDocument();
    expect(within(deadlines).getByText('Skip Good Friday (3 April).')).toBeInTheDocument();

    const history = within(screen.getByRole('region', { name: 'History' })).getByRole('list', { name: 'Case history' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent('Logged');
    expect(entries[0]).toHaveTextContent('By Mona Manager, manager in Correspondence unit');

    const actions = screen.getByRole('region', { name: 'Actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Assign', 'Flag for clearance', 'Extend deadline', 'Add a message', 'Edit details', 'Delete']);
    expect(within(actions).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
  });

  it('assigns with the version and an Idempotency-Key, then shows the refreshed case', async () => {
    serveCaseBasics();
    const { sent, gets } = serveCase(() => HttpResponse.json(assigned));
    const { user } = renderRegistry('/cases/case-1');
    const form = await openAssign(user);
    // The team list offers responder units only.
    expect(within(form).queryByRole('option', { name: /Disclosure team/ })).not.toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Done: assign.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual({ version: 1, teamId: responders.id, userId: null });
    expect(sent[0]?.key).toMatch(/^[0-9a-f-]{36}$/);

    // The case is read again: new state, a second history entry, the new allowed actions.
    await waitFor(() => expect(gets()).toBe(2));
    const summary = screen.getByRole('region', { name: 'Summary' });
    await waitFor(() => expect(within(summary).getByText('Awaiting responder')).toBeInTheDocument());
    const history = screen.getByRole('list', { name: 'Case history' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
    expect(within(history).getAllByRole('listitem')[1]).toHaveTextContent('Unassigned → Awaiting responder');
    expect(within(history).getAllByRole('listitem')[1]).toHaveTextContent('Team: Primary policy');
    const actions = screen.getByRole('region', { name: 'Actions' });
    expect(within(actions).getByRole('button', { name: 'Reassign' })).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Assign' })).not.toBeInTheDocument();
  });

  it('sends one request for a double click', async () => {
    serveCaseBasics();
    const { sent } = serveCase(async () => {
      await delay(50);
      return HttpResponse.json(assigned);
    });
    const { user } = renderRegistry('/cases/case-1');
    const form = await openAssign(user);
    await user.dblClick(within(form).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Done: assign.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
  });

  it('says when someone else changed the case, reuses the key on a retry, and reloads', async () => {
    serveCaseBasics();
    let answers = 0;
    const { sent, gets } = serveCase(() => {
      answers++;
      return answers === 1
        ? HttpResponse.json({ title: 'Network glitch' }, { status: 503 })
        : problem(409, 'Conflict', {
            detail: 'The case has changed since you read it (version 1, now 2); reload it and try again.',
          });
    });
    const { user } = renderRegistry('/cases/case-1');
    const form = await openAssign(user);

    await user.click(within(form).getByRole('button', { name: 'Assign' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Network glitch');
    // Trying the same submission again is the same action: the same key.
    await user.click(within(form).getByRole('button', { name: 'Assign' }));
    expect(await within(form).findByText(/changed by someone else — reload/)).toBeInTheDocument();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.key).toBe(sent[0]?.key);

    await user.click(within(form).getByRole('button', { name: 'Reload the case' }));
    await waitFor(() => expect(gets()).toBe(2));
  });

  it('shows the server’s reason for a refusal', async () => {
    serveCaseBasics();
    serveCase(() =>
      problem(422, 'The event cannot be done now.', {
        detail: 'A deadline event cannot be dated in the future.',
        errors: { on: ['A deadline event cannot be dated in the future.'] },
      }),
    );
    const { user } = renderRegistry('/cases/case-1');
    const actions = await screen.findByRole('region', { name: 'Actions' });
    await user.click(within(actions).getByRole('button', { name: 'Extend deadline' }));
    const form = within(actions).getByRole('form', { name: 'Extend deadline' });
    await user.click(within(form).getByRole('button', { name: 'Extend deadline' }));
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription('Error: Give the reason.');

    await user.type(within(form).getByLabelText('Reason'), 'Public interest test.');
    await user.type(within(form).getByLabelText('Date'), '2099-01-01');
    await user.click(within(form).getByRole('button', { name: 'Extend deadline' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('The event cannot be done now.');
    expect(within(form).getByLabelText('Date')).toHaveAccessibleDescription(
      /Error: A deadline event cannot be dated in the future\./,
    );
  });
});
