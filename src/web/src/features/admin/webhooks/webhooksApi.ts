import { baseApi, queryParams, type Page } from '../../../api/baseApi';

export const webhooksPermission = 'webhooks.manage';

/** One event type of the server's catalogue (GET /webhooks/events): what a subscription may name. */
export interface EventType {
  name: string;
  module: string;
  description: string;
  /** The `data` of a delivery of this event. */
  example: unknown;
}

/**
 * The catalogue grouped by family (the part before the first dot), in the server's order: a subscription
 * may name an event, a family ("census.*") or everything ("*").
 */
export function eventFamilies(events: EventType[]): { family: string; events: EventType[] }[] {
  const families = new Map<string, EventType[]>();
  for (const e of events) {
    const family = e.name.split('.')[0] ?? e.name;
    families.set(family, [...(families.get(family) ?? []), e]);
  }
  return [...families].map(([family, members]) => ({ family, events: members }));
}

export const deliveryStates = ['Pending', 'Delivered', 'Failed'] as const;
export type WebhookDeliveryState = (typeof deliveryStates)[number];

export interface Subscription {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  scopePath: string;
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  lastDeliveredAt: string | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

export interface CreateSubscription {
  name: string;
  url: string;
  eventTypes: string[];
  scopePath?: string;
}

export interface CreatedSubscription {
  subscription: Subscription;
  /** Shown only in this answer, never again. */
  secret: string;
}

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  state: WebhookDeliveryState;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
}

const subscriptionPath = (id: string) => `/webhooks/subscriptions/${encodeURIComponent(id)}`;

const tagged = baseApi.enhanceEndpoints({
  addTagTypes: ['WebhookSubscriptions', 'WebhookSubscription', 'WebhookDeliveries'],
});

export const webhooksApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    eventTypes: build.query<EventType[], void>({
      query: () => '/webhooks/events',
      transformResponse: (response: { events: EventType[] }) => response.events,
    }),
    subscriptions: build.query<Page<Subscription>, { enabled?: string; page: number; pageSize: number }>({
      query: ({ enabled, page, pageSize }) => ({
        url: '/webhooks/subscriptions',
        params: queryParams({ enabled, page, pageSize }),
      }),
      providesTags: ['WebhookSubscriptions'],
    }),
    subscription: build.query<Subscription, string>({
      query: (id) => subscriptionPath(id),
      providesTags: (_result, _error, id) => [{ type: 'WebhookSubscription', id }],
    }),
    createSubscription: build.mutation<CreatedSubscription, CreateSubscription>({
      query: (body) => ({ url: '/webhooks/subscriptions', method: 'POST', body }),
      invalidatesTags: ['WebhookSubscriptions'],
    }),
    setSubscriptionEnabled: build.mutation<Subscription, { id: string; enabled: boolean }>({
      query: ({ id, enabled }) => ({
        url: `${subscriptionPath(id)}/${enabled ? 'enable' : 'disable'}`,
        method: 'POST',
      }),
      // Enabling queues the deliveries that waited: the log changes too.
      invalidatesTags: (_result, _error, { id }) => [
        'WebhookSubscriptions',
        'WebhookDeliveries',
        { type: 'WebhookSubscription', id },
      ],
    }),
    deleteSubscription: build.mutation<void, string>({
      query: (id) => ({ url: subscriptionPath(id), method: 'DELETE' }),
      invalidatesTags: (_result, _error, id) => ['WebhookSubscriptions', { type: 'WebhookSubscription', id }],
    }),
    webhookDeliveries: build.query<
      Page<WebhookDelivery>,
      { id: string; state?: string; page: number; pageSize: number }
    >({
      query: ({ id, state, page, pageSize }) => ({
        url: `${subscriptionPath(id)}/deliveries`,
        params: queryParams({ state, page, pageSize }),
      }),
      providesTags: ['WebhookDeliveries'],
    }),
    resendDelivery: build.mutation<{ id: string; eventId: string; state: string }, string>({
      query: (id) => ({ url: `/webhooks/deliveries/${encodeURIComponent(id)}/resend`, method: 'POST' }),
      invalidatesTags: ['WebhookDeliveries'],
    }),
  }),
});

export const {
  useEventTypesQuery,
  useSubscriptionsQuery,
  useSubscriptionQuery,
  useCreateSubscriptionMutation,
  useSetSubscriptionEnabledMutation,
  useDeleteSubscriptionMutation,
  useWebhookDeliveriesQuery,
  useResendDeliveryMutation,
} = webhooksApi;
