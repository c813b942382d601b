import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../../test/server';
import { renderRegistry } from '../../registry/testing';
import { caseManagerMe, managers, responders, serveCaseBasics } from '../testing';
import type { TimelinessLine } from './reportsApi';
import { byMonth, percentInTime, ragOf } from './TimelinessChart';

const reportsMe = { ...caseManagerMe, permissions: [...caseManagerMe.permissions, 'cases.reports'] };

function line(month: string, inTime: number, late: number, overrides: Partial<TimelinessLine> = {}): TimelinessLine {
  const percent = percentInTime(inTime, late);
  return {
    month,
    type: 'foi',
    typeTitle: 'FOI request',
    teamId: responders.id,
    teamName: responders.name,
    inTime,
    late,
    answered: inTime + late,
    percentInTime: percent,
    rag: ragOf(percent),
    ...overrides,
  };
}

function serveReports(seen: URLSearchParams[]) {
  server.use(
    http.get(api('/correspondence/reports/timeliness'), ({ request }) => {
      const search = new URL(request.url).searchParams;
      seen.push(search);
      if (search.get('from') === '2026-13') {
        return HttpResponse.json(
          { title: 'Validation failed', status: 400, errors: { from: ['Give a month as yyyy-MM (2000–2099).'] } },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      const lines = [line('2026-01', 95, 5), line('2026-02', 88, 12), line('2026-03', 80, 20)];
      return HttpResponse.json({
        lines,
        total: { inTime: 263, late: 37, answered: 300, percentInTime: 87.6, rag: 'amber' },
      });
    }),
    http.get(api('/correspondence/reports/appeals'), () =>
      HttpResponse.json({
        lines: [{ type: 'ico_appeal_foi', typeTitle: 'ICO appeal (FOI)', outcome: 'upheld_in_part', cases: 4 }],
      }),
    ),
    http.get(api('/correspondence/reports/ageing'), () =>
      HttpResponse.json({
        buckets: ['0-20', '21-40', '41-60', '61-90', '91+'],
        lines: [
          {
            teamId: managers.id,
            teamName: managers.name,
            type: 'sar',
            typeTitle: 'Subject access request',
            counts: [3, 2, 0, 0, 1],
            total: 6,
          },
        ],
      }),
    ),
  );
}

describe('correspondence reports', () => {
  it('rates months red under 85 % and amber under 90 %', () => {
    expect([ragOf(84.9), ragOf(85), ragOf(89.9), ragOf(90), ragOf(null)]).toEqual([
      'red',
      'amber',
      'amber',
      'green',
      'none',
    ]);
    expect(percentInTime(2, 1)).toBe(66.6);
    const points = byMonth([line('2026-02', 1, 0), line('2026-01', 9, 1), line('2026-02', 0, 1, { type: 'sar' })]);
    expect(points.map((p) => [p.month, p.inTime, p.late, p.percent])).toEqual([
      ['2026-01', 9, 1, 90],
      ['2026-02', 1, 1, 50],
    ]);
  });

  it('shows timeliness with a coloured bar per month, appeals and ageing, filters and exports', async () => {
    const seen: URLSearchParams[] = [];
    serveCaseBasics(reportsMe);
    serveReports(seen);
    const { user } = renderRegistry('/cases/reports');

    const chart = await screen.findByRole('img', { name: 'Percentage answered in time by month' }, { timeout: 5000 });
    expect(chart.querySelector('[data-testid="bar-2026-01"]')).toHaveAttribute('data-rag', 'green');
    expect(chart.querySelector('[data-testid="bar-2026-02"]')).toHaveAttribute('data-rag', 'amber');
    expect(chart.querySelector('[data-testid="bar-2026-03"]')).toHaveAttribute('data-rag', 'red');
    const table = screen.getByRole('region', { name: 'Timeliness by month, type and unit' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText(/80%/)).toHaveTextContent('(red)');
    expect(
      within(await screen.findByRole('region', { name: 'Appeal outcomes by type' })).getByText('upheld in part'),
    ).toBeInTheDocument();
    const ageing = await screen.findByRole('region', { name: 'Open cases by age in days' });
    expect(within(ageing).getByText('Subject access request').closest('tr')).toHaveTextContent('32001');

    await user.type(screen.getByLabelText('From month'), '2026-01');
    await user.selectOptions(screen.getByLabelText('Type'), 'sar');
    await user.selectOptions(screen.getByLabelText('Team'), responders.id);
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(seen.at(-1)?.get('type')).toBe('sar'));
    expect(seen.at(-1)?.get('from')).toBe('2026-01');
    expect(seen.at(-1)?.get('teamId')).toBe(responders.id);
    const csv = screen.getByRole('link', { name: 'Timeliness as CSV' });
    expect(csv.getAttribute('href')).toContain('/correspondence/reports/timeliness/export?');
    expect(csv.getAttribute('href')).toContain('type=sar');
    expect(csv.getAttribute('href')).toContain('format=csv');
    expect(screen.getByRole('link', { name: 'Ageing as Excel' }).getAttribute('href')).toContain('format=xlsx');
  });

  it('shows a refused filter under its field', async () => {
    serveCaseBasics(reportsMe);
    serveReports([]);
    renderRegistry('/cases/reports?from=2026-13');
    await waitFor(() =>
      expect(screen.getByLabelText('From month')).toHaveAccessibleDescription(
        'Error: Give a month as yyyy-MM (2000–2099).',
      ),
    );
  });

  it('is not open to users without the reports permission', async () => {
    serveCaseBasics(caseManagerMe);
    serveReports([]);
    renderRegistry('/cases/reports');
    expect(await screen.findByRole('heading', { name: /not allowed|permission|access/i })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Percentage answered in time by month' })).not.toBeInTheDocument();
  });
});
