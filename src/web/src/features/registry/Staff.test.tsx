import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { institutionDetail, institutionSummary, staffDetail } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import type { StaffDetail } from './staffApi';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from './testing';

const riverside = institutionDetail();
const hillcrest = institutionDetail({ id: 'inst-2', code: 'HC-0001', name: 'Hillcrest Combined School' });

function serveInstitutions() {
  server.use(
    http.get(api('/institutions/inst-1'), () => HttpResponse.json(riverside)),
    http.get(api('/institutions/inst-2'), () => HttpResponse.json(hillcrest)),
    http.get(api('/institutions'), () =>
      HttpResponse.json(pageOf([institutionSummary(riverside), institutionSummary(hillcrest)], 1, 50)),
    ),
  );
}

describe('staff', () => {
  it('filters by name and category in the URL and the request, and pages', async () => {
    serveRegistryBasics();
    serveInstitutions();
    const queries: string[] = [];
    server.use(
      http.get(api('/staff'), ({ request }) => {
        const params = searchOf(request);
        queries.push(params.toString());
        const page = Number(params.get('page'));
        return HttpResponse.json(
          pageOf([staffDetail({ id: `st-${page}`, givenName: `Teacher${page}` })], page, 20, 30),
        );
      }),
    );
    const { user } = renderRegistry('/registry/staff?category=Teaching');
    const table = await screen.findByRole('table', { name: /^Staff/ });
    expect(await within(table).findByRole('link', { name: 'Teacher1 Kamau' })).toHaveAttribute(
      'href',
      '/registry/staff/st-1',
    );
    expect(within(table).getByRole('cell', { name: 'Teaching' })).toBeInTheDocument();
    expect(queries).toEqual(['category=Teaching&page=1&pageSize=20']);

    const form = screen.getByRole('search', { name: 'Search staff' });
    expect(within(form).getByLabelText('Category')).toHaveValue('Teaching');
    await user.type(within(form).getByLabelText('Staff number or name'), 'kamau');
    await user.selectOptions(within(form).getByLabelText('Category'), 'NonTeaching');
    await user.click(within(form).getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent('?q=kamau&category=NonTeaching'));
    await waitFor(() => expect(queries).toContain('q=kamau&category=NonTeaching&page=1&pageSize=20'));

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'Teacher2 Kamau' })).toBeInTheDocument();
    expect(queries).toContain('q=kamau&category=NonTeaching&page=2&pageSize=20');
  });

  it('shows postings and qualifications, and transfers with the server’s errors next to the fields', async () => {
    serveRegistryBasics();
    serveInstitutions();
    let current: StaffDetail = staffDetail();
    const transfers: Record<string, unknown>[] = [];
    server.use(
      http.get(api('/staff/st-1'), () => HttpResponse.json(current)),
      http.post(api('/staff/st-1/transfer'), async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        transfers.push(body);
        if (body.startsOn === '2020-01-01') {
          return problem(400, 'The request has invalid fields.', {
            errors: { startsOn: ['The new posting must start after the current one (from 2024-01-08).'] },
          });
        }
        current = {
          ...current,
          institutionId: 'inst-2',
          version: 5,
          postings: [
            {
              id: 'po-3',
              institutionId: 'inst-2',
              institutionName: 'Hillcrest Combined School',
              position: 'Head teacher',
              teachingLevel: 'PRIMARY',
              startsOn: '2026-09-01',
              endsOn: null,
            },
            ...current.postings.map((p) => (p.endsOn ? p : { ...p, endsOn: '2026-08-31' })),
          ],
        };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderRegistry('/registry/staff/st-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Peter Kamau' })).toBeInTheDocument();
    const qualifications = screen.getByRole('table', { name: 'Qualifications of Peter Kamau' });
    expect(within(qualifications).getByRole('cell', { name: 'Diploma in Primary Education' })).toBeInTheDocument();
    expect(await within(qualifications).findByRole('cell', { name: 'Primary' })).toBeInTheDocument();
    const postings = screen.getByRole('table', { name: 'Postings of Peter Kamau, newest first' });
    const rows = within(postings).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Riverside Primary School');
    expect(rows[1]).toHaveTextContent('Current');
    expect(rows[2]).toHaveTextContent('Hillcrest Combined School');
    expect(rows[2]).toHaveTextContent('7 Jan 2024');

    const form = screen.getByRole('form', { name: 'Transfer to another institution' });
    const target = within(form).getByLabelText('New institution');
    // The current school is not offered.
    await waitFor(() =>
      expect(
        within(target)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Choose the institution', 'Hillcrest Combined School (HC-0001)']),
    );
    await user.selectOptions(target, 'inst-2');
    await user.type(within(form).getByLabelText('New posting starts on'), '2020-01-01');
    await user.click(within(form).getByRole('button', { name: 'Transfer staff member' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('New posting starts on')).toHaveAccessibleDescription(
        'Error: The new posting must start after the current one (from 2024-01-08).',
      ),
    );

    const starts = within(form).getByLabelText('New posting starts on');
    await user.clear(starts);
    await user.type(starts, '2026-09-01');
    await user.type(within(form).getByLabelText('Position (optional)'), 'Head teacher');
    await user.click(within(form).getByRole('button', { name: 'Transfer staff member' }));
    expect(await screen.findByText('Peter Kamau has been transferred.')).toBeInTheDocument();
    expect(transfers[1]).toEqual({
      institutionId: 'inst-2',
      startsOn: '2026-09-01',
      position: 'Head teacher',
      teachingLevel: null,
      version: 4,
    });
    await waitFor(() => expect(within(postings).getAllByRole('row')[1]).toHaveTextContent('Hillcrest Combined School'));
  });

  it('registers a staff member, showing a taken staff number next to its field', async () => {
    serveRegistryBasics();
    serveInstitutions();
    const posted: unknown[] = [];
    server.use(
      http.post(api('/staff'), async ({ request }) => {
        posted.push(await request.json());
        return problem(400, 'The request has invalid fields.', {
          errors: { staffNumber: ['This staff number is already registered.'] },
        });
      }),
    );
    const { user } = renderRegistry('/registry/staff/new');
    const form = await screen.findByRole('form', { name: 'Register staff member' });
    await user.type(within(form).getByLabelText('Staff number'), 'TSC/1001');
    await user.type(within(form).getByLabelText('Given name'), 'Mary');
    await user.type(within(form).getByLabelText('Family name'), 'Njeri');
    await user.selectOptions(within(form).getByLabelText('Sex'), 'Female');
    await user.type(within(form).getByLabelText('Date of birth'), '1990-02-03');
    await user.selectOptions(within(form).getByLabelText('Category'), 'Teaching');
    const institution = within(form).getByLabelText('Institution');
    await waitFor(() => expect(within(institution).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(institution, 'inst-1');
    await user.selectOptions(within(form).getByLabelText('Level taught (optional)'), 'PRIMARY');
    await user.click(within(form).getByRole('button', { name: 'Add a qualification' }));
    const qualification = within(form).getByRole('group', { name: 'Qualification 1' });
    await user.type(within(qualification).getByLabelText('Name'), 'B.Ed.');
    await user.type(within(qualification).getByLabelText('Year (optional)'), '2012');
    await user.click(within(qualification).getByRole('checkbox', { name: 'Primary' }));
    await user.click(within(form).getByRole('button', { name: 'Register staff member' }));

    await screen.findByRole('alert');
    expect(within(form).getByLabelText('Staff number')).toHaveAccessibleDescription(
      /Error: This staff number is already registered\./,
    );
    expect(posted).toEqual([
      {
        staffNumber: 'TSC/1001',
        givenName: 'Mary',
        familyName: 'Njeri',
        sex: 'Female',
        dateOfBirth: '1990-02-03',
        category: 'Teaching',
        phone: null,
        email: null,
        qualifications: [{ name: 'B.Ed.', year: 2012, levels: ['PRIMARY'] }],
        institutionId: 'inst-1',
        position: null,
        teachingLevel: 'PRIMARY',
        startsOn: null,
      },
    ]);
  });
});
