import { Link, useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useInboxQuery, useMarkAllReadMutation, useMarkReadMutation } from './notificationsApi';

const pageSize = 20;

/** The signed-in person's in-app notifications, newest first; unread ones can be marked read. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unread = params.get('unread') === 'true';
  const { data, error, isFetching } = useInboxQuery({ page, pageSize, unread });
  const [markRead, markReadState] = useMarkReadMutation();
  const [markAllRead, markAllState] = useMarkAllReadMutation();

  return (
    <Page title="Notifications">
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void markAllRead()}
          disabled={markAllState.isLoading}
        >
          Mark all as read
        </button>{' '}
        <Link to={unread ? '/notifications' : '/notifications?unread=true'}>
          {unread ? 'Show all' : 'Show unread only'}
        </Link>{' '}
        · <Link to="/notifications/preferences">Notification settings</Link>
      </p>
      <ProblemAlert problem={toProblem(error ?? markReadState.error ?? markAllState.error)} />
      <ul className="notification-list" aria-busy={isFetching}>
        {data?.items.map((n) => (
          <li key={n.id} className={n.readAt ? 'notification' : 'notification notification--unread'}>
            <h2 className="notification__title">
              {n.readAt ? null : <span className="visually-hidden">Unread: </span>}
              {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
            </h2>
            <p className="notification__body">{n.body}</p>
            <p className="muted">
              {formatDateTime(n.createdAt)}
              {n.readAt ? null : (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => void markRead(n.id)}
                    aria-label={`Mark “${n.title}” as read`}
                  >
                    Mark as read
                  </button>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      {data && data.items.length === 0 ? (
        <p>{unread ? 'You have no unread notifications.' : 'You have no notifications.'}</p>
      ) : null}
      {data ? (
        <Pagination
          label="Notification pages"
          data={data}
          onPageChange={(p) =>
            setParams({ ...(unread ? { unread: 'true' } : {}), ...(p > 1 ? { page: String(p) } : {}) })
          }
        />
      ) : null}
    </Page>
  );
}
