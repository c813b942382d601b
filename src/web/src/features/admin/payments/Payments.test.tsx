import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../auth/authApi';
import { adminMe } from '../../../test/fixtures';
import { api, problem, server } from '../../../test/server';
import { renderApp } from '../../../test/renderApp';
import { formatAmount, type Payment } from './paymentsApi';

const paymentsMe: Me = { ...adminMe, permissions: ['payments.read'] };

function payment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 'pay-1',
    purpose: 'ExamFee',
    amountMinor: 150000,
    currency: 'KES',
    payerReference: 'LRN-4000000018',
    description: 'KCPE registration',
    method: 'Push',
    state: 'Paid',
    gatewayReference: 'gw-778',
    redirectUrl: null,
    failureReason: null,
    scopePath: '/ln/north/',
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:03:00Z',
    paidAt: '2026-11-20T09:03:00Z',
    version: 2,
    ...overrides,
  };
}

describe('payments', () => {
  it('shows amounts from minor units in the currency’s own decimals', () => {
    expect(formatAmount(150000, 'KES')).toBe('KES 1,500.00');
    expect(formatAmount(5000, 'JPY')).toBe('JPY 5,000');
    expect(formatAmount(1234, 'BHD')).toBe('BHD 1.234');
    expect(formatAmount(12, 'K1')).toBe('12 K1 (minor units)');
  });

  it('lists payments and filters them by state and payer reference', async () => {
    const asked: string[] = [];
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(paymentsMe)),
      http.get(api('/payments'), ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json({ items: [payment()], page: 1, pageSize: 20, total: 1 });
      }),
    );
    const { user } = renderApp('/admin/payments');
    const table = await screen.findByRole('table', { name: /Payments/ });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Exam fee');
    expect(row).toHaveTextContent('KES 1,500.00');
    expect(row).toHaveTextContent('Paid');
    expect(row).toHaveTextContent('LRN-4000000018');

    await user.selectOptions(screen.getByLabelText('State'), 'Failed');
    await user.click(screen.getByLabelText('Payer reference'));
    await user.paste('LRN-4000000018');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(asked.at(-1)).toBe('?state=Failed&payerReference=LRN-4000000018&page=1&pageSize=20'));
  });

  it('shows one payment with its state, why it failed, and its audit trail for auditors', async () => {
    server.use(
      http.get(api('/auth/me'), () =>
        HttpResponse.json({ ...paymentsMe, permissions: ['payments.read', 'audit.read'] }),
      ),
      http.get(api('/payments/pay-1'), () =>
        HttpResponse.json(payment({ state: 'Failed', paidAt: null, failureReason: 'The payer declined the prompt.' })),
      ),
    );
    renderApp('/admin/payments/pay-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Exam fee: KES 1,500.00' })).toBeInTheDocument();
    expect(screen.getByText('The payer declined the prompt.')).toBeInTheDocument();
    expect(screen.getByText('KES 1,500.00 (150000 minor units)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Every change of this payment in the audit trail' })).toHaveAttribute(
      'href',
      '/admin/audit?entityType=Payment&entityId=pay-1',
    );
  });

  it('shows a missing payment as not found, and refuses users without payments.read', async () => {
    server.use(
      http.get(api('/auth/me'), () => HttpResponse.json(paymentsMe)),
      http.get(api('/payments/pay-9'), () => problem(404, 'The payment was not found.')),
    );
    const { unmount } = renderApp('/admin/payments/pay-9');
    expect(await screen.findByRole('alert')).toHaveTextContent('The payment was not found.');
    expect(screen.queryByRole('link', { name: /audit trail/ })).not.toBeInTheDocument();
    unmount();

    server.use(http.get(api('/auth/me'), () => HttpResponse.json({ ...adminMe, permissions: ['webhooks.manage'] })));
    renderApp('/admin/payments');
    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Payments' }),
    ).not.toBeInTheDocument();
  });
});
