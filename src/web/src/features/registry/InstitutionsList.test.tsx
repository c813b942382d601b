import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { institutionDetail, institutionSummary, officerMe, registryReaderMe } from '../../test/fixtures';
import { api, server } from '../../test/server';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from './testing';

function listServer() {
  const queries: string[] = [];
  server.use(
    http.get(api('/institutions'), ({ request }) => {
      const params = searchOf(request);
      queries.push(params.toString());
      const page = Number(params.get('page'));
      const item = institutionSummary(
        institutionDetail({ id: `inst-${page}`, code: `RS-000${page}`, name: `School number ${page}` }),
      );
      return HttpResponse.json(pageOf([item], page, 20, 45));
    }),
  );
  return queries;
}

describe('institutions list', () => {
  it('lists institutions and pages through them', async () => {
    serveRegistryBasics();
    const queries = listServer();
    const { user } = renderRegistry('/registry/institutions');

    const table = await screen.findByRole('table', { name: 'Institutions' });
    expect(await within(table).findByRole('link', { name: 'School number 1' })).toHaveAttribute(
      'href',
      '/registry/institutions/inst-1',
    );
    expect(within(table).getByRole('cell', { name: 'Riverside District' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Open' })).toBeInTheDocument();
    expect(screen.getByText(/Page 1 of 3/)).toBeInTheDocument();
    expect(queries).toEqual(['page=1&pageSize=20']);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('link', { name: 'School number 2' })).toBeInTheDocument();
    expect(screen.getByText(/Page 2 of 3/)).toBeInTheDocument();
    expect(screen.getByTestId('search')).toHaveTextContent(/^\?page=2$/);
    expect(queries).toContain('page=2&pageSize=20');
  });

  it('puts the filters in the URL, the request and the export links', async () => {
    serveRegistryBasics();
    const queries = listServer();
    const { user } = renderRegistry('/registry/institutions');
    await screen.findByRole('link', { name: 'School number 1' });
    const form = screen.getByRole('search', { name: 'Filter institutions' });

    await user.type(within(form).getByLabelText('Name or code'), 'river');
    await waitFor(() => expect(within(form).getAllByRole('option', { name: /Riverside District/ })).toHaveLength(1));
    await user.selectOptions(within(form).getByLabelText('Area'), 'ar-river');
    await user.selectOptions(within(form).getByLabelText('Type'), 'Primary');
    await user.selectOptions(within(form).getByLabelText('Ownership'), 'FaithBased');
    await user.selectOptions(within(form).getByLabelText('Status'), 'Open');
    await user.selectOptions(within(form).getByLabelText('Level offered'), 'PRIMARY');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));

    const expected = 'q=river&areaId=ar-river&type=Primary&ownership=FaithBased&status=Open&level=PRIMARY';
    await waitFor(() => expect(screen.getByTestId('search')).toHaveTextContent(`?${expected}`));
    await waitFor(() => expect(queries).toContain(`${expected}&page=1&pageSize=20`));

    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      `http://localhost:3000/api/v1/institutions/export?${expected}&format=csv`,
    );
    expect(screen.getByRole('link', { name: 'Export Excel (XLSX)' })).toHaveAttribute(
      'href',
      `http://localhost:3000/api/v1/institutions/export?${expected}&format=xlsx`,
    );

    // Paging keeps the filters.
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(queries).toContain(`${expected}&page=2&pageSize=20`));
    expect(screen.getByTestId('search')).toHaveTextContent(`?${expected}&page=2`);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('search')).toBeEmptyDOMElement());
    expect(within(form).getByLabelText('Name or code')).toHaveValue('');
  });

  it('reads the filters from the URL it is opened at', async () => {
    serveRegistryBasics();
    const queries = listServer();
    renderRegistry('/registry/institutions?q=lake&status=Closed&page=2');
    expect(await screen.findByRole('link', { name: 'School number 2' })).toBeInTheDocument();
    expect(queries).toEqual(['q=lake&status=Closed&page=2&pageSize=20']);
    const form = screen.getByRole('search', { name: 'Filter institutions' });
    expect(within(form).getByLabelText('Name or code')).toHaveValue('lake');
    expect(within(form).getByLabelText('Status')).toHaveValue('Closed');
  });

  it('shows a bad filter reported by the server', async () => {
    serveRegistryBasics();
    server.use(
      http.get(api('/institutions'), () =>
        HttpResponse.json(
          { title: 'The request has invalid fields.', status: 400, errors: { areaId: ['No such area.'] } },
          { status: 400 },
        ),
      ),
    );
    renderRegistry('/registry/institutions?areaId=ar-gone');
    expect(await screen.findByRole('alert')).toHaveTextContent('The request has invalid fields.');
    await waitFor(() => expect(screen.getByLabelText('Area')).toHaveAccessibleDescription('Error: No such area.'));
  });

  it('shows the registry links the permissions allow, and no Register button to a reader', async () => {
    serveRegistryBasics(registryReaderMe);
    listServer();
    renderRegistry('/registry/institutions');
    await screen.findByRole('link', { name: 'School number 1' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const name of ['Institutions', 'Learners', 'Staff', 'Areas']) {
      expect(within(nav).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(screen.queryByRole('link', { name: 'Register an institution' })).not.toBeInTheDocument();
  });

  it('hides the links and refuses the pages without the permissions', async () => {
    server.use(http.get(api('/auth/me'), () => HttpResponse.json({ ...officerMe, permissions: ['learners.read'] })));
    renderRegistry('/registry/institutions');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Institutions' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Areas' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Learners' })).toBeInTheDocument();
  });
});
