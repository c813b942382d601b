import { baseApi, queryParams, type Page } from '../../api/baseApi';

export interface InAppNotification {
  id: string;
  event: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface EventPreference {
  event: string;
  description?: string;
  email: boolean;
  sms: boolean;
  inApp: boolean;
}

export interface NotificationPreferences {
  events: EventPreference[];
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  default: { start: string | null; end: string | null; timeZone: string };
  version: number;
}

export interface SavePreferences {
  events: EventPreference[];
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  version: number;
}

export interface DevMailboxMessage {
  id: string;
  messageId: string;
  channel: 'Email' | 'Sms';
  to: string;
  subject: string | null;
  body: string;
  createdAt: string;
}

const inboxTags = baseApi.enhanceEndpoints({ addTagTypes: ['Inbox', 'NotificationPreferences', 'DevMailbox'] });

export const notificationsApi = inboxTags.injectEndpoints({
  endpoints: (build) => ({
    unreadCount: build.query<{ count: number }, void>({
      query: () => '/notifications/inbox/unread-count',
      providesTags: ['Inbox'],
    }),
    inbox: build.query<Page<InAppNotification>, { page: number; pageSize: number; unread?: boolean }>({
      query: ({ page, pageSize, unread }) => ({
        url: '/notifications/inbox',
        params: queryParams({ page, pageSize, unread: unread ? 'true' : undefined }),
      }),
      providesTags: ['Inbox'],
    }),
    markRead: build.mutation<void, string>({
      query: (id) => ({ url: `/notifications/inbox/${id}/read`, method: 'POST' }),
      invalidatesTags: ['Inbox'],
    }),
    markAllRead: build.mutation<{ marked: number }, void>({
      query: () => ({ url: '/notifications/inbox/read-all', method: 'POST' }),
      invalidatesTags: ['Inbox'],
    }),
    preferences: build.query<NotificationPreferences, void>({
      query: () => '/notifications/preferences',
      providesTags: ['NotificationPreferences'],
    }),
    savePreferences: build.mutation<NotificationPreferences, SavePreferences>({
      query: (body) => ({ url: '/notifications/preferences', method: 'PUT', body }),
      invalidatesTags: ['NotificationPreferences'],
    }),
    devMailbox: build.query<Page<DevMailboxMessage>, { page: number; pageSize: number }>({
      query: ({ page, pageSize }) => ({ url: '/dev/mailbox', params: queryParams({ page, pageSize }) }),
      providesTags: ['DevMailbox'],
    }),
  }),
});

export const {
  useUnreadCountQuery,
  useInboxQuery,
  useMarkReadMutation,
  useMarkAllReadMutation,
  usePreferencesQuery,
  useSavePreferencesMutation,
  useDevMailboxQuery,
} = notificationsApi;
