import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, problem, server } from '../../test/server';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from '../registry/testing';
import type { CensusRound, CensusRoundFields } from './censusApi';
import { censusManagerMe, districtOfficerMe, progressOf, round2025, round2026, serveRounds } from './testing';

function term(region: HTMLElement, name: string) {
  return within(region).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
}

/** Rounds that a POST adds to; a second round for 2026 is refused. */
function newRoundServer() {
  const rounds: CensusRound[] = [round2026];
  const posted: CensusRoundFields[] = [];
  server.use(
    http.get(api('/census/rounds'), () => HttpResponse.json(pageOf(rounds, 1, 10))),
    http.get(api('/census/rounds/:id/progress'), ({ params }) => HttpResponse.json(progressOf(String(params.id)))),
    http.post(api('/census/rounds'), async ({ request }) => {
      const body = (await request.json()) as CensusRoundFields;
      posted.push(body);
      if (body.academicYearId === 'yr-2026') {
        return problem(400, 'The request has invalid fields.', {
          errors: {
            academicYearId: ['This academic year already has a census round.'],
            'reminderDays[0]': ['Must be between 0 and 365.'],
          },
        });
      }
      const created: CensusRound = {
        ...body,
        id: 'round-2027',
        academicYearCode: '2027',
        reminderDays: body.reminderDays ?? [14, 7, 1],
        version: 1,
      };
      rounds.unshift(created);
      return HttpResponse.json(created, { status: 201 });
    }),
  );
  return { rounds, posted };
}

describe('census rounds', () => {
  it('lists the rounds with their progress in the caller’s scope', async () => {
    serveRegistryBasics(districtOfficerMe);
    const queries: string[] = [];
    server.use(
      http.get(api('/census/rounds'), ({ request }) => {
        queries.push(searchOf(request).toString());
        return HttpResponse.json(pageOf([round2026, round2025], 1, 10));
      }),
      http.get(api('/census/rounds/:id/progress'), ({ params }) =>
        HttpResponse.json(
          params.id === round2026.id
            ? progressOf(round2026.id)
            : progressOf(round2025.id, { notStarted: 0, draft: 0, submitted: 0, returned: 0, approved: 40 }),
        ),
      ),
    );
    renderRegistry('/census');

    const current = await screen.findByRole('region', { name: 'Annual school census 2026' });
    expect(queries).toEqual(['page=1&pageSize=10']);
    expect(term(current, 'Academic year')).toBe('2026');
    expect(term(current, 'Opens on')).toBe('1 Mar 2026');
    expect(term(current, 'Deadline')).toBe('15 Apr 2026');
    expect(term(current, 'Reminders')).toBe('14, 7, 1 days before the deadline');

    const progress = await within(current).findByRole('table', {
      name: 'Progress of Annual school census 2026 in your scope',
    });
    const row = (name: string) => within(progress).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(
      within(row('Not started'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', '25%']);
    expect(
      within(row('Approved'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', '25%']);
    expect(within(row('Open institutions due to return')).getAllByRole('cell')[0]).toHaveTextContent('40');
    expect(within(current).getByText('10 of 40 open institutions in your scope approved (25%).')).toBeInTheDocument();
    expect(within(current).getByRole('progressbar', { name: /10 of 40/ })).toHaveAttribute('value', '10');
    // Each stage links to the returns at that stage.
    expect(within(progress).getByRole('link', { name: 'Submitted, waiting for review' })).toHaveAttribute(
      'href',
      '/census/returns?roundId=round-2026&status=Submitted',
    );

    const past = screen.getByRole('region', { name: 'Annual school census 2025' });
    expect(
      await within(past).findByText('40 of 40 open institutions in your scope approved (100%).'),
    ).toBeInTheDocument();

    // A reviewer neither opens nor changes rounds, and census appears in the navigation.
    expect(screen.queryByRole('button', { name: 'Open a census round' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Change/ })).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Census' }),
    ).toHaveAttribute('href', '/census');
  });

  it('checks a new round in the form before sending it', async () => {
    serveRegistryBasics(censusManagerMe);
    const { posted } = newRoundServer();
    const { user } = renderRegistry('/census');
    await screen.findByRole('region', { name: 'Annual school census 2026' });
    await user.click(screen.getByRole('button', { name: 'Open a census round' }));
    const form = screen.getByRole('form', { name: 'Open a census round' });

    // Nothing filled in: every required field says what it needs, and nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Open round' }));
    expect(within(form).getByLabelText('Academic year')).toHaveAccessibleDescription(
      /Error: Choose the academic year\./,
    );
    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('Error: Enter a name.');
    expect(within(form).getByLabelText('Opens on')).toHaveAccessibleDescription(
      'Error: Enter the day the census opens.',
    );
    expect(within(form).getByLabelText('Deadline')).toHaveAccessibleDescription('Error: Enter the deadline.');

    // A deadline before the opening day, and reminder days that are not numbers.
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /2026/ })).toHaveLength(1));
    await user.selectOptions(within(form).getByLabelText('Academic year'), 'yr-2026');
    await user.click(within(form).getByLabelText('Name'));
    await user.paste('Annual school census 2027');
    await user.type(within(form).getByLabelText('Opens on'), '2027-03-01');
    await user.type(within(form).getByLabelText('Deadline'), '2027-02-01');
    await user.type(within(form).getByLabelText('Reminder days'), '14 a week');
    await user.click(within(form).getByRole('button', { name: 'Open round' }));
    expect(within(form).getByLabelText('Deadline')).toHaveAccessibleDescription(
      'Error: The deadline cannot be before the census opens.',
    );
    expect(within(form).getByLabelText('Reminder days')).toHaveAccessibleDescription(
      /Error: Enter whole numbers of days from 0 to 365, separated by spaces\./,
    );
    expect(within(form).getByLabelText('Name')).not.toHaveAccessibleDescription(/Error/);
    expect(posted).toEqual([]);
  });

  it('shows the server’s objections to a new round next to the fields, then opens it', async () => {
    serveRegistryBasics(censusManagerMe);
    const { posted } = newRoundServer();
    const { user } = renderRegistry('/census');
    await screen.findByRole('region', { name: 'Annual school census 2026' });
    await user.click(screen.getByRole('button', { name: 'Open a census round' }));
    const form = screen.getByRole('form', { name: 'Open a census round' });
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /2026/ })).toHaveLength(1));
    await user.selectOptions(within(form).getByLabelText('Academic year'), 'yr-2026');
    await user.click(within(form).getByLabelText('Name'));
    await user.paste('Annual school census 2027');
    await user.type(within(form).getByLabelText('Opens on'), '2027-03-01');
    await user.type(within(form).getByLabelText('Deadline'), '2027-04-15');
    await user.type(within(form).getByLabelText('Reminder days'), '21 7');

    // The server refuses a second round for the year: shown at the year field.
    await user.click(within(form).getByRole('button', { name: 'Open round' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Academic year')).toHaveAccessibleDescription(
        /Error: This academic year already has a census round\./,
      ),
    );
    expect(within(form).getByLabelText('Reminder days')).toHaveAccessibleDescription(
      /Error: Must be between 0 and 365\./,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields.');

    await user.selectOptions(within(form).getByLabelText('Academic year'), 'yr-2027');
    await user.click(within(form).getByRole('button', { name: 'Open round' }));
    expect(await screen.findByText('Annual school census 2027 has been opened.')).toBeInTheDocument();
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual({
      academicYearId: 'yr-2027',
      name: 'Annual school census 2027',
      opensOn: '2027-03-01',
      deadline: '2027-04-15',
      reminderDays: [21, 7],
    });
    expect(await screen.findByRole('region', { name: 'Annual school census 2027' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Open a census round' })).not.toBeInTheDocument();
  });

  it('changes a round with the version read, keeping its academic year', async () => {
    serveRegistryBasics(censusManagerMe);
    serveRounds([round2026]);
    const puts: unknown[] = [];
    server.use(
      http.put(api('/census/rounds/round-2026'), async ({ request }) => {
        const body = (await request.json()) as CensusRoundFields;
        puts.push(body);
        return HttpResponse.json({ ...round2026, ...body, version: 3 });
      }),
    );
    const { user } = renderRegistry('/census');
    await user.click(await screen.findByRole('button', { name: 'Change Annual school census 2026' }));
    const form = screen.getByRole('form', { name: 'Change Annual school census 2026' });
    expect(within(form).queryByLabelText('Academic year')).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Reminder days')).toHaveValue('14 7 1');
    const deadline = within(form).getByLabelText('Deadline');
    await user.clear(deadline);
    await user.type(deadline, '2026-04-30');
    await user.click(within(form).getByRole('button', { name: 'Save round' }));
    expect(await screen.findByText('Saved: Annual school census 2026.')).toBeInTheDocument();
    expect(puts).toEqual([
      {
        academicYearId: 'yr-2026',
        name: 'Annual school census 2026',
        opensOn: '2026-03-01',
        deadline: '2026-04-30',
        reminderDays: [14, 7, 1],
        version: 2,
      },
    ]);
  });
});
