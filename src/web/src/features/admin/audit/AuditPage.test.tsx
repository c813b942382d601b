import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { adminMe } from '../../../test/fixtures';
import { api, server } from '../../../test/server';
import { renderApp } from '../../../test/renderApp';

describe('audit trail', () => {
  it('lists records and shows the chain verification result', async () => {
    let verified = 0;
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(adminMe)),
      http.get(api('/audit'), () =>
        HttpResponse.json({
          items: [
            {
              sequence: 7,
              at: '2026-03-01T10:00:00Z',
              userId: 'u-admin',
              userEmail: 'admin@lnemis.local',
              action: 'GrantAdded',
              entityType: 'User',
              entityId: 'u-officer',
              changes: { role: 'Viewer' },
            },
          ],
          page: 1,
          pageSize: 20,
          total: 1,
        }),
      ),
      http.post(api('/audit/verify'), () => {
        verified++;
        return HttpResponse.json({ valid: false, checked: 7, firstBrokenSequence: 5 });
      }),
    );
    const { user } = renderApp('/admin/audit');
    expect(await screen.findByRole('cell', { name: 'GrantAdded' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Verify chain' }));
    const status = await screen.findByText('The audit chain is broken.');
    expect(status.closest('[role="status"]')).toHaveTextContent('first record that does not match is number 5');
    expect(verified).toBe(1);
  });
});
