import { baseApi, queryParams, type Page } from '../../../api/baseApi';

export const paymentsPermission = 'payments.read';

export const paymentStates = ['Created', 'Pending', 'Paid', 'Failed', 'Cancelled'] as const;
export type PaymentState = (typeof paymentStates)[number];

export const purposeLabels: Record<string, string> = {
  SchoolFee: 'School fee',
  ExamFee: 'Exam fee',
  CertificateRequest: 'Certificate request',
};

export interface Payment {
  id: string;
  purpose: string;
  amountMinor: number;
  currency: string;
  payerReference: string;
  description: string | null;
  method: 'Redirect' | 'Push';
  state: PaymentState;
  gatewayReference: string | null;
  redirectUrl: string | null;
  failureReason: string | null;
  scopePath: string;
  createdAt: string;
  updatedAt: string;
  paidAt: string | null;
  version: number;
}

const tagged = baseApi.enhanceEndpoints({ addTagTypes: ['Payments', 'Payment'] });

export const paymentsApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    payments: build.query<Page<Payment>, { state?: string; payerReference?: string; page: number; pageSize: number }>({
      query: ({ state, payerReference, page, pageSize }) => ({
        url: '/payments',
        params: queryParams({ state, payerReference, page, pageSize }),
      }),
      providesTags: ['Payments'],
    }),
    payment: build.query<Payment, string>({
      query: (id) => `/payments/${encodeURIComponent(id)}`,
      providesTags: (_result, _error, id) => [{ type: 'Payment', id }],
    }),
  }),
});

export const { usePaymentsQuery, usePaymentQuery } = paymentsApi;

/**
 * An amount in minor units shown in its currency: 150000 KES is "KES 1,500.00", 5000 JPY "JPY 5,000"
 * (the currency's own number of decimals, from the ISO 4217 data the browser has).
 */
export function formatAmount(amountMinor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    // A plain space after the code, so that the text reads (and searches) like any other.
    return format.format(amountMinor / 10 ** digits).replace(/\u00a0/g, ' ');
  } catch {
    // Not a well-formed currency code: show what the server holds, unconverted.
    return `${amountMinor} ${currency} (minor units)`;
  }
}

export function stateTagClass(state: PaymentState): string {
  return state === 'Paid' ? 'tag tag--ok' : state === 'Failed' || state === 'Cancelled' ? 'tag tag--failed' : 'tag';
}
