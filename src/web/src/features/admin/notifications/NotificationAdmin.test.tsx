import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../auth/authApi';
import { adminMe } from '../../../test/fixtures';
import { api, problem, server } from '../../../test/server';
import { renderApp } from '../../../test/renderApp';
import type { Delivery, EventTemplates } from './notificationAdminApi';

const managerMe: Me = { ...adminMe, permissions: ['notifications.read', 'notifications.manage'] };
const readerMe: Me = { ...adminMe, permissions: ['notifications.read'] };

const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });

function templates(emailVersion = 0): EventTemplates[] {
  return [
    {
      event: 'correspondence.case_assigned',
      description: 'A case was assigned to you.',
      placeholders: ['caseNumber', 'deadline', 'link', 'recipientName'],
      channels: [
        {
          channel: 'Email',
          version: emailVersion,
          isDefault: emailVersion === 0,
          subject: 'Case {{caseNumber}} assigned',
          body: 'Hello {{recipientName}}',
        },
        { channel: 'Sms', version: 0, isDefault: true, subject: null, body: 'Case {{caseNumber}} is yours.' },
      ],
    },
    {
      event: 'census.reminder_due',
      description: 'A census return is due soon.',
      placeholders: ['round', 'deadline'],
      channels: [{ channel: 'InApp', version: 2, isDefault: false, subject: 'Census due', body: 'Due {{deadline}}' }],
    },
  ];
}

function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'd-1',
    requestId: 'r-1',
    event: 'correspondence.case_assigned',
    channel: 'Email',
    userId: 'u-1',
    address: 'amina@example.org',
    subject: 'Case FOI-1 assigned',
    status: 'Failed',
    attempts: 8,
    createdAt: '2026-11-23T08:00:00Z',
    nextAttemptAt: '2026-11-23T09:00:00Z',
    sentAt: null,
    providerReference: null,
    lastError: 'SMTP 550: mailbox unavailable',
    ...overrides,
  };
}

describe('notification administration', () => {
  it('lists templates by event and channel, and filters them', async () => {
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(readerMe)),
      http.get(api('/notifications/templates'), () => HttpResponse.json(templates())),
    );
    const { user } = renderApp('/admin/notifications/templates');
    const table = await screen.findByRole('table', { name: /Templates/ });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    // A reader may look, not edit.
    expect(
      within(table).getByRole('link', { name: 'View E-mail template of correspondence.case_assigned' }),
    ).toHaveAttribute('href', '/admin/notifications/templates/correspondence.case_assigned/Email');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Notification templates');

    await user.selectOptions(screen.getByLabelText('Channel'), 'Sms');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(
      within(table).getByRole('link', { name: 'View SMS template of correspondence.case_assigned' }),
    ).toBeInTheDocument();
    expect(within(table).queryByText('E-mail')).not.toBeInTheDocument();
  });

  it('saves a new version from the one in force and shows placeholder errors next to the field', async () => {
    let saved = 0;
    const bodies: unknown[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(managerMe)),
      http.get(api('/notifications/templates'), () => HttpResponse.json(templates(saved))),
      http.get(api('/notifications/templates/correspondence.case_assigned/Email/versions'), () =>
        HttpResponse.json(
          page(
            saved > 0
              ? [
                  {
                    version: 1,
                    subject: 'Assigned',
                    body: 'New text',
                    createdAt: '2026-11-23T10:00:00Z',
                    createdBy: null,
                  },
                ]
              : [],
          ),
        ),
      ),
      http.put(api('/notifications/templates/correspondence.case_assigned/Email'), async ({ request }) => {
        const body = (await request.json()) as { body: string };
        bodies.push(body);
        if (body.body.includes('{{caseNumbr}}')) {
          return problem(400, 'The request has invalid fields.', {
            errors: { body: ['Unknown placeholder(s): {{caseNumbr}}. This event has: caseNumber, deadline.'] },
          });
        }
        saved = 1;
        return HttpResponse.json({
          channel: 'Email',
          version: 1,
          isDefault: false,
          subject: 'Assigned',
          body: body.body,
        });
      }),
    );
    const { user } = renderApp('/admin/notifications/templates/correspondence.case_assigned/Email');
    const form = await screen.findByRole('form', { name: 'Template' });
    expect(await screen.findByText(/No version has been saved yet/)).toBeInTheDocument();
    const message = within(form).getByLabelText('Message');
    await user.clear(message);
    await user.click(message);
    await user.paste('Case {{caseNumbr}} is yours');
    await user.clear(within(form).getByLabelText('Subject'));
    await user.click(within(form).getByLabelText('Subject'));
    await user.paste('Assigned');
    await user.click(within(form).getByRole('button', { name: 'Save as a new version' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Message')).toHaveAccessibleDescription(
        /Error: Unknown placeholder\(s\): \{\{caseNumbr\}\}/,
      ),
    );
    expect(bodies).toEqual([{ subject: 'Assigned', body: 'Case {{caseNumbr}} is yours', version: 0 }]);

    const fixed = within(form).getByLabelText('Message');
    await user.clear(fixed);
    await user.click(fixed);
    await user.paste('New text');
    await user.click(within(form).getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByText('Saved as version 1.')).toBeInTheDocument();
    expect(bodies.at(-1)).toEqual({ subject: 'Assigned', body: 'New text', version: 0 });
    // The list and the history refresh: version 1 is in force and in the history.
    expect(await screen.findByText(/In force: version 1/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Copy version 1 into the editor' })).toBeInTheDocument();
  });

  it('previews with sample values, and hides saving from readers', async () => {
    const previews: unknown[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(readerMe)),
      http.get(api('/notifications/templates'), () => HttpResponse.json(templates())),
      http.get(api('/notifications/templates/correspondence.case_assigned/Sms/versions'), () =>
        HttpResponse.json(page([])),
      ),
      http.post(api('/notifications/templates/correspondence.case_assigned/Sms/preview'), async ({ request }) => {
        previews.push(await request.json());
        return HttpResponse.json({ channel: 'Sms', subject: null, body: 'Case FOI-77 is yours.' });
      }),
    );
    const { user } = renderApp('/admin/notifications/templates/correspondence.case_assigned/Sms');
    const form = await screen.findByRole('form', { name: 'Template' });
    expect(within(form).queryByLabelText('Subject')).not.toBeInTheDocument();
    expect(within(form).queryByRole('button', { name: 'Save as a new version' })).not.toBeInTheDocument();
    await user.click(within(form).getByText('Sample values for the preview'));
    await user.click(within(form).getByLabelText('caseNumber'));
    await user.paste('FOI-77');
    await user.click(within(form).getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('Case FOI-77 is yours.');
    expect(previews).toEqual([
      { subject: null, body: 'Case {{caseNumber}} is yours.', data: { caseNumber: 'FOI-77' } },
    ]);
  });

  it('lists failed deliveries with their error and retries one; readers cannot retry', async () => {
    let items = [
      delivery(),
      delivery({
        id: 'd-2',
        status: 'Sent',
        lastError: null,
        sentAt: '2026-11-23T08:01:00Z',
        address: 'b@example.org',
      }),
    ];
    const asked: string[] = [];
    const retried: string[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(managerMe)),
      http.get(api('/notifications/deliveries'), ({ request }) => {
        const search = new URL(request.url).searchParams;
        asked.push(search.toString());
        return HttpResponse.json(page(items.filter((d) => !search.get('status') || d.status === search.get('status'))));
      }),
      http.post(api('/notifications/deliveries/:id/retry'), ({ params }) => {
        retried.push(String(params.id));
        items = items.map((d) => (d.id === params.id ? { ...d, status: 'Queued', attempts: 0 } : d));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user, unmount } = renderApp('/admin/notifications/deliveries?status=Failed');
    expect(await screen.findByRole('heading', { name: 'Failed deliveries' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /Deliveries/ });
    expect(await within(table).findByText('SMTP 550: mailbox unavailable')).toBeInTheDocument();
    expect(within(table).queryByText('b@example.org')).not.toBeInTheDocument();
    expect(asked[0]).toBe('status=Failed&page=1&pageSize=20');

    await user.click(within(table).getByRole('button', { name: 'Retry the delivery to amina@example.org' }));
    expect(await screen.findByText('The delivery to amina@example.org is queued again.')).toBeInTheDocument();
    expect(retried).toEqual(['d-1']);
    // The list is asked again and the retried delivery has left the failures.
    expect(await within(table).findByText('No delivery has failed.')).toBeInTheDocument();
    unmount();

    items = [delivery()];
    server.use(http.get(api('/auth/me'), () => HttpResponse.json(readerMe)));
    renderApp('/admin/notifications/deliveries');
    expect(await screen.findByText('SMTP 550: mailbox unavailable')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument();
  });

  it('refuses the screens and hides their links without notifications.read', async () => {
    server.use(http.get(api('/auth/me'), () => HttpResponse.json({ ...adminMe, permissions: ['users.read'] })));
    renderApp('/admin/notifications/deliveries');
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Deliveries' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Notification templates' })).not.toBeInTheDocument();
  });
});
