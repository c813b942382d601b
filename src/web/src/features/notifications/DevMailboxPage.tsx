import { useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDevMailboxQuery } from './notificationsApi';

const pageSize = 20;

/** What the embedded default "sent": every e-mail and SMS, caught here instead of leaving the machine. */
export function DevMailboxPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isFetching, refetch } = useDevMailboxQuery({ page, pageSize });
  return (
    <Page
      title="Dev mailbox"
      lead="E-mails and text messages are caught here while no mail or SMS provider is configured."
    >
      <p>
        <button type="button" className="button button--secondary" onClick={() => void refetch()} disabled={isFetching}>
          Refresh
        </button>
      </p>
      <ProblemAlert problem={toProblem(error)} />
      <ul className="notification-list" aria-busy={isFetching}>
        {data?.items.map((m) => (
          <li key={m.id} className="notification">
            <h2 className="notification__title">
              {m.channel === 'Sms' ? 'SMS' : 'E-mail'} to {m.to}
              {m.subject ? `: ${m.subject}` : ''}
            </h2>
            <pre className="notification__body">{m.body}</pre>
            <p className="muted">
              {formatDateTime(m.createdAt)} · message id {m.messageId}
            </p>
          </li>
        ))}
      </ul>
      {data && data.items.length === 0 ? <p>The dev mailbox is empty.</p> : null}
      {data ? (
        <Pagination
          label="Dev mailbox pages"
          data={data}
          onPageChange={(p) => setParams(p > 1 ? { page: String(p) } : {})}
        />
      ) : null}
    </Page>
  );
}
