import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toProblem } from '../../../api/problem';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { SelectField } from '../../../components/fields';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { SubscriptionState } from './WebhookParts';
import {
  deliveryStates,
  useDeleteSubscriptionMutation,
  useResendDeliveryMutation,
  useSetSubscriptionEnabledMutation,
  useSubscriptionQuery,
  useWebhookDeliveriesQuery,
  type Subscription,
  type WebhookDelivery,
} from './webhooksApi';

const pageSize = 20;

function stateTag(state: WebhookDelivery['state']) {
  const kind = state === 'Delivered' ? 'tag tag--ok' : state === 'Failed' ? 'tag tag--failed' : 'tag';
  return <span className={kind}>{state}</span>;
}

function DeliveryLog({ subscription }: { subscription: Subscription }) {
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, isLoading, isFetching } = useWebhookDeliveriesQuery({
    id: subscription.id,
    state: state || undefined,
    page,
    pageSize,
  });
  const [resend, resendState] = useResendDeliveryMutation();
  const [resent, setResent] = useState<string | null>(null);

  async function resendNow(delivery: WebhookDelivery) {
    setResent(null);
    const result = await resend(delivery.id);
    if (!('error' in result)) setResent(delivery.eventType);
  }

  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Delivery log</h2>
      <div className="filter-form">
        <SelectField
          label="Delivery state"
          name="state"
          value={state}
          onChange={(e) => {
            setState(e.target.value);
            setPage(1);
          }}
        >
          <option value="">Any state</option>
          {deliveryStates.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
      </div>
      {resent ? <StatusMessage>The {resent} event will be sent again, with the same event id.</StatusMessage> : null}
      <ProblemAlert problem={toProblem(resendState.error)} />
      <ProblemAlert problem={toProblem(error)} />
      {isLoading ? <p role="status">Loading the delivery log…</p> : null}
      {data ? (
        <>
          <TableWrap label="Delivery log" busy={isFetching}>
            <table>
              <caption className="visually-hidden">Deliveries of {subscription.name}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Event</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last answer</th>
                  <th scope="col">Next attempt</th>
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
                      {d.eventType}
                      <br />
                      <span className="muted small">event {d.eventId}</span>
                    </td>
                    <td>{stateTag(d.state)}</td>
                    <td className="numeric">{d.attempts}</td>
                    <td className="wrap">
                      {d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : null}
                      {d.lastStatusCode !== null && d.lastError ? ': ' : null}
                      {d.lastError}
                      {d.lastStatusCode === null && !d.lastError ? <span className="muted">None yet</span> : null}
                    </td>
                    <td className="nowrap">{formatDateTime(d.nextAttemptAt)}</td>
                    <td className="actions">
                      {d.state !== 'Pending' ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={`Resend the ${d.eventType} event of ${formatDateTime(d.createdAt)}`}
                          disabled={resendState.isLoading || !subscription.enabled}
                          onClick={() => void resendNow(d)}
                        >
                          Resend
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={7}>{state ? 'No deliveries in this state.' : 'No event has been sent yet.'}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </TableWrap>
          <Pagination label="Delivery log pages" data={data} onPageChange={setPage} />
        </>
      ) : null}
    </section>
  );
}

export function SubscriptionDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: subscription, error, isLoading } = useSubscriptionQuery(id);
  const [setEnabled, enableState] = useSetSubscriptionEnabledMutation();
  const [remove, removeState] = useDeleteSubscriptionMutation();

  async function removeNow() {
    const result = await remove(id);
    if (!('error' in result)) await navigate('/admin/webhooks');
  }

  return (
    <Page title={subscription ? subscription.name : 'Webhook subscription'}>
      <p>
        <Link to="/admin/webhooks">Back to webhooks</Link>
      </p>
      {isLoading ? <p role="status">Loading the subscription…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {subscription ? (
        <>
          {!subscription.enabled ? (
            <div className="alert alert--warning">
              <p className="alert__title">This subscription is disabled.</p>
              <p>
                {subscription.disabledReason ?? 'No reason was recorded.'}
                {subscription.disabledAt ? ` (since ${formatDateTime(subscription.disabledAt)})` : null}
              </p>
              <p>Events still wait for it; enable it again once the receiver works, and they will be sent.</p>
            </div>
          ) : null}
          <section aria-labelledby="subscription-heading">
            <h2 id="subscription-heading" className="visually-hidden">
              Subscription
            </h2>
            <dl className="summary">
              <div>
                <dt>State</dt>
                <dd>
                  <SubscriptionState subscription={subscription} />
                </dd>
              </div>
              <div>
                <dt>Address</dt>
                <dd>{subscription.url}</dd>
              </div>
              <div>
                <dt>Events</dt>
                <dd>{subscription.eventTypes.join(', ')}</dd>
              </div>
              <div>
                <dt>Place</dt>
                <dd>{subscription.scopePath}</dd>
              </div>
              <div>
                <dt>Failures in a row</dt>
                <dd>{subscription.consecutiveFailures}</dd>
              </div>
              <div>
                <dt>Last delivered</dt>
                <dd>{formatDateTime(subscription.lastDeliveredAt)}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>
                  {formatDateTime(subscription.createdAt)} by {subscription.createdBy}
                </dd>
              </div>
            </dl>
            <ProblemAlert problem={toProblem(enableState.error ?? removeState.error)} />
            <p>
              <button
                type="button"
                className={subscription.enabled ? 'button button--secondary' : 'button'}
                disabled={enableState.isLoading}
                onClick={() => void setEnabled({ id, enabled: !subscription.enabled })}
              >
                {subscription.enabled ? 'Disable' : 'Enable again'}
              </button>{' '}
              <ConfirmButton
                label="Delete"
                question={`Delete ${subscription.name}? No more events will be sent to it.`}
                confirmLabel="Yes, delete it"
                danger
                disabled={removeState.isLoading}
                onConfirm={() => void removeNow()}
              />
            </p>
          </section>
          <DeliveryLog subscription={subscription} />
        </>
      ) : null}
    </Page>
  );
}
