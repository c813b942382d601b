import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../auth/authApi';
import { adminMe } from '../../../test/fixtures';
import { api, problem, server } from '../../../test/server';
import { renderApp } from '../../../test/renderApp';
import type { EventType, Subscription, WebhookDelivery } from './webhooksApi';

const webhooksMe: Me = { ...adminMe, permissions: ['webhooks.manage'] };

/** A few entries of the server's event catalogue (GET /webhooks/events). */
const catalogue: EventType[] = [
  { name: 'census.approved', module: 'Institutions', description: 'A reviewer approved a census return.', example: {} },
  {
    name: 'census.submitted',
    module: 'Institutions',
    description: 'An institution submitted its census return.',
    example: {},
  },
  {
    name: 'learner.created',
    module: 'Institutions',
    description: 'A learner was registered at an institution.',
    example: {},
  },
  { name: 'payment.pending', module: 'Integrations', description: 'The payer was prompted.', example: { id: 'p-1' } },
];

const page = <T,>(items: T[]) => ({ items, page: 1, pageSize: 20, total: items.length });

function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    id: 'sub-1',
    name: 'Exams board',
    url: 'https://exams.example.org/hooks',
    eventTypes: ['learner.created', 'census.*'],
    scopePath: '/',
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    consecutiveFailures: 0,
    lastDeliveredAt: '2026-11-23T08:00:00Z',
    createdBy: 'admin@lnemis.local',
    createdAt: '2026-11-01T08:00:00Z',
    version: 1,
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'wd-1',
    subscriptionId: 'sub-1',
    eventId: 'ev-1',
    eventType: 'learner.created',
    state: 'Failed',
    attempts: 8,
    createdAt: '2026-11-22T08:00:00Z',
    lastAttemptAt: '2026-11-22T12:00:00Z',
    nextAttemptAt: null,
    deliveredAt: null,
    lastStatusCode: 503,
    lastError: 'Service Unavailable',
    ...overrides,
  };
}

describe('webhooks', () => {
  it('lists subscriptions with why a disabled one stopped, and filters by state', async () => {
    const asked: string[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(webhooksMe)),
      http.get(api('/webhooks/subscriptions'), ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json(
          page([
            subscription(),
            subscription({
              id: 'sub-2',
              name: 'Old receiver',
              enabled: false,
              disabledReason: 'Disabled after 10 failed deliveries in a row (last: HTTP 500).',
            }),
          ]),
        );
      }),
    );
    const { user } = renderApp('/admin/webhooks');
    const table = await screen.findByRole('table', { name: /Webhook subscriptions/ });
    expect(within(table).getByRole('link', { name: 'Exams board' })).toHaveAttribute('href', '/admin/webhooks/sub-1');
    expect(within(table).getByText(/Disabled after 10 failed deliveries/)).toBeInTheDocument();
    expect(within(table).getAllByText('learner.created, census.*')).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText('State'), 'false');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(asked.at(-1)).toBe('?enabled=false&page=1&pageSize=20'));
  });

  it('creates a subscription with the events picked, shows the URL refusal, then the secret once', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(webhooksMe)),
      http.get(api('/webhooks/events'), () => HttpResponse.json({ events: catalogue })),
      http.post(api('/webhooks/subscriptions'), async ({ request }) => {
        const body = (await request.json()) as { url: string };
        bodies.push(body);
        if (body.url.includes('127.0.0.1')) {
          return problem(400, 'The request has invalid fields.', {
            errors: { url: ['The address resolves to a loopback address, which webhooks may not reach.'] },
          });
        }
        return HttpResponse.json({ subscription: subscription(), secret: 'whsec_s3cr3t' }, { status: 201 });
      }),
    );
    const { user } = renderApp('/admin/webhooks/new');
    const form = await screen.findByRole('form', { name: 'New webhook subscription' });
    await user.click(within(form).getByRole('button', { name: 'Create subscription' }));
    expect(within(form).getByRole('group', { name: 'Events' })).toHaveAccessibleDescription(
      /Error: Choose at least one event type\./,
    );
    expect(bodies).toEqual([]);

    // Pasted rather than typed key by key: the text is what matters here, and typing is slow on a busy machine.
    await user.click(within(form).getByLabelText('Name'));
    await user.paste('Exams board');
    await user.click(within(form).getByLabelText('Address (URL)'));
    await user.paste('https://127.0.0.1/hooks');
    await user.click(await within(form).findByRole('checkbox', { name: /^learner\.created — / }));
    await user.click(within(form).getByRole('checkbox', { name: 'Every census event (census.*)' }));
    await user.click(within(form).getByLabelText('Other event types (optional)'));
    await user.paste('census.reminder_overdue');
    await user.click(within(form).getByRole('button', { name: 'Create subscription' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('Address (URL)')).toHaveAccessibleDescription(/Error: .*loopback address/),
    );
    expect(bodies).toEqual([
      {
        name: 'Exams board',
        url: 'https://127.0.0.1/hooks',
        // In the catalogue's order (by name), then the typed ones.
        eventTypes: ['census.*', 'learner.created', 'census.reminder_overdue'],
      },
    ]);

    const url = within(form).getByLabelText('Address (URL)');
    await user.clear(url);
    await user.paste('https://exams.example.org/hooks');
    await user.click(within(form).getByRole('button', { name: 'Create subscription' }));
    expect(await screen.findByText('This is the only time the secret is shown.')).toBeInTheDocument();
    expect(screen.getByLabelText('Signing secret')).toHaveValue('whsec_s3cr3t');
    await user.click(screen.getByRole('button', { name: 'Copy the secret' }));
    expect(await screen.findByText('The secret is on the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('whsec_s3cr3t');
    expect(screen.getByRole('link', { name: 'Go to Exams board' })).toHaveAttribute('href', '/admin/webhooks/sub-1');
  });

  it('offers the events of the server catalogue, with what each means, grouped by family', async () => {
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(webhooksMe)),
      http.get(api('/webhooks/events'), () => HttpResponse.json({ events: catalogue })),
    );
    renderApp('/admin/webhooks/new');
    const events = await screen.findByRole('group', { name: 'Events' });
    await within(events).findByRole('checkbox', { name: 'payment.pending — The payer was prompted.' });
    expect(
      within(events)
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).value),
    ).toEqual(['*', 'census.*', 'census.approved', 'census.submitted', 'learner.created', 'payment.pending']);
  });

  it('shows why a subscription was disabled, enables it again and resends a delivery', async () => {
    let current = subscription({
      enabled: false,
      consecutiveFailures: 10,
      disabledReason: 'Disabled after 10 failed deliveries in a row (last: HTTP 503).',
      disabledAt: '2026-11-22T12:00:00Z',
    });
    let log = [
      delivery(),
      delivery({ id: 'wd-2', state: 'Pending', eventType: 'census.submitted', lastStatusCode: null, lastError: null }),
    ];
    const actions: string[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(webhooksMe)),
      http.get(api('/webhooks/subscriptions/sub-1'), () => HttpResponse.json(current)),
      http.get(api('/webhooks/subscriptions/sub-1/deliveries'), () => HttpResponse.json(page(log))),
      http.post(api('/webhooks/subscriptions/sub-1/enable'), () => {
        actions.push('enable');
        current = subscription();
        return HttpResponse.json(current);
      }),
      http.post(api('/webhooks/deliveries/:id/resend'), ({ params }) => {
        actions.push(`resend ${String(params.id)}`);
        log = log.map((d) => (d.id === params.id ? { ...d, state: 'Pending' } : d));
        return HttpResponse.json({ id: params.id, eventId: 'ev-1', state: 'Pending' }, { status: 202 });
      }),
    );
    const { user } = renderApp('/admin/webhooks/sub-1');
    expect(await screen.findByText('This subscription is disabled.')).toBeInTheDocument();
    expect(screen.getByText(/Disabled after 10 failed deliveries in a row \(last: HTTP 503\)\./)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /Deliveries of Exams board/ });
    expect(within(table).getByText('HTTP 503: Service Unavailable')).toBeInTheDocument();
    // Only a delivered or failed delivery can be resent, and not while the subscription is disabled.
    const resend = within(table).getByRole('button', { name: /^Resend the learner.created event/ });
    expect(resend).toBeDisabled();
    expect(within(table).queryByRole('button', { name: /^Resend the census.submitted event/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Enable again' }));
    await waitFor(() => expect(screen.queryByText('This subscription is disabled.')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Disable' })).toBeInTheDocument();

    await waitFor(() =>
      expect(within(table).getByRole('button', { name: /^Resend the learner.created event/ })).toBeEnabled(),
    );
    await user.click(within(table).getByRole('button', { name: /^Resend the learner.created event/ }));
    expect(
      await screen.findByText('The learner.created event will be sent again, with the same event id.'),
    ).toBeInTheDocument();
    expect(actions).toEqual(['enable', 'resend wd-1']);
    // The log is asked again: the resent delivery is pending, with no resend button.
    await waitFor(() =>
      expect(
        within(table).queryByRole('button', { name: /^Resend the learner.created event/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('is refused, and its link hidden, without webhooks.manage', async () => {
    server.use(http.get(api('/auth/me'), () => HttpResponse.json({ ...adminMe, permissions: ['payments.read'] })));
    renderApp('/admin/webhooks/new');
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Webhooks' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: 'Payments' })).toBeInTheDocument();
  });
});
