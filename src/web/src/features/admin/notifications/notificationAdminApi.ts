import { baseApi, queryParams, type Page } from '../../../api/baseApi';

export const notificationPermissions = { read: 'notifications.read', manage: 'notifications.manage' } as const;

export const channels = ['Email', 'Sms', 'InApp'] as const;
export type Channel = (typeof channels)[number];

export const channelLabels: Record<Channel, string> = { Email: 'E-mail', Sms: 'SMS', InApp: 'In-app' };

export const deliveryStatuses = ['Queued', 'Sending', 'Sent', 'Failed', 'Deferred'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface ChannelTemplate {
  channel: Channel;
  /** 0 is the built-in default. */
  version: number;
  isDefault: boolean;
  subject: string | null;
  body: string;
}

export interface EventTemplates {
  event: string;
  description: string;
  placeholders: string[];
  channels: ChannelTemplate[];
}

export interface TemplateVersion {
  version: number;
  subject: string | null;
  body: string;
  createdAt: string;
  createdBy: string | null;
}

export interface SaveTemplate {
  event: string;
  channel: Channel;
  subject: string | null;
  body: string;
  /** The version the editor started from: a newer one on the server answers 409. */
  version: number;
}

export interface PreviewRequest {
  event: string;
  channel: Channel;
  subject: string | null;
  body: string;
  data: Record<string, string>;
}

export interface TemplatePreview {
  channel: Channel;
  subject: string | null;
  body: string;
}

export interface Delivery {
  id: string;
  requestId: string;
  event: string;
  channel: Channel;
  userId: string | null;
  address: string;
  subject: string | null;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
  providerReference: string | null;
  lastError: string | null;
}

export interface DeliveryFilters {
  status?: string;
  channel?: string;
  event?: string;
  page: number;
  pageSize: number;
}

const templatePath = (event: string, channel: string) =>
  `/notifications/templates/${encodeURIComponent(event)}/${encodeURIComponent(channel)}`;

const tagged = baseApi.enhanceEndpoints({ addTagTypes: ['NotificationTemplates', 'NotificationDeliveries'] });

export const notificationAdminApi = tagged.injectEndpoints({
  endpoints: (build) => ({
    notificationTemplates: build.query<EventTemplates[], void>({
      query: () => '/notifications/templates',
      providesTags: ['NotificationTemplates'],
    }),
    templateVersions: build.query<
      Page<TemplateVersion>,
      { event: string; channel: string; page: number; pageSize: number }
    >({
      query: ({ event, channel, page, pageSize }) => ({
        url: `${templatePath(event, channel)}/versions`,
        params: queryParams({ page, pageSize }),
      }),
      providesTags: ['NotificationTemplates'],
    }),
    saveTemplate: build.mutation<ChannelTemplate, SaveTemplate>({
      query: ({ event, channel, ...body }) => ({ url: templatePath(event, channel), method: 'PUT', body }),
      invalidatesTags: ['NotificationTemplates'],
    }),
    previewTemplate: build.mutation<TemplatePreview, PreviewRequest>({
      query: ({ event, channel, ...body }) => ({
        url: `${templatePath(event, channel)}/preview`,
        method: 'POST',
        body,
      }),
    }),
    notificationDeliveries: build.query<Page<Delivery>, DeliveryFilters>({
      query: ({ status, channel, event, page, pageSize }) => ({
        url: '/notifications/deliveries',
        params: queryParams({ status, channel, event, page, pageSize }),
      }),
      providesTags: ['NotificationDeliveries'],
    }),
    retryDelivery: build.mutation<void, string>({
      query: (id) => ({ url: `/notifications/deliveries/${encodeURIComponent(id)}/retry`, method: 'POST' }),
      invalidatesTags: ['NotificationDeliveries'],
    }),
  }),
});

export const {
  useNotificationTemplatesQuery,
  useTemplateVersionsQuery,
  useSaveTemplateMutation,
  usePreviewTemplateMutation,
  useNotificationDeliveriesQuery,
  useRetryDeliveryMutation,
} = notificationAdminApi;

export function isChannel(value: string | undefined): value is Channel {
  return channels.some((c) => c === value);
}
