import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, server } from '../../test/server';
import { pageOf, renderRegistry } from '../registry/testing';
import type { CaseRetention, RetentionRule } from './teamAdminApi';
import { serveCaseBasics, teamAdminMe } from './testing';

const retentionMe = { ...teamAdminMe, permissions: [...teamAdminMe.permissions, 'cases.retention'] };

describe('retention review screen', () => {
  it('edits a rule and disposes of a due case only after confirmation', async () => {
    const rules: RetentionRule[] = [
      {
        type: 'foi',
        typeTitle: 'FOI request',
        keepYears: 3,
        action: 'Anonymise',
        automatic: false,
        isDefault: true,
        version: 0,
      },
    ];
    const due: CaseRetention[] = [
      {
        caseId: 'case-9',
        number: '230101001',
        type: 'sar',
        closedOn: '2023-02-01',
        dueOn: '2025-02-01',
        action: 'Destroy',
        due: true,
        onHold: false,
        holdReason: null,
        anonymisedAt: null,
        disposedAt: null,
        version: 1,
      },
    ];
    const sent: { url: string; body: unknown }[] = [];
    serveCaseBasics(retentionMe);
    server.use(
      http.get(api('/correspondence/retention/rules'), () => HttpResponse.json(rules)),
      http.get(api('/correspondence/retention/due'), () => HttpResponse.json(pageOf(due, 1, 20))),
      http.put(api('/correspondence/retention/rules/:type'), async ({ request }) => {
        const body = await request.json();
        sent.push({ url: new URL(request.url).pathname, body });
        return HttpResponse.json({ ...rules[0], ...(body as object), isDefault: false, version: 1 });
      }),
      http.post(api('/correspondence/retention/cases/:id/:decision'), async ({ request }) => {
        sent.push({ url: new URL(request.url).pathname, body: await request.json() });
        due.splice(0, 1);
        return HttpResponse.json({});
      }),
    );
    const { user } = renderRegistry('/cases/retention');

    const rule = await screen.findByRole('form', { name: 'Retention rule for FOI request' }, { timeout: 5000 });
    await user.clear(within(rule).getByLabelText('Keep for (years after closure)'));
    await user.click(within(rule).getByRole('button', { name: 'Save rule' }));
    expect(within(rule).getByLabelText('Keep for (years after closure)')).toHaveAccessibleDescription(
      'Error: Keep for 1 to 100 years.',
    );
    await user.type(within(rule).getByLabelText('Keep for (years after closure)'), '6');
    await user.click(within(rule).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(sent).toHaveLength(1));

    const table = await screen.findByRole('region', { name: 'Cases due for a retention decision' });
    expect(within(table).getByText('230101001')).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Release 230101001' })).toBeNull();
    await user.type(screen.getByLabelText('Reason for decisions (recorded)'), 'Past retention');
    await user.click(within(table).getByRole('button', { name: 'Dispose 230101001' }));
    expect(sent).toHaveLength(1);
    await user.click(within(table).getByRole('button', { name: 'Dispose' }));
    await waitFor(() => expect(screen.getByText('Nothing is due.')).toBeInTheDocument());
    expect(sent).toEqual([
      {
        url: expect.stringMatching(/\/correspondence\/retention\/rules\/foi$/),
        body: { keepYears: 6, action: 'Anonymise', automatic: false, version: null },
      },
      {
        url: expect.stringMatching(/\/correspondence\/retention\/cases\/case-9\/dispose$/),
        body: { reason: 'Past retention' },
      },
    ]);
  });
});
