import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { institutionDetail, institutionSummary, learnerDetail, registryReaderMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import type { LearnerDetail } from './learnersApi';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from './testing';

const riverside = institutionDetail();

/** Institution names for the links, and the institutions the pickers offer. */
function serveInstitutions() {
  server.use(
    http.get(api('/institutions/inst-1'), () => HttpResponse.json(riverside)),
    http.get(api('/institutions'), () => HttpResponse.json(pageOf([institutionSummary(riverside)], 1, 50))),
  );
}

function fillLearner(form: HTMLElement, user: ReturnType<typeof renderRegistry>['user']) {
  return (async () => {
    await user.type(within(form).getByLabelText('Given name'), 'Amina');
    await user.type(within(form).getByLabelText('Family name'), 'Otieno');
    await user.selectOptions(within(form).getByLabelText('Sex'), 'Female');
    await user.type(within(form).getByLabelText('Date of birth'), '2017-03-14');
    const institution = within(form).getByLabelText('Institution');
    await waitFor(() => expect(within(institution).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(institution, 'inst-1');
  })();
}

describe('learners', () => {
  it('searches by name or number and institution, in the URL and the request, and pages', async () => {
    serveRegistryBasics(registryReaderMe);
    serveInstitutions();
    const queries: string[] = [];
    server.use(
      http.get(api('/learners'), ({ request }) => {
        const params = searchOf(request);
        queries.push(params.toString());
        const page = Number(params.get('page'));
        return HttpResponse.json(
          pageOf([learnerDetail({ id: `ln-${page}`, givenName: `Learner${page}` })], page, 20, 41),
        );
      }),
    );
    const { user } = renderRegistry('/registry/learners');
    const table = await screen.findByRole('table', { name: 'Learners' });
    expect(await within(table).findByRole('link', { name: 'Learner1 Otieno' })).toHaveAttribute(
      'href',
      '/registry/learners/ln-1',
    );
    expect(await within(table).findByRole('link', { name: 'Riverside Primary School (RS-0001)' })).toBeInTheDocument();
    expect(screen.getByText(/Page 1 of 3/)).toBeInTheDocument();

    const form = screen.getByRole('search', { name: 'Search learners' });
    expect(within(form).getByLabelText('Learner number or name')).toHaveAccessibleDescription(
      /beginnings of names, in any order/,
    );
    await user.type(within(form).getByLabelText('Learner number or name'), 'amina');
    await waitFor(() =>
      expect(within(within(form).getByLabelText('Institution')).getAllByRole('option')).toHaveLength(2),
    );
    await user.selectOptions(within(form).getByLabelText('Institution'), 'inst-1');
    await user.click(within(form).getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('?q=amina&institutionId=inst-1'));
    await waitFor(() => expect(queries).toContain('q=amina&institutionId=inst-1&page=1&pageSize=20'));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Learner2 Otieno' })).toBeInTheDocument();
    expect(queries).toContain('q=amina&institutionId=inst-1&page=2&pageSize=20');
    expect(screen.getByTestId('search')).toHaveTextContent('?q=amina&institutionId=inst-1&page=2');
    expect(screen.queryByRole('link', { name: 'Register a learner' })).not.toBeInTheDocument();
  });

  it('shows possible duplicates, links to them, and registers anyway when confirmed', async () => {
    serveRegistryBasics();
    serveInstitutions();
    const posted: Record<string, unknown>[] = [];
    const created = learnerDetail({ id: 'ln-new', learnerNumber: '5000000017', guardians: [], hasNationalId: false });
    server.use(
      http.post(api('/learners'), async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        posted.push(body);
        if (!body.confirmedNotDuplicate) {
          return problem(409, 'Possible duplicate', {
            detail:
              'A learner with a similar name, the same sex and date of birth is registered in this district. Transfer or merge that record, or confirm this is another person.',
            duplicates: [
              {
                id: 'ln-9',
                learnerNumber: '4000000091',
                givenName: 'Aminah',
                familyName: 'Otieno',
                institutionCode: 'RS-0001',
              },
              { id: null, learnerNumber: '4000000109', givenName: null, familyName: null, institutionCode: 'HC-0001' },
            ],
          });
        }
        return HttpResponse.json(created, { status: 201 });
      }),
      http.get(api('/learners/ln-new'), () => HttpResponse.json(created)),
      http.get(api('/enrolments'), () => HttpResponse.json(pageOf([], 1, 100))),
    );
    const { user } = renderRegistry('/registry/learners/new');
    const form = await screen.findByRole('form', { name: 'Register learner' });
    await fillLearner(form, user);
    await user.click(within(form).getByRole('button', { name: 'Register learner' }));

    const alert = await screen.findByRole('alert', { name: 'This learner may already be registered' });
    expect(alert).toHaveTextContent('confirm this is another person');
    const candidates = within(alert).getByRole('table', { name: 'Learners who may be the same person' });
    expect(within(candidates).getByRole('link', { name: 'Open Aminah Otieno' })).toHaveAttribute(
      'href',
      '/registry/learners/ln-9',
    );
    const hidden = within(candidates).getByRole('row', { name: /4000000109/ });
    expect(hidden).toHaveTextContent('Not visible to you');
    expect(hidden).toHaveTextContent('HC-0001');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ confirmedNotDuplicate: false, givenName: 'Amina', institutionId: 'inst-1' });

    await user.click(within(alert).getByRole('button', { name: 'This is a different learner: register anyway' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Amina Otieno' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/registry/learners/ln-new');
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual({ ...posted[0], confirmedNotDuplicate: true });
  });

  it('shows server errors next to the fields, a guardian’s included', async () => {
    serveRegistryBasics();
    serveInstitutions();
    server.use(
      http.post(api('/learners'), () =>
        problem(400, 'The request has invalid fields.', {
          errors: {
            dateOfBirth: ['The date of birth is in the future.'],
            'guardians[0].phone': ["'Phone' is not in the correct format."],
            'specialNeeds[1]': ["The length of 'Special Needs' must be 30 characters or fewer."],
          },
        }),
      ),
    );
    const { user } = renderRegistry('/registry/learners/new');
    const form = await screen.findByRole('form', { name: 'Register learner' });
    await fillLearner(form, user);
    await user.type(
      within(form).getByLabelText('Special needs (optional)'),
      'VISUAL A-VERY-LONG-CODE-OF-NEED-XXXXXXXXX',
    );
    await user.click(within(form).getByRole('button', { name: 'Add a guardian' }));
    const guardian = within(form).getByRole('group', { name: 'Guardian 1' });
    await user.type(within(guardian).getByLabelText('Name'), 'Grace Otieno');
    await user.type(within(guardian).getByLabelText('Relationship'), 'Mother');
    await user.type(within(guardian).getByLabelText('Phone (optional)'), 'call me');
    await user.click(within(form).getByRole('button', { name: 'Register learner' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Check the highlighted fields below.');
    expect(within(form).getByLabelText('Date of birth')).toHaveAccessibleDescription(
      'Error: The date of birth is in the future.',
    );
    expect(within(guardian).getByLabelText('Phone (optional)')).toHaveAccessibleDescription(
      "Error: 'Phone' is not in the correct format.",
    );
    expect(within(form).getByLabelText('Special needs (optional)')).toHaveAccessibleDescription(
      /Error: The length of 'Special Needs' must be 30 characters or fewer\./,
    );
  });

  it('reads the national id only when asked to', async () => {
    serveRegistryBasics();
    serveInstitutions();
    let reads = 0;
    server.use(
      http.get(api('/learners/ln-1'), () => HttpResponse.json(learnerDetail())),
      http.get(api('/learners/ln-1/national-id'), () => {
        reads++;
        return HttpResponse.json({ nationalId: 'LN-1234-5678' });
      }),
      http.get(api('/enrolments'), ({ request }) => {
        expect(searchOf(request).get('learnerId')).toBe('ln-1');
        return HttpResponse.json(
          pageOf([
            {
              id: 'en-1',
              learnerId: 'ln-1',
              academicYearId: 'yr-2026',
              institutionId: 'inst-1',
              gradeId: 'gr-primary-3',
              repeater: true,
              status: 'Enrolled',
              startsOn: '2026-01-05',
              endedOn: null,
              endReason: null,
              createdByPromotion: null,
              version: 1,
            },
          ]),
        );
      }),
    );
    const { user } = renderRegistry('/registry/learners/ln-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Amina Otieno' })).toBeInTheDocument();
    const guardians = screen.getByRole('table', { name: 'Guardians of Amina Otieno' });
    expect(within(guardians).getByRole('cell', { name: 'Grace Otieno' })).toBeInTheDocument();
    expect(screen.getByText('VISUAL')).toBeInTheDocument();
    const history = screen.getByRole('table', { name: /Enrolments of Amina Otieno/ });
    expect(await within(history).findByRole('cell', { name: 'School year 2026' })).toBeInTheDocument();
    expect(within(history).getByRole('cell', { name: 'Grade 3 (Primary) (repeating)' })).toBeInTheDocument();

    expect(reads).toBe(0);
    expect(screen.queryByText('LN-1234-5678')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reveal national ID' }));
    expect(await screen.findByText('LN-1234-5678')).toBeInTheDocument();
    expect(reads).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Hide national ID' }));
    expect(screen.queryByText('LN-1234-5678')).not.toBeInTheDocument();
  });

  it('edits a learner, keeping the institution and the stored national id', async () => {
    serveRegistryBasics();
    serveInstitutions();
    let current: LearnerDetail = learnerDetail();
    const puts: unknown[] = [];
    server.use(
      http.get(api('/learners/ln-1'), () => HttpResponse.json(current)),
      http.put(api('/learners/ln-1'), async ({ request }) => {
        const body = (await request.json()) as { familyName: string };
        puts.push(body);
        current = { ...current, familyName: body.familyName, version: 3 };
        return HttpResponse.json(current);
      }),
      http.get(api('/enrolments'), () => HttpResponse.json(pageOf([], 1, 100))),
    );
    const { user } = renderRegistry('/registry/learners/ln-1/edit');
    const form = await screen.findByRole('form', { name: 'Save changes' });
    expect(within(form).getByLabelText('National ID (optional)')).toHaveAccessibleDescription(
      /Leave this empty to keep it/,
    );
    const family = within(form).getByLabelText('Family name');
    await user.clear(family);
    await user.type(family, 'Achieng');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Amina Achieng' })).toBeInTheDocument();
    expect(puts).toEqual([
      {
        givenName: 'Amina',
        familyName: 'Achieng',
        otherNames: null,
        sex: 'Female',
        dateOfBirth: '2017-03-14',
        hasBirthCertificate: true,
        specialNeeds: ['VISUAL'],
        guardians: [{ name: 'Grace Otieno', relationship: 'Mother', phone: '+254 711 000 111', email: null }],
        nationalId: null,
        institutionId: 'inst-1',
        confirmedNotDuplicate: false,
        version: 2,
      },
    ]);
  });

  it('merges a duplicate record into the one that stays, after confirmation', async () => {
    serveRegistryBasics();
    serveInstitutions();
    let current: LearnerDetail = learnerDetail();
    const merged: unknown[] = [];
    server.use(
      http.get(api('/learners/ln-1'), () => HttpResponse.json(current)),
      http.get(api('/learners'), () =>
        HttpResponse.json(
          pageOf([learnerDetail(), learnerDetail({ id: 'ln-9', learnerNumber: '4000000091', givenName: 'Aminah' })]),
        ),
      ),
      http.get(api('/enrolments'), () => HttpResponse.json(pageOf([], 1, 100))),
      http.post(api('/learners/ln-1/merge'), async ({ request }) => {
        merged.push(await request.json());
        current = { ...current, status: 'Merged', mergedIntoId: 'ln-9', version: 3 };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderRegistry('/registry/learners/ln-1');
    const section = await screen.findByRole('region', { name: 'Merge a duplicate record' });
    await user.click(within(section).getByRole('button', { name: 'Choose the record that stays…' }));
    const into = within(section).getByLabelText('Record that stays');
    await waitFor(() => expect(within(into).getAllByRole('option')).toHaveLength(2));
    await user.selectOptions(into, 'ln-9');
    await user.click(within(section).getByRole('button', { name: 'Merge into the chosen record' }));
    await user.click(within(section).getByRole('button', { name: 'Yes, merge' }));
    expect(await screen.findByText('The record has been merged.')).toBeInTheDocument();
    expect(merged).toEqual([{ intoId: 'ln-9', version: 2 }]);
    expect(await screen.findByRole('link', { name: 'the record that stays' })).toHaveAttribute(
      'href',
      '/registry/learners/ln-9',
    );
  });
});
