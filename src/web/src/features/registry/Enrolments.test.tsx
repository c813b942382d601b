import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { institutionDetail, institutionSummary, learnerDetail } from '../../test/fixtures';
import { api, server } from '../../test/server';
import type { Enrolment } from './enrolmentsApi';
import type { LearnerSummary } from './learnersApi';
import { pageOf, renderRegistry, searchOf, serveInstitution, serveRegistryBasics } from './testing';

const classUrl = '/registry/institutions/inst-1?year=yr-2026&grade=gr-primary-3';

const learners: LearnerSummary[] = [
  learnerDetail(),
  learnerDetail({ id: 'ln-2', learnerNumber: '4000000026', givenName: 'Brian', familyName: 'Mwangi', sex: 'Male' }),
  learnerDetail({ id: 'ln-3', learnerNumber: '4000000034', givenName: 'Chao', familyName: 'Wu', sex: 'Male' }),
];

function enrolment(learnerId: string, overrides: Partial<Enrolment> = {}): Enrolment {
  return {
    id: `en-${learnerId}`,
    learnerId,
    academicYearId: 'yr-2026',
    institutionId: 'inst-1',
    gradeId: 'gr-primary-3',
    repeater: false,
    status: 'Enrolled',
    startsOn: '2026-01-05',
    endedOn: null,
    endReason: null,
    createdByPromotion: null,
    version: 1,
    ...overrides,
  };
}

/** A small class in memory that the enrolment endpoints read and change. */
function classServer() {
  const state = { enrolments: learners.map((l) => enrolment(l.id)) };
  const queries: string[] = [];
  serveRegistryBasics();
  serveInstitution(() => institutionDetail());
  server.use(
    http.get(api('/learners'), () => HttpResponse.json(pageOf(learners, 1, 200))),
    http.get(api('/enrolments'), ({ request }) => {
      const params = searchOf(request);
      queries.push(params.toString());
      const items = state.enrolments.filter(
        (e) => e.academicYearId === params.get('academicYearId') && e.gradeId === params.get('gradeId'),
      );
      return HttpResponse.json(pageOf(items, 1, 100));
    }),
  );
  return { state, queries };
}

describe('enrolments on the institution page', () => {
  it('lists the class of the year and grade in the URL, and follows the selects', async () => {
    const { queries } = classServer();
    const { user } = renderRegistry(classUrl);
    const table = await screen.findByRole('table', { name: 'Enrolments in Grade 3, School year 2026' });
    expect(await within(table).findByRole('link', { name: 'Amina Otieno (4000000018)' })).toHaveAttribute(
      'href',
      '/registry/learners/ln-1',
    );
    expect(within(table).getByRole('link', { name: 'Chao Wu (4000000034)' })).toBeInTheDocument();
    expect(queries).toContain('institutionId=inst-1&academicYearId=yr-2026&gradeId=gr-primary-3&page=1&pageSize=100');

    const chooser = screen.getByRole('form', { name: 'Choose the class' });
    // Only the grades of the levels the institution offers.
    expect(within(within(chooser).getByLabelText('Grade')).getAllByRole('option')).toHaveLength(6);
    await user.selectOptions(within(chooser).getByLabelText('Grade'), 'gr-primary-4');
    expect(await screen.findByText('No learners are enrolled in this class.')).toBeInTheDocument();
    expect(screen.getByTestId('search')).toHaveTextContent('?year=yr-2026&grade=gr-primary-4');
    expect(queries).toContain('institutionId=inst-1&academicYearId=yr-2026&gradeId=gr-primary-4&page=1&pageSize=100');
  });

  it('promotes the class with a repeater, then undoes the promotion', async () => {
    const { state } = classServer();
    const promoted: unknown[] = [];
    let undone = 0;
    server.use(
      http.post(api('/enrolments/promote'), async ({ request }) => {
        promoted.push(await request.json());
        state.enrolments = [
          ...state.enrolments.map((e) => ({ ...e, status: 'Promoted' as const, endedOn: '2026-12-04' })),
          ...learners.map((l) =>
            enrolment(l.id, {
              id: `next-${l.id}`,
              academicYearId: 'yr-2027',
              gradeId: l.id === 'ln-3' ? 'gr-primary-3' : 'gr-primary-4',
              repeater: l.id === 'ln-3',
              createdByPromotion: 'pr-1',
            }),
          ),
        ];
        return HttpResponse.json({ promotionId: 'pr-1', promoted: 2, repeating: 1, graduated: 0, skipped: [] });
      }),
      http.post(api('/enrolments/promotions/pr-1/undo'), () => {
        undone++;
        state.enrolments = state.enrolments
          .filter((e) => !e.createdByPromotion)
          .map((e) => ({ ...e, status: 'Enrolled' as const, endedOn: null }));
        return HttpResponse.json({ restored: 3, removed: 3 });
      }),
    );
    const { user } = renderRegistry(classUrl);
    const table = await screen.findByRole('table', { name: 'Enrolments in Grade 3, School year 2026' });
    await within(table).findByRole('link', { name: 'Amina Otieno (4000000018)' });

    await user.click(screen.getByRole('button', { name: 'Promote the class…' }));
    const form = screen.getByRole('form', { name: 'Promote Grade 3 of School year 2026' });
    expect(within(form).getByLabelText('Promote into')).toHaveValue('yr-2027');
    await user.click(within(form).getByRole('checkbox', { name: 'Chao Wu (4000000034)' }));
    await user.click(within(form).getByRole('button', { name: 'Promote class' }));
    expect(within(form).getByText('Promote the 3 learners of Grade 3 into School year 2027?')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Yes, promote' }));

    expect(
      await screen.findByText('Promotion done: 2 promoted, 1 repeating, 0 graduated, 0 skipped.'),
    ).toBeInTheDocument();
    expect(promoted).toEqual([
      {
        institutionId: 'inst-1',
        academicYearId: 'yr-2026',
        nextAcademicYearId: 'yr-2027',
        gradeId: 'gr-primary-3',
        repeaters: ['ln-3'],
      },
    ]);
    await waitFor(() => expect(within(table).getAllByText('Promoted')).toHaveLength(3));

    await user.click(screen.getByRole('button', { name: 'Undo the promotion' }));
    await user.click(screen.getByRole('button', { name: 'Yes, undo' }));
    expect(
      await screen.findByText('The promotion has been undone: 3 enrolments restored, 3 removed.'),
    ).toBeInTheDocument();
    expect(undone).toBe(1);
    await waitFor(() => expect(within(table).getAllByText('Enrolled')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Undo the promotion' })).not.toBeInTheDocument();
  });

  it('offers to undo a promotion found in the next year’s class', async () => {
    const { state } = classServer();
    state.enrolments = [enrolment('ln-1', { academicYearId: 'yr-2027', createdByPromotion: 'pr-7' })];
    let undone = 0;
    server.use(
      http.post(api('/enrolments/promotions/pr-7/undo'), () => {
        undone++;
        return HttpResponse.json({ restored: 1, removed: 1 });
      }),
    );
    const { user } = renderRegistry('/registry/institutions/inst-1?year=yr-2027&grade=gr-primary-3');
    await user.click(await screen.findByRole('button', { name: 'Undo the promotion' }));
    await user.click(screen.getByRole('button', { name: 'Yes, undo' }));
    expect(await screen.findByText(/The promotion has been undone/)).toBeInTheDocument();
    expect(undone).toBe(1);
  });

  it('withdraws a learner, the reason being required', async () => {
    const { state } = classServer();
    const withdrawn: unknown[] = [];
    server.use(
      http.post(api('/enrolments/en-ln-1/withdraw'), async ({ request }) => {
        withdrawn.push(await request.json());
        state.enrolments = state.enrolments.map((e) =>
          e.id === 'en-ln-1' ? { ...e, status: 'Withdrawn' as const, endReason: 'Moved abroad' } : e,
        );
        return HttpResponse.json(state.enrolments[0]);
      }),
    );
    const { user } = renderRegistry(classUrl);
    await user.click(await screen.findByRole('button', { name: 'Withdraw Amina Otieno (4000000018)' }));
    const panel = screen.getByRole('form', { name: 'Withdraw Amina Otieno (4000000018)' });
    await user.click(within(panel).getByRole('button', { name: 'Withdraw learner' }));
    expect(within(panel).getByLabelText('Reason')).toHaveAccessibleDescription(
      /Error: Give the reason for the withdrawal\./,
    );
    expect(withdrawn).toEqual([]);

    await user.type(within(panel).getByLabelText('Reason'), 'Moved abroad');
    await user.click(within(panel).getByRole('button', { name: 'Withdraw learner' }));
    expect(await screen.findByText('Amina Otieno (4000000018) has been withdrawn.')).toBeInTheDocument();
    expect(withdrawn).toEqual([{ on: null, reason: 'Moved abroad', version: 1 }]);
    const table = screen.getByRole('table', { name: 'Enrolments in Grade 3, School year 2026' });
    expect(await within(table).findByRole('cell', { name: 'Moved abroad' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw Amina Otieno (4000000018)' })).not.toBeInTheDocument();
  });

  it('transfers a learner to an open institution', async () => {
    classServer();
    const transferred: unknown[] = [];
    server.use(
      http.get(api('/institutions'), () =>
        HttpResponse.json(
          pageOf([institutionSummary(institutionDetail({ id: 'inst-2', code: 'HC-0001', name: 'Hillcrest' }))], 1, 50),
        ),
      ),
      http.post(api('/enrolments/en-ln-2/transfer'), async ({ request }) => {
        transferred.push(await request.json());
        return HttpResponse.json(enrolment('ln-2', { id: 'en-new', institutionId: 'inst-2' }));
      }),
    );
    const { user } = renderRegistry(classUrl);
    await user.click(await screen.findByRole('button', { name: 'Transfer Brian Mwangi (4000000026)' }));
    const panel = screen.getByRole('form', { name: 'Transfer Brian Mwangi (4000000026) to another institution' });
    const target = within(panel).getByLabelText('Receiving institution');
    await waitFor(() =>
      expect(within(target).getByRole('option', { name: 'Hillcrest (HC-0001)' })).toBeInTheDocument(),
    );
    await user.selectOptions(target, 'inst-2');
    await user.type(within(panel).getByLabelText('Date of the transfer'), '2026-05-04');
    await user.click(within(panel).getByRole('button', { name: 'Transfer learner' }));
    expect(await screen.findByText('Brian Mwangi (4000000026) has been transferred.')).toBeInTheDocument();
    expect(transferred).toEqual([{ on: '2026-05-04', reason: null, version: 1, institutionId: 'inst-2' }]);
  });

  it('enrols a learner of the institution in the chosen year', async () => {
    classServer();
    const enrolled: unknown[] = [];
    server.use(
      http.post(api('/enrolments'), async ({ request }) => {
        enrolled.push(await request.json());
        return HttpResponse.json(enrolment('ln-2'), { status: 201 });
      }),
    );
    const { user } = renderRegistry('/registry/institutions/inst-1?year=yr-2027&grade=gr-primary-4');
    await user.click(await screen.findByRole('button', { name: 'Enrol a learner…' }));
    const form = screen.getByRole('form', { name: 'Enrol a learner in School year 2027' });
    const learner = within(form).getByLabelText('Learner');
    await waitFor(() => expect(within(learner).getAllByRole('option')).toHaveLength(4));
    await user.selectOptions(learner, 'ln-2');
    expect(within(form).getByLabelText('Grade')).toHaveValue('gr-primary-4');
    await user.click(within(form).getByRole('checkbox', { name: 'Repeating this grade' }));
    await user.click(within(form).getByRole('button', { name: 'Enrol learner' }));
    expect(await screen.findByText('The learner has been enrolled for School year 2027.')).toBeInTheDocument();
    expect(enrolled).toEqual([
      { learnerId: 'ln-2', academicYearId: 'yr-2027', gradeId: 'gr-primary-4', repeater: true, startsOn: null },
    ]);
  });
});
