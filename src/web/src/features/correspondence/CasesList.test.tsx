import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { pageOf, renderRegistry, searchOf } from '../registry/testing';
import { approverMe, caseSummary, responderMe, serveCaseBasics } from './testing';

/** The case list, recording each query string it is asked with. */
function serveCases() {
  const queries: string[] = [];
  server.use(
    http.get(api('/cases'), ({ request }) => {
      const search = searchOf(request);
      queries.push(search.toString());
      const items =
        search.get('timeliness') === 'late'
          ? [
              caseSummary({
                id: 'case-late',
                number: '200101001',
                subject: 'Old complaint',
                finalDeadline: '2020-01-31',
              }),
            ]
          : [
              caseSummary({ finalDeadline: '2099-04-20', responderId: 'u-responder', responderName: 'Rafe Responder' }),
              caseSummary({
                id: 'case-2',
                number: '260506001',
                type: 'sar',
                subject: 'My child’s records',
                state: 'unassigned',
                finalDeadline: '2020-06-05',
                respondingTeamId: null,
              }),
            ];
      return HttpResponse.json(pageOf(items, 1, 20));
    }),
  );
  return queries;
}

describe('case list', () => {
  it('lists cases with their deadline and team, and keeps the filters in the URL', async () => {
    serveCaseBasics();
    const queries = serveCases();
    const { user } = renderRegistry('/cases');

    const table = await screen.findByRole('table');
    const row = (await within(table).findByRole('link', { name: '260319001' })).closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: '260319001' })).toHaveAttribute('href', '/cases/case-1');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '260319001',
      'Spending on school meals',
      'FOI request',
      'Awaiting responder',
      '20 Apr 2099',
      'Primary policy',
      'Rafe Responder',
    ]);
    await waitFor(() => expect(within(row).getByText('Primary policy')).toBeInTheDocument());
    const late = within(table).getByRole('link', { name: '260506001' }).closest('tr') as HTMLElement;
    expect(within(late).getByText('(late)')).toBeInTheDocument();
    // A manager without the responder permission starts at all the cases they can see.
    expect(queries[0]).toBe('page=1&pageSize=20');
    expect(screen.getByRole('link', { name: 'Team cases' })).toHaveAttribute('aria-current', 'page');
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Cases' }),
    ).toHaveAttribute('href', '/cases');

    await user.selectOptions(screen.getByLabelText('Type'), 'sar');
    await user.selectOptions(screen.getByLabelText('Team'), 'tm-responders');
    await user.type(screen.getByLabelText('Deadline to'), '2026-06-30');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() =>
      expect(screen.getByTestId('search')).toHaveTextContent('?type=sar&teamId=tm-responders&deadlineTo=2026-06-30'),
    );
    await waitFor(() =>
      expect(queries.at(-1)).toBe('type=sar&teamId=tm-responders&deadlineTo=2026-06-30&page=1&pageSize=20'),
    );
  });

  it('asks the server for late cases on the Late tab', async () => {
    serveCaseBasics();
    const queries = serveCases();
    const { user } = renderRegistry('/cases?type=foi');
    await screen.findByRole('link', { name: '260319001' });

    await user.click(screen.getByRole('link', { name: 'Late' }));
    expect(await screen.findByRole('link', { name: '200101001' })).toBeInTheDocument();
    expect(screen.getByTestId('search')).toHaveTextContent('?tab=late&type=foi');
    expect(new URLSearchParams(queries.at(-1)).get('timeliness')).toBe('late');
    expect(new URLSearchParams(queries.at(-1)).get('type')).toBe('foi');
    expect(screen.getByRole('link', { name: 'Late' })).toHaveAttribute('aria-current', 'page');
    // The tab decides timeliness, so the filter does not offer it.
    expect(screen.queryByLabelText('Timeliness')).not.toBeInTheDocument();
  });

  it('searches, filters by clearance and exemption, and exports what the list shows', async () => {
    serveCaseBasics();
    const queries = serveCases();
    const { user } = renderRegistry('/cases');
    await screen.findByRole('link', { name: '260319001' });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'school meals');
    await user.selectOptions(screen.getByLabelText('Clearance'), 'disclosure');
    await user.type(screen.getByLabelText('Exemption'), 's40');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() =>
      expect(queries.at(-1)).toBe('q=school+meals&flagged=disclosure&exemption=s40&page=1&pageSize=20'),
    );
    const csv = new URL(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')!, 'http://x');
    expect(csv.pathname).toMatch(/\/cases\/export$/);
    expect(csv.searchParams.get('q')).toBe('school meals');
    expect(csv.searchParams.get('flagged')).toBe('disclosure');
    expect(csv.searchParams.get('exemption')).toBe('s40');
    expect(csv.searchParams.get('format')).toBe('csv');
    expect(csv.searchParams.has('page')).toBe(false);
    const xlsx = new URL(screen.getByRole('link', { name: 'Export XLSX' }).getAttribute('href')!, 'http://x');
    expect(xlsx.searchParams.get('format')).toBe('xlsx');

    // The Closed tab asks for closed cases, and the export follows the tab.
    await user.click(screen.getByRole('link', { name: 'Closed' }));
    await waitFor(() => expect(new URLSearchParams(queries.at(-1)).get('open')).toBe('false'));
    const closed = new URL(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')!, 'http://x');
    expect(closed.searchParams.get('open')).toBe('false');
  });

  it('shows approvers the cases waiting for their clearance', async () => {
    serveCaseBasics(approverMe);
    const queries = serveCases();
    const { user } = renderRegistry('/cases');
    await screen.findByRole('link', { name: '260319001' });
    await user.click(screen.getByRole('link', { name: 'Incoming for clearance' }));
    await waitFor(() => expect(new URLSearchParams(queries.at(-1)).get('incoming')).toBe('true'));
  });

  it('hides the incoming tab from those who approve nothing', async () => {
    serveCaseBasics(responderMe);
    serveCases();
    renderRegistry('/cases');
    await screen.findByRole('link', { name: '260319001' });
    expect(screen.queryByRole('link', { name: 'Incoming for clearance' })).not.toBeInTheDocument();
  });

  it('starts a responder at their own cases', async () => {
    serveCaseBasics(responderMe);
    const queries = serveCases();
    renderRegistry('/cases');
    await screen.findByRole('link', { name: '260319001' });
    expect(new URLSearchParams(queries[0]).get('mine')).toBe('true');
    expect(new URLSearchParams(queries[0]).get('open')).toBe('true');
    expect(screen.getByRole('link', { name: 'My open cases' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('link', { name: 'Log a case' })).not.toBeInTheDocument();
  });
});
