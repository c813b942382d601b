import { Link } from 'react-router';
import { useUnreadCountQuery } from './notificationsApi';

/** The header's link to the in-app notifications, with the unread count (checked every minute). */
export function NotificationBell() {
  const { data } = useUnreadCountQuery(undefined, { pollingInterval: 60_000 });
  const count = data?.count ?? 0;
  const label = count === 1 ? '1 unread notification' : `${count} unread notifications`;
  return (
    <Link
      to="/notifications"
      className="button button--header notification-bell"
      aria-label={`Notifications: ${label}`}
    >
      <span aria-hidden="true">🔔</span>
      {count > 0 ? (
        <span className="notification-bell__count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
