import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { adminMe, officerMe } from '../../test/fixtures';
import { api, problem, server } from '../../test/server';
import { renderApp } from '../../test/renderApp';

const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });

function inboxServer() {
  const state = {
    items: [
      {
        id: 'n1',
        event: 'correspondence.case_assigned',
        title: 'Case FOI-1 assigned',
        body: 'Due soon.',
        link: '/cases/c1',
        createdAt: '2026-11-23T10:00:00Z',
        readAt: null as string | null,
      },
      {
        id: 'n2',
        event: 'correspondence.case_closed',
        title: 'Case FOI-0 closed',
        body: 'Granted.',
        link: null,
        createdAt: '2026-11-22T10:00:00Z',
        readAt: '2026-11-22T11:00:00Z',
      },
    ],
    marked: [] as string[],
  };
  server.use(
    http.get(api('/auth/me'), () => HttpResponse.json(officerMe)),
    http.get(api('/notifications/inbox/unread-count'), () =>
      HttpResponse.json({ count: state.items.filter((n) => !n.readAt).length }),
    ),
    http.get(api('/notifications/inbox'), () => HttpResponse.json(page(state.items))),
    http.post(api('/notifications/inbox/:id/read'), ({ params }) => {
      state.marked.push(String(params.id));
      state.items = state.items.map((n) => (n.id === params.id ? { ...n, readAt: '2026-11-23T12:00:00Z' } : n));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return state;
}

describe('notifications', () => {
  it('shows the unread count on the bell and marks a notification read', async () => {
    const state = inboxServer();
    const { user } = renderApp('/notifications');
    expect(await screen.findByRole('link', { name: 'Case FOI-1 assigned' }, { timeout: 5000 })).toHaveAttribute(
      'href',
      '/cases/c1',
    );
    expect(
      await screen.findByRole('link', { name: 'Notifications: 1 unread notification' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Case FOI-0 closed')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark “Case FOI-1 assigned” as read' }));
    await waitFor(() => expect(state.marked).toEqual(['n1']));
    expect(
      await screen.findByRole('link', { name: 'Notifications: 0 unread notifications' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Mark “.*” as read$/ })).not.toBeInTheDocument());
  });

  it('saves channel choices and quiet hours, and shows field errors from the server', async () => {
    const saved: unknown[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(officerMe)),
      http.get(api('/notifications/preferences'), () =>
        HttpResponse.json({
          events: [
            {
              event: 'correspondence.case_assigned',
              description: 'A case was assigned to you.',
              email: true,
              sms: true,
              inApp: true,
            },
          ],
          quietHoursStart: null,
          quietHoursEnd: null,
          default: { start: '21:00', end: '07:00', timeZone: 'UTC' },
          version: 0,
        }),
      ),
      http.put(api('/notifications/preferences'), async ({ request }) => {
        const body = (await request.json()) as { quietHoursEnd: string | null };
        saved.push(body);
        return body.quietHoursEnd
          ? problem(400, 'The request has invalid fields.', { errors: { quietHoursEnd: ['Use HH:mm, e.g. 07:00.'] } })
          : problem(400, 'The request has invalid fields.', {
              errors: { quietHoursEnd: ['Give both ends of the quiet hours, or neither.'] },
            });
      }),
    );
    const { user } = renderApp('/notifications/preferences');
    await user.click(await screen.findByRole('checkbox', { name: 'SMS: A case was assigned to you.' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '22:00' } });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The request has invalid fields.');
    expect(saved).toEqual([
      {
        events: [{ event: 'correspondence.case_assigned', email: true, sms: false, inApp: true }],
        quietHoursStart: '22:00',
        quietHoursEnd: null,
        version: 0,
      },
    ]);
  });

  it('lists the dev mailbox for notification administrators only', async () => {
    server.use(
      http.get(api('/auth/me'), () =>
        HttpResponse.json({ ...adminMe, permissions: [...adminMe.permissions, 'notifications.read'] }),
      ),
      http.get(api('/dev/mailbox'), () =>
        HttpResponse.json(
          page([
            {
              id: 'm1',
              messageId: 'a1',
              channel: 'Sms',
              to: '+254712000001',
              subject: null,
              body: 'LNEMIS: case closed.',
              createdAt: '2026-11-23T10:00:00Z',
            },
            {
              id: 'm2',
              messageId: 'a2',
              channel: 'Email',
              to: 'amina@example.org',
              subject: 'Case closed',
              body: 'Hello',
              createdAt: '2026-11-23T09:00:00Z',
            },
          ]),
        ),
      ),
    );
    renderApp('/admin/dev-mailbox');
    expect(await screen.findByRole('heading', { name: 'SMS to +254712000001' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'E-mail to amina@example.org: Case closed' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dev mailbox' })).toBeInTheDocument();
  });
});
