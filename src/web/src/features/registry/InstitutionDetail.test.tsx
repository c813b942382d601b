import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { institutionDetail, institutionSummary, registryReaderMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import type { InstitutionDetail } from './institutionsApi';
import { pageOf, renderRegistry, searchOf, serveInstitution, serveRegistryBasics } from './testing';

const lakeside = institutionDetail({ id: 'inst-2', code: 'LK-0001', name: 'Lakeside Vocational Institute' });

function term(region: HTMLElement, name: string) {
  const dt = within(region).getByText(name, { selector: 'dt' });
  return dt.nextElementSibling?.textContent;
}

describe('institution detail', () => {
  it('shows every field, the status history and the change log', async () => {
    serveRegistryBasics(registryReaderMe);
    const merged = institutionDetail({
      status: 'Closed',
      statusChangedOn: '2026-02-01',
      statusReason: 'Too few learners',
      history: [
        {
          from: 'Open',
          to: 'Closed',
          successorId: null,
          effectiveOn: '2026-02-01',
          reason: 'Too few learners',
          changedAt: '2026-02-02T10:00:00Z',
        },
      ],
      predecessors: ['inst-2'],
    });
    serveInstitution(() => merged);
    server.use(
      http.get(api('/institutions/inst-2'), () => HttpResponse.json(lakeside)),
      http.get(api('/institutions/inst-1/changes'), () =>
        HttpResponse.json(
          pageOf(
            [
              {
                sequence: 42,
                at: '2026-02-02T10:00:00Z',
                actor: 'officer@lnemis.local',
                action: 'Updated',
                changes: '{"Status":{"old":"Open","new":"Closed"}}',
              },
            ],
            1,
            10,
          ),
        ),
      ),
    );
    renderRegistry('/registry/institutions/inst-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Riverside Primary School' })).toBeInTheDocument();

    const summary = screen.getByRole('region', { name: 'Institution' });
    expect(term(summary, 'Code')).toBe('RS-0001');
    expect(term(summary, 'Type')).toBe('Primary');
    expect(term(summary, 'Status')).toBe('Closed since 1 Feb 2026 — Too few learners');
    await waitFor(() => expect(term(summary, 'Levels offered')).toBe('Primary'));
    expect(term(summary, 'Shifts')).toBe('Double');
    expect(
      await within(summary).findByRole('link', { name: 'Lakeside Vocational Institute (LK-0001)' }),
    ).toHaveAttribute('href', '/registry/institutions/inst-2');

    const location = screen.getByRole('region', { name: 'Location and contact' });
    expect(term(location, 'Area')).toBe('Riverside District');
    expect(term(location, 'Coordinates')).toMatch(/^-1.2921, 36.8219/);
    expect(term(location, 'Address')).toBe('1 River Road');
    expect(term(location, 'Phone')).toBe('+254 700 000 001');
    expect(term(location, 'Email address')).toBe('office@riverside.example');

    const infrastructure = screen.getByRole('region', { name: 'Infrastructure' });
    expect(term(infrastructure, 'Usable classrooms')).toBe('8');
    expect(term(infrastructure, 'Unusable classrooms')).toBe('2');
    expect(term(infrastructure, 'Toilets for girls and women')).toBe('5');
    expect(term(infrastructure, 'Safe drinking water')).toBe('Yes');
    expect(term(infrastructure, 'Electricity')).toBe('No');

    const history = screen.getByRole('table', { name: /Status changes of/ });
    expect(within(history).getByRole('cell', { name: 'Too few learners' })).toBeInTheDocument();
    expect(within(history).getByRole('cell', { name: '1 Feb 2026' })).toBeInTheDocument();

    const changes = screen.getByRole('table', { name: /Changes to/ });
    expect(await within(changes).findByRole('cell', { name: 'officer@lnemis.local' })).toBeInTheDocument();
    expect(within(changes).getByText(/"new": "Closed"/)).toBeInTheDocument();

    // A reader sees no edit link and no status actions.
    expect(screen.queryByRole('link', { name: 'Edit details' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reopen…' })).not.toBeInTheDocument();
  });

  it('closes the institution only after the reason is given and the closure confirmed', async () => {
    serveRegistryBasics();
    let current: InstitutionDetail = institutionDetail();
    const posted: unknown[] = [];
    serveInstitution(() => current);
    server.use(
      http.post(api('/institutions/inst-1/close'), async ({ request }) => {
        const body = (await request.json()) as { reason: string; effectiveOn: string };
        posted.push(body);
        current = {
          ...current,
          status: 'Closed',
          statusChangedOn: body.effectiveOn,
          statusReason: body.reason,
          version: 4,
          history: [
            {
              from: 'Open',
              to: 'Closed',
              successorId: null,
              effectiveOn: body.effectiveOn,
              reason: body.reason,
              changedAt: '2026-03-01T09:00:00Z',
            },
          ],
        };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderRegistry('/registry/institutions/inst-1');
    await user.click(await screen.findByRole('button', { name: 'Close…' }));
    const form = screen.getByRole('form', { name: 'Close the institution' });

    // Without a reason nothing is sent.
    await user.click(within(form).getByRole('button', { name: 'Close institution' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, close' }));
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription('Error: Give the reason.');
    expect(posted).toEqual([]);

    await user.type(within(form).getByLabelText('Reason'), 'Too few learners');
    await user.type(within(form).getByLabelText('Effective from'), '2026-03-01');
    await user.click(within(form).getByRole('button', { name: 'Close institution' }));
    // The question names the institution; cancelling sends nothing.
    expect(within(form).getByRole('group', { name: /Close Riverside Primary School\?/ })).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(posted).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Close institution' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, close' }));

    expect(await screen.findByText('Riverside Primary School has been closed.')).toBeInTheDocument();
    expect(posted).toEqual([{ reason: 'Too few learners', effectiveOn: '2026-03-01', version: 3 }]);
    const summary = screen.getByRole('region', { name: 'Institution' });
    await waitFor(() => expect(term(summary, 'Status')).toBe('Closed since 1 Mar 2026 — Too few learners'));
    expect(screen.getByRole('button', { name: 'Reopen…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close…' })).not.toBeInTheDocument();
  });

  it('merges into a chosen open institution and shows a refused successor next to its field', async () => {
    serveRegistryBasics();
    serveInstitution(() => institutionDetail());
    const searches: string[] = [];
    const posted: unknown[] = [];
    server.use(
      http.get(api('/institutions'), ({ request }) => {
        searches.push(searchOf(request).toString());
        return HttpResponse.json(
          pageOf([institutionSummary(institutionDetail()), institutionSummary(lakeside)], 1, 50),
        );
      }),
      http.post(api('/institutions/inst-1/merge'), async ({ request }) => {
        posted.push(await request.json());
        return problem(400, 'The request has invalid fields.', {
          errors: { successorId: ['An institution can only merge into an open one.'] },
        });
      }),
    );
    const { user } = renderRegistry('/registry/institutions/inst-1');
    await user.click(await screen.findByRole('button', { name: 'Merge into another…' }));
    const form = screen.getByRole('form', { name: 'Merge into another institution' });
    await user.type(within(form).getByLabelText('Find successor institution by name or code'), 'lake{Enter}');
    await waitFor(() => expect(searches).toContain('q=lake&status=Open&page=1&pageSize=50'));
    const successor = within(form).getByLabelText('Successor institution');
    // The institution itself is not offered.
    await waitFor(() =>
      expect(
        within(successor)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Choose the institution it merges into', 'Lakeside Vocational Institute (LK-0001)']),
    );
    await user.selectOptions(successor, 'inst-2');
    await user.type(within(form).getByLabelText('Reason'), 'Amalgamated');
    await user.click(within(form).getByRole('button', { name: 'Merge institution' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, merge' }));

    const panel = screen.getByRole('region', { name: 'Merge into another institution' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Check the highlighted fields below.');
    expect(successor).toHaveAccessibleDescription('Error: An institution can only merge into an open one.');
    expect(posted).toEqual([{ reason: 'Amalgamated', effectiveOn: null, successorId: 'inst-2', version: 3 }]);
  });

  it('reopens a closed institution', async () => {
    serveRegistryBasics();
    let current = institutionDetail({ status: 'Closed', statusChangedOn: '2026-02-01', statusReason: 'Flooded' });
    const posted: unknown[] = [];
    serveInstitution(() => current);
    server.use(
      http.post(api('/institutions/inst-1/reopen'), async ({ request }) => {
        posted.push(await request.json());
        current = { ...current, status: 'Open', statusReason: 'Repaired', version: 4 };
        return HttpResponse.json(current);
      }),
    );
    const { user } = renderRegistry('/registry/institutions/inst-1');
    await user.click(await screen.findByRole('button', { name: 'Reopen…' }));
    const form = screen.getByRole('form', { name: 'Reopen the institution' });
    await user.type(within(form).getByLabelText('Reason'), 'Repaired');
    await user.click(within(form).getByRole('button', { name: 'Reopen institution' }));
    await user.click(within(form).getByRole('button', { name: 'Yes, reopen' }));
    expect(await screen.findByText('Riverside Primary School has been reopened.')).toBeInTheDocument();
    expect(posted).toEqual([{ reason: 'Repaired', version: 3 }]);
    expect(await screen.findByRole('button', { name: 'Close…' })).toBeInTheDocument();
  });
});
