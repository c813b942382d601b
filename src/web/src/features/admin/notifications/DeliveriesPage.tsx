import { useState } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../../api/problem';
import { SelectField, TextField } from '../../../components/fields';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { hasPermission, useMeQuery } from '../../auth/authApi';
import { useUrlFilters } from '../../registry/useUrlFilters';
import {
  channelLabels,
  channels,
  deliveryStatuses,
  notificationPermissions,
  useNotificationDeliveriesQuery,
  useRetryDeliveryMutation,
  type Delivery,
} from './notificationAdminApi';
import { FilterButtons } from '../../../components/FilterButtons';

const pageSize = 20;
const filterNames = ['status', 'channel', 'event'] as const;

function statusTag(status: Delivery['status']) {
  const kind = status === 'Sent' ? 'tag tag--ok' : status === 'Failed' ? 'tag tag--failed' : 'tag';
  return <span className={kind}>{status}</span>;
}

/** Every message sent per recipient and channel; the failures with their error, and a retry for each. */
export function DeliveriesPage() {
  const { data: me } = useMeQuery();
  const canRetry = hasPermission(me, notificationPermissions.manage);
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data, error, isLoading, isFetching } = useNotificationDeliveriesQuery({
    status: filters.status || undefined,
    channel: filters.channel || undefined,
    event: filters.event || undefined,
    page,
    pageSize,
  });
  const [retry, retryState] = useRetryDeliveryMutation();
  const [retried, setRetried] = useState<string | null>(null);
  const failuresOnly = filters.status === 'Failed';

  async function retryNow(delivery: Delivery) {
    setRetried(null);
    const result = await retry(delivery.id);
    if (!('error' in result)) setRetried(delivery.address);
  }

  return (
    <Page title={failuresOnly ? 'Failed deliveries' : 'Deliveries'}>
      <p>
        <Link to="/admin/notifications/templates">Templates</Link> ·{' '}
        {failuresOnly ? (
          <Link to="/admin/notifications/deliveries">All deliveries</Link>
        ) : (
          <Link to="/admin/notifications/deliveries?status=Failed">Failures only</Link>
        )}
      </p>
      <form className="filter-form" role="search" aria-label="Filter deliveries" onSubmit={submit}>
        <SelectField
          label="Status"
          name="status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.target.value })}
        >
          <option value="">Any status</option>
          {deliveryStatuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Channel"
          name="channel"
          value={draft.channel}
          onChange={(e) => setDraft({ ...draft, channel: e.target.value })}
        >
          <option value="">Any channel</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {channelLabels[c]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Event"
          name="event"
          value={draft.event}
          onChange={(e) => setDraft({ ...draft, event: e.target.value.trim() })}
          spellCheck={false}
        />
        <FilterButtons active={Boolean(active)} onClear={() => go({}, 1)} />
      </form>
      {retried ? <StatusMessage>The delivery to {retried} is queued again.</StatusMessage> : null}
      <ProblemAlert problem={toProblem(retryState.error)} />
      <ProblemAlert problem={toProblem(error)} />
      {isLoading ? <p role="status">Loading deliveries…</p> : null}
      {data ? (
        <>
          <TableWrap label="Deliveries" busy={isFetching}>
            <table>
              <caption className="visually-hidden">Deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Event</th>
                  <th scope="col">Channel</th>
                  <th scope="col">To</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((d) => (
                  <tr key={d.id}>
                    <td className="nowrap">{formatDateTime(d.createdAt)}</td>
                    <td className="wrap">
                      {d.event}
                      {d.subject ? <span className="muted small"> {d.subject}</span> : null}
                    </td>
                    <td>{channelLabels[d.channel]}</td>
                    <td className="wrap">{d.address}</td>
                    <td>
                      {statusTag(d.status)}
                      {d.status === 'Sent' && d.sentAt ? (
                        <span className="muted small"> {formatDateTime(d.sentAt)}</span>
                      ) : null}
                      {d.status === 'Queued' || d.status === 'Deferred' ? (
                        <span className="muted small"> next {formatDateTime(d.nextAttemptAt)}</span>
                      ) : null}
                    </td>
                    <td className="numeric">{d.attempts}</td>
                    <td className="wrap">{d.lastError ?? <span className="muted">None</span>}</td>
                    <td className="actions">
                      {canRetry && d.status === 'Failed' ? (
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`Retry the delivery to ${d.address}`}
                          disabled={retryState.isLoading}
                          onClick={() => void retryNow(d)}
                        >
                          Retry
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={8}>
                      {failuresOnly
                        ? 'No delivery has failed.'
                        : active
                          ? 'No deliveries match the filters.'
                          : 'Nothing has been sent yet.'}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </TableWrap>
          <Pagination label="Deliveries pages" data={data} onPageChange={(p) => go(filters, p)} />
        </>
      ) : null}
    </Page>
  );
}
