import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../../test/server';
import { renderRegistry } from '../registry/testing';
import type { CreateCaseFields } from './casesApi';
import { caseDetail, serveCaseBasics, teamAdminMe } from './testing';

describe('logging a case', () => {
  it('shows the server’s field errors next to the fields, then opens the new case', async () => {
    serveCaseBasics();
    const posted: CreateCaseFields[] = [];
    server.use(
      http.post(api('/cases'), async ({ request }) => {
        const body = (await request.json()) as CreateCaseFields;
        posted.push(body);
        if (posted.length === 1) {
          return problem(400, 'The request has invalid fields.', {
            errors: {
              RequesterEmail: ["'Requester Email' is not a valid email address."],
              ReceivedOn: ['The received date must be in 2000–2099.'],
            },
          });
        }
        return HttpResponse.json(caseDetail({ id: 'case-9', number: '260319009' }), { status: 201 });
      }),
      http.get(api('/cases/case-9'), () => HttpResponse.json(caseDetail({ id: 'case-9', number: '260319009' }))),
    );
    const { user } = renderRegistry('/cases/new');
    const form = await screen.findByRole('form', { name: 'Log a case' });

    // Nothing chosen: the form says what it needs without asking the server.
    await user.click(within(form).getByRole('button', { name: 'Log the case' }));
    expect(within(form).getByLabelText('Type')).toHaveAccessibleDescription('Error: Choose the type of case.');
    expect(within(form).getByLabelText('Subject')).toHaveAccessibleDescription('Error: Enter the subject.');
    expect(posted).toEqual([]);

    await user.selectOptions(within(form).getByLabelText('Type'), 'foi');
    await user.type(within(form).getByLabelText('Subject'), 'Spending on school meals');
    await user.type(within(form).getByLabelText('Requester name'), 'A. Requester');
    await user.type(within(form).getByLabelText('Requester email (optional)'), 'a@b');
    const received = within(form).getByLabelText('Received on');
    await user.clear(received);
    await user.type(received, '1999-12-31');
    // One manager unit: chosen already.
    await waitFor(() => expect(within(form).getByLabelText('Manager unit')).toHaveValue('tm-managers'));
    await user.click(within(form).getByRole('button', { name: 'Log the case' }));

    await waitFor(() =>
      expect(within(form).getByLabelText('Received on')).toHaveAccessibleDescription(
        /Error: The received date must be in 2000–2099\./,
      ),
    );
    expect(within(form).getByLabelText('Requester email (optional)')).toHaveAccessibleDescription(
      /Error: 'Requester Email' is not a valid email address\./,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields.');
    expect(posted[0]).toEqual({
      type: 'foi',
      subject: 'Spending on school meals',
      requesterName: 'A. Requester',
      requesterEmail: 'a@b',
      receivedOn: '1999-12-31',
      managingTeamId: 'tm-managers',
      icoDeadline: null,
    });

    await user.clear(received);
    await user.type(received, '2026-03-19');
    await user.click(within(form).getByRole('button', { name: 'Log the case' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/cases/case-9'));
    expect(await screen.findByRole('heading', { level: 1, name: /Case 260319009/ })).toBeInTheDocument();
  });

  it('is not offered to users who do not manage cases', async () => {
    serveCaseBasics(teamAdminMe);
    renderRegistry('/cases/new');
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
  });
});
