import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { pageOf, renderRegistry } from '../registry/testing';
import type { Holiday } from './teamAdminApi';
import { serveCaseBasics } from './testing';
import { teamAdminMe } from './testing';

const national = { ...teamAdminMe, permissions: [...teamAdminMe.permissions] };

describe('holiday calendars screen', () => {
  it('lists a year’s holidays, adds a manual one with field errors, deletes one and imports a file', async () => {
    const holidays: Holiday[] = [
      {
        date: '2026-04-03',
        title: 'Good Friday',
        notes: '',
        bunting: false,
        source: 'Import',
        updatedAt: '2026-01-01T00:00:00Z',
      },
    ];
    const requests: string[] = [];
    serveCaseBasics(national);
    server.use(
      http.get(api('/holiday-calendars'), () =>
        HttpResponse.json(
          pageOf(
            [{ id: 'cal-1', code: 'england-and-wales', name: 'England and Wales', region: 'UK', holidays: 1 }],
            1,
            200,
          ),
        ),
      ),
      http.get(api('/holiday-calendars/:code/holidays'), ({ request }) => {
        requests.push(`GET ${new URL(request.url).search}`);
        return HttpResponse.json(pageOf(holidays, 1, 50));
      }),
      http.post(api('/holiday-calendars/:code/holidays'), async ({ request }) => {
        const body = (await request.json()) as { date: string; title: string };
        requests.push(`POST ${body.date} ${body.title}`);
        if (body.date === '2026-04-03') {
          return HttpResponse.json(
            {
              status: 400,
              title: 'The request has invalid fields.',
              errors: { date: ['There is already a holiday on this date.'] },
            },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }
        holidays.push({ ...body, notes: '', bunting: false, source: 'Manual', updatedAt: '2026-01-02T00:00:00Z' });
        return HttpResponse.json(holidays.at(-1), { status: 201 });
      }),
      http.delete(api('/holiday-calendars/:code/holidays/:date'), ({ params }) => {
        requests.push(`DELETE ${String(params.date)}`);
        holidays.splice(0, 1);
        return new HttpResponse(null, { status: 204 });
      }),
      http.post(api('/holiday-calendars/import'), () => {
        requests.push('IMPORT');
        return HttpResponse.json({ calendarsAdded: 0, added: 3, changed: 1, unchanged: 20 });
      }),
    );
    const { user } = renderRegistry('/cases/holidays');

    expect(await screen.findByText('Good Friday', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(requests[0]).toContain(`year=${new Date().getFullYear()}`);

    const add = screen.getByRole('form', { name: 'Add a holiday' });
    await user.click(within(add).getByRole('button', { name: 'Add holiday' }));
    expect(within(add).getByLabelText('Name')).toHaveAccessibleDescription('Error: Enter the holiday’s name.');
    await user.type(within(add).getByLabelText('Date'), '2026-04-03');
    await user.type(within(add).getByLabelText('Name'), 'Duplicate');
    await user.click(within(add).getByRole('button', { name: 'Add holiday' }));
    expect(await within(add).findByText('There is already a holiday on this date.')).toBeInTheDocument();

    await user.clear(within(add).getByLabelText('Date'));
    await user.type(within(add).getByLabelText('Date'), '2026-06-01');
    await user.clear(within(add).getByLabelText('Name'));
    await user.type(within(add).getByLabelText('Name'), 'Founders day');
    await user.click(within(add).getByRole('button', { name: 'Add holiday' }));
    expect(await screen.findByText('Founders day')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete Good Friday' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('Good Friday')).toBeNull());

    const importForm = screen.getByRole('form', { name: 'Import bank holidays' });
    await user.click(within(importForm).getByRole('button', { name: 'Import' }));
    expect(within(importForm).getByLabelText('File')).toHaveAccessibleDescription(
      'Error: Choose a bank-holidays.json file.',
    );
    const file = new File(
      ['{"england-and-wales":{"division":"england-and-wales","events":[]}}'],
      'bank-holidays.json',
      { type: 'application/json' },
    );
    await user.upload(within(importForm).getByLabelText('File'), file);
    await user.click(within(importForm).getByRole('button', { name: 'Import' }));
    expect(await within(importForm).findByText(/3 added, 1 changed, 20 unchanged/)).toBeInTheDocument();
    expect(requests.filter((r) => !r.startsWith('GET'))).toEqual([
      'POST 2026-04-03 Duplicate',
      'POST 2026-06-01 Founders day',
      'DELETE 2026-04-03',
      'IMPORT',
    ]);
  });
});
