import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registrarMe, registryReaderMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { pageOf, renderRegistry, searchOf, serveRegistryBasics } from '../registry/testing';
import { importPolling, type ImportField, type ImportProblem, type ImportView } from './importsApi';

const learnerFields: ImportField[] = [
  { name: 'learnerNumber', required: false, description: 'National learner number (key).', synonyms: [] },
  { name: 'institutionCode', required: true, description: "Code of the learner's institution.", synonyms: [] },
  { name: 'givenName', required: true, description: 'Given (first) name.', synonyms: [] },
  { name: 'familyName', required: true, description: 'Family name (surname).', synonyms: [] },
  { name: 'sex', required: true, description: 'Female or Male (F/M).', synonyms: [] },
  { name: 'dateOfBirth', required: true, description: 'YYYY-MM-DD (or an Excel date).', synonyms: [] },
];

const csv = 'First name,Surname,Sex,DOB,School\nAmina,Otieno,F,2017-03-14,RS-0001\nJo,Kamau,M,31/02/2015,RS-0001\n';

function uploaded(overrides: Partial<ImportView> = {}): ImportView {
  return {
    id: 'imp-1',
    kind: 'Learners',
    fileName: 'learners.csv',
    format: 'csv',
    size: csv.length,
    sha256: 'ab12',
    status: 'Uploaded',
    mode: null,
    columns: ['First name', 'Surname', 'Sex', 'DOB', 'School'],
    // The server's suggestion: it did not recognise "School".
    mapping: { givenName: 'First name', familyName: 'Surname', sex: 'Sex', dateOfBirth: 'DOB' },
    fields: learnerFields,
    totalRows: 0,
    validRows: 0,
    errorRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failure: null,
    progress: null,
    createdAt: '2026-03-02T08:00:00Z',
    validatedAt: null,
    appliedAt: null,
    ...overrides,
  };
}

const badRows: ImportProblem[] = [
  { row: 3, column: 'DOB', value: '31/02/2015', message: 'Not a date; use YYYY-MM-DD.' },
  { row: 3, column: 'Sex', value: 'M', message: 'Example of a second problem on the same row.' },
];

/**
 * The import on the server. GET gives the current state; the test moves a running dry run or apply
 * on with `advance`, so that every state is seen however often the page polls.
 */
function importServer(initial: ImportView = uploaded()) {
  const state = { current: initial, queue: [] as ImportView[] };
  const log: { method: string; path: string; body?: unknown; contentType?: string | null }[] = [];
  server.use(
    http.post(api('/imports'), async ({ request }) => {
      const params = searchOf(request);
      log.push({
        method: 'POST',
        path: `/imports?${params.toString()}`,
        body: await request.text(),
        contentType: request.headers.get('Content-Type'),
      });
      return HttpResponse.json(state.current, { status: 201 });
    }),
    http.get(api('/imports/imp-1'), () => HttpResponse.json(state.current)),
    http.put(api('/imports/imp-1/mapping'), async ({ request }) => {
      const body = (await request.json()) as { mapping: Record<string, string> };
      log.push({ method: 'PUT', path: '/imports/imp-1/mapping', body });
      state.current = { ...state.current, mapping: body.mapping, status: 'Uploaded' };
      return HttpResponse.json(state.current);
    }),
    http.post(api('/imports/imp-1/dry-run'), () => {
      log.push({ method: 'POST', path: '/imports/imp-1/dry-run' });
      state.current = { ...state.current, status: 'Validating', progress: { processedRows: 0, totalRows: null } };
      state.queue = [
        { ...state.current, progress: { processedRows: 2000, totalRows: null } },
        {
          ...state.current,
          status: 'Validated',
          progress: null,
          totalRows: 2,
          validRows: 1,
          errorRows: 1,
          validatedAt: '2026-03-02T08:01:00Z',
        },
      ];
      return HttpResponse.json(state.current, { status: 202 });
    }),
    http.get(api('/imports/imp-1/problems'), ({ request }) => {
      const params = searchOf(request);
      log.push({ method: 'GET', path: `/imports/imp-1/problems?${params.toString()}` });
      return HttpResponse.json(pageOf(badRows, 1, 20));
    }),
    http.post(api('/imports/imp-1/apply'), async ({ request }) => {
      const body = (await request.json()) as { mode: string };
      log.push({ method: 'POST', path: '/imports/imp-1/apply', body });
      if (body.mode === 'AllOrNothing') {
        return problem(422, 'The file has bad rows.', {
          detail: '1 row(s) have errors. Correct the file and upload it again, or apply with mode SkipBadRows.',
        });
      }
      state.current = {
        ...state.current,
        status: 'Applying',
        mode: 'SkipBadRows',
        progress: { processedRows: 0, totalRows: 2 },
      };
      state.queue = [
        { ...state.current, progress: { processedRows: 1, totalRows: 2 } },
        {
          ...state.current,
          status: 'Applied',
          progress: null,
          created: 1,
          updated: 0,
          unchanged: 0,
          skipped: 1,
          appliedAt: '2026-03-02T08:02:00Z',
        },
      ];
      return HttpResponse.json(state.current, { status: 202 });
    }),
  );
  function advance() {
    const next = state.queue.shift();
    if (!next) throw new Error('Nothing more to advance to.');
    state.current = next;
  }
  return { state, log, advance };
}

describe('import wizard', () => {
  const usual = importPolling.intervalMs;
  beforeEach(() => {
    importPolling.intervalMs = 20;
  });
  afterEach(() => {
    importPolling.intervalMs = usual;
  });

  it('uploads the file as the request body, then asks for the column mapping', async () => {
    serveRegistryBasics(registrarMe);
    const { log } = importServer();
    const { user } = renderRegistry('/imports/new');

    // Step 1: the kinds the user may import, and the file.
    const form = await screen.findByRole('form', { name: 'Upload the file' });
    expect(screen.getByRole('list', { name: 'Import steps' }).querySelector('[aria-current="step"]')).toHaveTextContent(
      '1. Upload the file',
    );
    const kinds = within(form).getByRole('group', { name: 'What does the file hold?' });
    expect(
      within(kinds)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['Institutions', 'Learners', 'Staff', 'Enrolments']);
    await user.click(within(form).getByRole('button', { name: 'Upload and continue' }));
    expect(within(form).getByLabelText('File')).toHaveAccessibleDescription(/Error: Choose the file to import\./);
    expect(kinds).toHaveAccessibleDescription(/Error: Choose what the file holds\./);
    expect(log).toEqual([]);

    await user.click(within(kinds).getByRole('radio', { name: /^Learners/ }));
    await user.upload(within(form).getByLabelText('File'), new File([csv], 'learners.csv', { type: 'text/csv' }));
    await user.click(within(form).getByRole('button', { name: 'Upload and continue' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/imports/imp-1'));
    expect(log[0]).toEqual({
      method: 'POST',
      path: '/imports?kind=Learners&fileName=learners.csv',
      body: csv,
      contentType: 'text/csv',
    });

    expect(await screen.findByRole('form', { name: 'Map the columns' })).toBeInTheDocument();
  });

  it('maps the columns, dry-runs the file with its progress, and lists the problems found', async () => {
    serveRegistryBasics(registrarMe);
    const { log, advance } = importServer();
    const { user } = renderRegistry('/imports/imp-1');

    // Step 2: the suggested mapping, required fields marked; the missing one is caught.
    const mapping = await screen.findByRole('form', { name: 'Map the columns' });
    expect(within(mapping).getByLabelText('Given name (required)')).toHaveValue('First name');
    expect(within(mapping).getByLabelText('Date of birth (required)')).toHaveValue('DOB');
    expect(within(mapping).getByLabelText('Learner number')).toHaveValue('');
    expect(within(mapping).getByLabelText('Learner number')).toHaveAccessibleDescription(
      'National learner number (key).',
    );
    const institution = within(mapping).getByLabelText('Institution code (required)');
    expect(institution).toBeRequired();
    await user.click(within(mapping).getByRole('button', { name: 'Save the mapping and start the dry run' }));
    expect(institution).toHaveAccessibleDescription(/Error: Choose the column that holds this field\./);
    expect(log).toEqual([]);

    await user.selectOptions(institution, 'School');
    await user.click(within(mapping).getByRole('button', { name: 'Save the mapping and start the dry run' }));

    // Step 3: the dry run's progress, polled until it ends.
    const progressText = await screen.findByText('Checked 0 rows so far.');
    expect(progressText).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('progressbar', { name: 'Checked 0 rows so far.' })).not.toHaveAttribute('value');
    expect(log.slice(0, 2)).toEqual([
      {
        method: 'PUT',
        path: '/imports/imp-1/mapping',
        body: {
          mapping: {
            givenName: 'First name',
            familyName: 'Surname',
            sex: 'Sex',
            dateOfBirth: 'DOB',
            institutionCode: 'School',
          },
        },
      },
      { method: 'POST', path: '/imports/imp-1/dry-run' },
    ]);
    advance();
    expect(await screen.findByText('Checked 2,000 rows so far.')).toBeInTheDocument();
    advance();

    const results = await screen.findByRole('region', { name: 'Dry run results' });
    expect(within(results).getByText('Rows with problems', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '1',
    );
    const problems = await within(results).findByRole('table', { name: 'Problems found by the dry run' });
    // The table (with its caption) is drawn before its first page arrives: wait for the rows.
    await within(problems).findByText('31/02/2015');
    const rows = within(problems).getAllByRole('row').slice(1);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', 'DOB', '31/02/2015', 'Not a date; use YYYY-MM-DD.']);
    expect(rows).toHaveLength(2);
    expect(log).toContainEqual({ method: 'GET', path: '/imports/imp-1/problems?page=1&pageSize=20' });
    expect(screen.getByRole('region', { name: 'Apply the import' })).toBeInTheDocument();
  });

  it('applies a checked import skipping the bad rows, showing the progress, then sums up', async () => {
    serveRegistryBasics(registrarMe);
    const { log, advance } = importServer(
      uploaded({
        status: 'Validated',
        mapping: {
          givenName: 'First name',
          familyName: 'Surname',
          sex: 'Sex',
          dateOfBirth: 'DOB',
          institutionCode: 'School',
        },
        totalRows: 2,
        validRows: 1,
        errorRows: 1,
        validatedAt: '2026-03-02T08:01:00Z',
      }),
    );
    const { user } = renderRegistry('/imports/imp-1');
    const results = await screen.findByRole('region', { name: 'Dry run results' });
    expect(await within(results).findByRole('table', { name: 'Problems found by the dry run' })).toBeInTheDocument();

    // Step 4: all or nothing is refused while rows are bad; skipping them applies the rest.
    const apply = screen.getByRole('region', { name: 'Apply the import' });
    expect(screen.getByRole('list', { name: 'Import steps' }).querySelector('[aria-current="step"]')).toHaveTextContent(
      '4. Apply',
    );
    expect(within(apply).getByRole('radio', { name: /Skip the bad rows/ })).toBeChecked();
    await user.click(within(apply).getByRole('radio', { name: /All or nothing/ }));
    await user.click(within(apply).getByRole('button', { name: 'Apply the import' }));
    await user.click(within(apply).getByRole('button', { name: 'Yes, apply' }));
    expect(await within(apply).findByRole('alert')).toHaveTextContent('The file has bad rows.');

    await user.click(within(apply).getByRole('radio', { name: /Skip the bad rows/ }));
    await user.click(within(apply).getByRole('button', { name: 'Apply the import' }));
    await user.click(within(apply).getByRole('button', { name: 'Yes, apply' }));
    expect(await screen.findByText('Applied 0 of 2 rows (0%).')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Applied 0 of 2 rows (0%).' })).toHaveAttribute('max', '2');
    advance();
    expect(await screen.findByText('Applied 1 of 2 rows (50%).')).toBeInTheDocument();
    advance();

    const summary = await screen.findByRole('region', { name: 'Import applied' });
    const value = (name: string) => within(summary).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Created')).toBe('1');
    expect(value('Updated')).toBe('0');
    expect(value('Unchanged')).toBe('0');
    expect(value('Skipped (rows with problems)')).toBe('1');
    expect(value('Mode')).toBe('Skip the bad rows');
    expect(await within(summary).findByRole('table', { name: 'Skipped rows' })).toBeInTheDocument();
    expect(log.filter((entry) => entry.path === '/imports/imp-1/apply').map((entry) => entry.body)).toEqual([
      { mode: 'AllOrNothing' },
      { mode: 'SkipBadRows' },
    ]);
    expect(screen.getByRole('list', { name: 'Import steps' }).querySelector('[aria-current="step"]')).toBeNull();
  });

  it('shows a file the server cannot read next to the file field', async () => {
    serveRegistryBasics(registrarMe);
    server.use(
      http.post(api('/imports'), () =>
        problem(400, 'The request has invalid fields.', {
          errors: { file: ['The column "Name" appears twice in the header.'] },
        }),
      ),
    );
    const { user } = renderRegistry('/imports/new');
    const form = await screen.findByRole('form', { name: 'Upload the file' });
    await user.click(within(form).getByRole('radio', { name: /^Institutions/ }));
    await user.upload(
      within(form).getByLabelText('File'),
      new File(['Name,Name\n'], 'schools.csv', { type: 'text/csv' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Upload and continue' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('File')).toHaveAccessibleDescription(
        /Error: The column "Name" appears twice in the header\./,
      ),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The request has invalid fields.');
    expect(screen.getByTestId('location')).toHaveTextContent('/imports/new');
  });

  it('lists the imports with their progress and outcome', async () => {
    serveRegistryBasics(registrarMe);
    server.use(
      http.get(api('/imports'), () =>
        HttpResponse.json(
          pageOf([
            uploaded({
              id: 'imp-2',
              fileName: 'staff.xlsx',
              kind: 'Staff',
              status: 'Applied',
              created: 12,
              updated: 3,
              unchanged: 40,
              skipped: 0,
            }),
            uploaded({ id: 'imp-1', status: 'Validating', progress: { processedRows: 4000, totalRows: 8000 } }),
          ]),
        ),
      ),
    );
    renderRegistry('/imports');
    const table = await screen.findByRole('table', { name: 'Your imports, newest first' });
    expect(await within(table).findByRole('link', { name: 'staff.xlsx' })).toHaveAttribute('href', '/imports/imp-2');
    expect(
      within(table).getByRole('cell', { name: '12 created, 3 updated, 40 unchanged, 0 skipped' }),
    ).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Checked 4,000 of 8,000 rows (50%).' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Imports' }),
    ).toHaveAttribute('href', '/imports');
  });

  it('is not offered to a user who may import nothing', async () => {
    serveRegistryBasics(registryReaderMe);
    renderRegistry('/imports/new');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Imports' }),
    ).toBeNull();
  });
});
