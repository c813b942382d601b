import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { institutionDetail, institutionSummary } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from '../registry/testing';
import type { CensusFinding, CensusReturnDetail, CensusReturnSummary } from './censusApi';
import { censusManagerMe, censusReturn, districtOfficerMe, headTeacherMe, round2026, serveRounds } from './testing';

const noClassrooms: CensusFinding = {
  check: 'no-classrooms',
  severity: 'Blocker',
  message: '212 learner(s) are enrolled but no usable classroom is reported.',
  subjects: [],
};
const underAge: CensusFinding = {
  check: 'under-age',
  severity: 'Blocker',
  message:
    "2 learner(s) are more than 3 years younger than their grade's official age; correct the date of birth or the grade.",
  subjects: ['4000000018', '4000000026'],
};
const enrolmentChange: CensusFinding = {
  check: 'enrolment-change',
  severity: 'Warning',
  message: 'Enrolment changed by +45% from last year (146 to 212); explain the change in the remarks.',
  subjects: [],
};

/** One return on the server, changed by the handlers the test adds; GET always gives its current state. */
function serveReturn(initial: CensusReturnDetail) {
  const state = { current: initial };
  server.use(http.get(api(`/census/returns/${initial.id}`), () => HttpResponse.json(state.current)));
  return state;
}

describe('census return', () => {
  it('checks the figures in the form and saves them with the version read', async () => {
    serveRegistryBasics(headTeacherMe);
    serveRounds();
    const state = serveReturn(censusReturn());
    const puts: unknown[] = [];
    server.use(
      http.put(api('/census/returns/ret-1'), async ({ request }) => {
        const body = (await request.json()) as { figures: CensusReturnDetail['figures']; version: number };
        puts.push(body);
        state.current = { ...state.current, figures: body.figures, version: state.current.version + 1 };
        return HttpResponse.json(state.current);
      }),
    );
    const { user } = renderRegistry('/census/returns/ret-1');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Census return: Riverside Primary School' }),
    ).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Return' });
    await waitFor(() => expect(within(summary).getByText(/Annual school census 2026/)).toBeInTheDocument());

    // A figure that is not a whole number is caught before anything is sent.
    const figures = screen.getByRole('form', { name: 'Figures reported by the school' });
    const usable = within(figures).getByLabelText('Usable classrooms');
    expect(usable).toHaveValue('8');
    await user.clear(usable);
    await user.type(usable, 'none');
    await user.click(within(figures).getByRole('button', { name: 'Save figures' }));
    expect(usable).toHaveAccessibleDescription('Error: Enter a whole number from 0 to 10,000.');
    expect(puts).toEqual([]);

    await user.clear(usable);
    await user.type(usable, '0');
    await user.click(within(figures).getByLabelText('Electricity'));
    await user.click(within(figures).getByLabelText('Remarks'));
    await user.paste('New wing opened.');
    await user.click(within(figures).getByRole('button', { name: 'Save figures' }));
    expect(await screen.findByText('Figures saved.')).toBeInTheDocument();
    expect(puts).toEqual([
      {
        version: 1,
        figures: {
          classroomsUsable: 0,
          classroomsUnusable: 2,
          desks: 120,
          toiletsMale: 4,
          toiletsFemale: 5,
          toiletsShared: 1,
          textbooks: 300,
          volunteerTeachers: 1,
          hasWater: true,
          hasElectricity: true,
          hasInternet: false,
          remarks: 'New wing opened.',
        },
      },
    ]);
  });

  it('shows the checks as blockers and warnings, and why a submission is refused', async () => {
    serveRegistryBasics(headTeacherMe);
    serveRounds();
    serveReturn(censusReturn());
    const submits: unknown[] = [];
    server.use(
      http.get(api('/census/returns/ret-1/checks'), () =>
        HttpResponse.json({ canSubmit: false, findings: [noClassrooms, underAge, enrolmentChange], counts: [] }),
      ),
      http.post(api('/census/returns/ret-1/submit'), async ({ request }) => {
        submits.push(await request.json());
        return problem(422, 'The return has problems to fix before it can be submitted.', {
          detail: `${noClassrooms.message} ${underAge.message}`,
          findings: [noClassrooms, underAge, enrolmentChange],
        });
      }),
    );
    const { user } = renderRegistry('/census/returns/ret-1');

    // The checks: grouped, with the records concerned.
    const checks = await screen.findByRole('region', { name: 'Data-quality checks' });
    await user.click(within(checks).getByRole('button', { name: 'Run the checks' }));
    expect(
      await within(checks).findByText('The return cannot be submitted until the blockers are fixed.'),
    ).toBeInTheDocument();
    const blockers = within(checks).getByRole('list', { name: /Blockers \(2\)/ });
    expect(
      within(blockers)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([noClassrooms.message, `${underAge.message}Records concerned: 4000000018, 4000000026`]);
    const warnings = within(checks).getByRole('list', { name: /Warnings \(1\)/ });
    expect(warnings).toHaveTextContent(enrolmentChange.message);

    // Submitting anyway: refused, and the findings say why.
    const submit = screen.getByRole('region', { name: 'Submit for review' });
    await user.type(within(submit).getByLabelText('Comment for the reviewer'), 'Please review');
    await user.click(within(submit).getByRole('button', { name: 'Submit the return' }));
    const alert = await within(submit).findByRole('alert');
    expect(alert).toHaveTextContent('The return has problems to fix before it can be submitted.');
    expect(
      within(alert).getByRole('heading', { name: /Blockers \(2\): fix these before submitting/ }),
    ).toBeInTheDocument();
    expect(within(alert).getByRole('list', { name: /Blockers/ })).toHaveTextContent(noClassrooms.message);
    expect(within(alert).getByRole('list', { name: /Warnings/ })).toHaveTextContent(enrolmentChange.message);
    expect(submits).toEqual([{ comment: 'Please review' }]);
    // Still a draft, still editable.
    expect(within(screen.getByRole('region', { name: 'Return' })).getByText('Draft')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save figures' })).toBeInTheDocument();
  });

  it('lets the district return a submitted return only with a comment', async () => {
    serveRegistryBasics(districtOfficerMe);
    serveRounds();
    const submitted = censusReturn({
      status: 'Submitted',
      submittedAt: '2026-04-01T10:00:00Z',
      version: 4,
      findings: [enrolmentChange],
      counts: [
        { measure: 'enrolment', gradeCode: 'PRIMARY-1', sex: 'Female', age: 6, value: 20, repeaters: 1, qualified: 0 },
        { measure: 'enrolment', gradeCode: 'PRIMARY-1', sex: 'Male', age: 6, value: 18, repeaters: 0, qualified: 0 },
        { measure: 'teachers', gradeCode: null, sex: 'Female', age: null, value: 3, repeaters: 0, qualified: 2 },
      ],
      history: [
        { action: 'started', comment: null, actorId: 'u-head', at: '2026-03-02T08:00:00Z' },
        { action: 'submitted', comment: 'All in order', actorId: 'u-head', at: '2026-04-01T10:00:00Z' },
      ],
    });
    const state = serveReturn(submitted);
    const bodies: unknown[] = [];
    server.use(
      http.post(api('/census/returns/ret-1/return'), async ({ request }) => {
        const body = (await request.json()) as { comment: string };
        bodies.push(body);
        state.current = {
          ...state.current,
          status: 'Returned',
          reviewedAt: '2026-04-02T09:00:00Z',
          version: 5,
          history: [
            ...state.current.history,
            { action: 'returned', comment: body.comment, actorId: 'u-district', at: '2026-04-02T09:00:00Z' },
          ],
        };
        return HttpResponse.json(state.current);
      }),
    );
    const { user } = renderRegistry('/census/returns/ret-1');
    const review = await screen.findByRole('region', { name: 'Review' });

    // Read only for the reviewer, with the counts and findings frozen at submission.
    expect(screen.queryByRole('button', { name: 'Save figures' })).not.toBeInTheDocument();
    const frozen = screen.getByRole('region', { name: 'At the last submission' });
    expect(within(frozen).getByRole('list', { name: /Warnings \(1\)/ })).toHaveTextContent(enrolmentChange.message);
    const enrolment = within(frozen).getByRole('table', { name: /enrolment by grade, sex and age \(38 learners\)/ });
    await waitFor(() => expect(within(enrolment).getAllByRole('cell', { name: 'Grade 1 (Primary)' })).toHaveLength(2));
    const staff = within(frozen).getByRole('table', { name: /staff by category and sex/ });
    expect(
      within(staff)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Teachers', 'Female', '3', '2']);
    expect(
      within(screen.getByRole('table', { name: /History of the return/ })).getByText('All in order'),
    ).toBeInTheDocument();

    await user.click(within(review).getByRole('button', { name: 'Return to the school' }));
    expect(within(review).getByLabelText('Review comment')).toHaveAccessibleDescription(
      /Error: Say what the school should correct\./,
    );
    expect(bodies).toEqual([]);

    await user.type(within(review).getByLabelText('Review comment'), 'Count the desks again.');
    await user.click(within(review).getByRole('button', { name: 'Return to the school' }));
    expect(await screen.findByText('The return has been sent back to the school for correction.')).toBeInTheDocument();
    expect(bodies).toEqual([{ comment: 'Count the desks again.' }]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Review' })).not.toBeInTheDocument());
    expect(
      within(screen.getByRole('region', { name: 'Return' })).getByText('Returned for correction'),
    ).toBeInTheDocument();
    const history = screen.getByRole('table', { name: /History of the return/ });
    expect(within(history).getByRole('cell', { name: 'Returned for correction' })).toBeInTheDocument();
    expect(within(history).getByRole('cell', { name: 'Count the desks again.' })).toBeInTheDocument();
  });

  it('approves a return, which locks it; reopening needs a reason', async () => {
    serveRegistryBasics(censusManagerMe);
    serveRounds();
    const state = serveReturn(censusReturn({ status: 'Submitted', submittedAt: '2026-04-01T10:00:00Z', version: 4 }));
    const approvals: unknown[] = [];
    const reopens: unknown[] = [];
    server.use(
      http.post(api('/census/returns/ret-1/approve'), async ({ request }) => {
        approvals.push(await request.json());
        state.current = { ...state.current, status: 'Approved', locked: true, version: 5 };
        return HttpResponse.json(state.current);
      }),
      http.post(api('/census/returns/ret-1/reopen'), async ({ request }) => {
        reopens.push(await request.json());
        state.current = { ...state.current, status: 'Returned', locked: false, version: 6 };
        return HttpResponse.json(state.current);
      }),
    );
    const { user } = renderRegistry('/census/returns/ret-1');
    const review = await screen.findByRole('region', { name: 'Review' });
    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    await user.click(within(review).getByRole('button', { name: 'Yes, approve' }));
    expect(await screen.findByText('The return has been approved and is now locked.')).toBeInTheDocument();
    expect(approvals).toEqual([{ comment: null }]);

    const summary = await screen.findByText(/This return is approved and locked:/);
    expect(summary).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save figures' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Submit for review' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Data-quality checks' })).not.toBeInTheDocument();
    const figures = screen.getByRole('region', { name: 'Figures reported by the school' });
    expect(within(figures).getByText('Usable classrooms', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '8',
    );

    const reopen = screen.getByRole('region', { name: 'Reopen the return' });
    await user.click(within(reopen).getByRole('button', { name: 'Reopen' }));
    await user.click(within(reopen).getByRole('button', { name: 'Yes, reopen' }));
    expect(within(reopen).getByLabelText('Reason for reopening')).toHaveAccessibleDescription(
      'Error: Give the reason for reopening an approved return.',
    );
    expect(reopens).toEqual([]);
    await user.type(within(reopen).getByLabelText('Reason for reopening'), 'Ministry audit found a counting error.');
    await user.click(within(reopen).getByRole('button', { name: 'Reopen' }));
    await user.click(within(reopen).getByRole('button', { name: 'Yes, reopen' }));
    expect(
      await screen.findByText('The return has been reopened; the school can correct it and submit it again.'),
    ).toBeInTheDocument();
    expect(reopens).toEqual([{ comment: 'Ministry audit found a counting error.' }]);
    // Editable again.
    expect(await screen.findByRole('button', { name: 'Save figures' })).toBeInTheDocument();
    expect(screen.queryByText(/This return is approved and locked:/)).not.toBeInTheDocument();
  });

  it('shows a review refused by the server', async () => {
    serveRegistryBasics(censusManagerMe);
    serveRounds();
    serveReturn(censusReturn({ status: 'Submitted', submittedAt: '2026-04-01T10:00:00Z', version: 4 }));
    server.use(
      http.post(api('/census/returns/ret-1/approve'), () =>
        problem(403, 'Forbidden', { detail: 'You submitted this return; another officer must review it.' }),
      ),
    );
    const { user } = renderRegistry('/census/returns/ret-1');
    const review = await screen.findByRole('region', { name: 'Review' });
    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    await user.click(within(review).getByRole('button', { name: 'Yes, approve' }));
    expect(await within(review).findByRole('alert')).toHaveTextContent(
      'You submitted this return; another officer must review it.',
    );
  });

  it('starts a return for an institution, and points to one that already exists', async () => {
    serveRegistryBasics(headTeacherMe);
    serveRounds();
    const school = institutionSummary(institutionDetail());
    const posted: unknown[] = [];
    server.use(
      http.get(api('/institutions'), () => HttpResponse.json(pageOf([school], 1, 50))),
      http.post(api('/census/returns'), async ({ request }) => {
        const body = (await request.json()) as { roundId: string; institutionId: string };
        posted.push(body);
        if (posted.length === 1) {
          return problem(409, 'Conflict', {
            detail: "The institution's return for this round already exists: /api/v1/census/returns/ret-9.",
          });
        }
        return HttpResponse.json(censusReturn({ id: 'ret-2' }), { status: 201 });
      }),
    );
    serveReturn(censusReturn({ id: 'ret-2' }));
    const { user } = renderRegistry('/census/returns/new');
    const form = await screen.findByRole('form', { name: 'Start a census return' });
    await user.click(within(form).getByRole('button', { name: 'Start the return' }));
    expect(within(form).getByLabelText('Institution')).toHaveAccessibleDescription(/Error: Choose the institution\./);
    expect(posted).toEqual([]);

    await waitFor(() => expect(within(form).getByLabelText('Census round')).toHaveValue(round2026.id));
    await within(form).findByRole('option', { name: 'Riverside Primary School (RS-0001)' });
    await user.selectOptions(within(form).getByLabelText('Institution'), 'inst-1');
    await user.click(within(form).getByRole('button', { name: 'Start the return' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already exists');
    expect(screen.getByRole('link', { name: 'Open the existing return' })).toHaveAttribute(
      'href',
      '/census/returns/ret-9',
    );

    await user.click(within(form).getByRole('button', { name: 'Start the return' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/census/returns/ret-2'));
    expect(posted).toEqual([
      { roundId: round2026.id, institutionId: 'inst-1' },
      { roundId: round2026.id, institutionId: 'inst-1' },
    ]);
  });
});

describe('census returns list', () => {
  it('filters by round and status through the URL and pages', async () => {
    serveRegistryBasics(districtOfficerMe);
    serveRounds();
    const queries: string[] = [];
    const summary = (page: number): CensusReturnSummary => ({
      id: `ret-${page}`,
      roundId: round2026.id,
      institutionId: 'inst-1',
      institutionCode: `RS-000${page}`,
      institutionName: `School number ${page}`,
      status: 'Submitted',
      submittedAt: '2026-04-01T10:00:00Z',
      reviewedAt: null,
      warnings: 2,
      blockers: 0,
      version: 3,
    });
    server.use(
      http.get(api('/institutions'), () => HttpResponse.json(pageOf([], 1, 50))),
      http.get(api('/census/returns'), ({ request }) => {
        const params = searchOf(request);
        queries.push(params.toString());
        const page = Number(params.get('page'));
        return HttpResponse.json(pageOf([summary(page)], page, 20, 25));
      }),
    );
    const { user } = renderRegistry('/census/returns');
    const table = await screen.findByRole('table', { name: 'Census returns' });
    expect(await within(table).findByRole('link', { name: 'School number 1' })).toHaveAttribute(
      'href',
      '/census/returns/ret-1',
    );
    expect(await within(table).findByRole('cell', { name: 'Annual school census 2026' })).toBeInTheDocument();
    expect(queries).toEqual(['page=1&pageSize=20']);

    const form = screen.getByRole('search', { name: 'Filter census returns' });
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /Annual school census/ })).toHaveLength(2));
    await user.selectOptions(within(form).getByLabelText('Round'), round2026.id);
    await user.selectOptions(within(form).getByLabelText('Status'), 'Submitted');
    await user.selectOptions(within(form).getByLabelText('Area'), 'ar-river');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));
    const expected = 'roundId=round-2026&status=Submitted&areaId=ar-river';
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent(`?${expected}`));
    await waitFor(() => expect(queries).toContain(`${expected}&page=1&pageSize=20`));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(queries).toContain(`${expected}&page=2&pageSize=20`));
    expect(await screen.findByRole('link', { name: 'School number 2' })).toBeInTheDocument();
    // A reviewer does not start returns.
    expect(screen.queryByRole('link', { name: 'Start a return' })).not.toBeInTheDocument();
  });

  it('shows a bad filter next to its field', async () => {
    serveRegistryBasics(districtOfficerMe);
    serveRounds();
    server.use(
      http.get(api('/institutions'), () => HttpResponse.json(pageOf([], 1, 50))),
      http.get(api('/census/returns'), () =>
        problem(400, 'The request has invalid fields.', { errors: { status: ['Use one of: Draft, Submitted.'] } }),
      ),
    );
    renderRegistry('/census/returns?status=Lost');
    expect(await screen.findByRole('alert')).toHaveTextContent('The request has invalid fields.');
    await waitFor(() =>
      expect(screen.getByLabelText('Status')).toHaveAccessibleDescription('Error: Use one of: Draft, Submitted.'),
    );
  });
});
