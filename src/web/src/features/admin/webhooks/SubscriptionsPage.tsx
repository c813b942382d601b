import { Link } from 'react-router';
import { toProblem } from '../../../api/problem';
import { SelectField } from '../../../components/fields';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { useUrlFilters } from '../../registry/useUrlFilters';
import { SubscriptionState } from './WebhookParts';
import { useSubscriptionsQuery } from './webhooksApi';
import { FilterButtons } from '../../../components/FilterButtons';

const pageSize = 20;
const filterNames = ['enabled'] as const;

/** Webhook subscriptions the user manages; disabled ones say why. */
export function SubscriptionsPage() {
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data, error, isLoading, isFetching } = useSubscriptionsQuery({
    enabled: filters.enabled || undefined,
    page,
    pageSize,
  });
  return (
    <Page title="Webhooks" lead="Other systems are told about events through signed HTTPS requests to their address.">
      <p>
        <Link to="/admin/webhooks/new" className="button">
          New subscription
        </Link>
      </p>
      <form className="filter-form" role="search" aria-label="Filter subscriptions" onSubmit={submit}>
        <SelectField
          label="State"
          name="enabled"
          value={draft.enabled}
          onChange={(e) => setDraft({ ...draft, enabled: e.target.value })}
        >
          <option value="">Enabled and disabled</option>
          <option value="true">Enabled</option>
          <option value="false">Disabled</option>
        </SelectField>
        <FilterButtons active={Boolean(active)} onClear={() => go({}, 1)} />
      </form>
      <ProblemAlert problem={toProblem(error)} />
      {isLoading ? <p role="status">Loading subscriptions…</p> : null}
      {data ? (
        <>
          <TableWrap label="Subscriptions" busy={isFetching}>
            <table>
              <caption className="visually-hidden">Webhook subscriptions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Address</th>
                  <th scope="col">Events</th>
                  <th scope="col">Place</th>
                  <th scope="col">State</th>
                  <th scope="col">Last delivered</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id}>
                    <td className="wrap">
                      <Link to={`/admin/webhooks/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                    </td>
                    <td className="wrap">{s.url}</td>
                    <td className="wrap">{s.eventTypes.join(', ')}</td>
                    <td>{s.scopePath}</td>
                    <td className="wrap">
                      <SubscriptionState subscription={s} />
                      {s.disabledReason ? <span className="muted small"> {s.disabledReason}</span> : null}
                    </td>
                    <td className="nowrap">{formatDateTime(s.lastDeliveredAt)}</td>
                  </tr>
                ))}
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={6}>
                      {active ? 'No subscriptions match the filter.' : 'There are no subscriptions yet.'}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </TableWrap>
          <Pagination label="Subscriptions pages" data={data} onPageChange={(p) => go(filters, p)} />
        </>
      ) : null}
    </Page>
  );
}
