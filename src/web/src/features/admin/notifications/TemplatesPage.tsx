import { Link } from 'react-router';
import { toProblem } from '../../../api/problem';
import { SelectField } from '../../../components/fields';
import { Page } from '../../../components/Page';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { hasPermission, useMeQuery } from '../../auth/authApi';
import { useUrlFilters } from '../../registry/useUrlFilters';
import {
  channelLabels,
  channels,
  notificationPermissions,
  useNotificationTemplatesQuery,
} from './notificationAdminApi';
import { FilterButtons } from '../../../components/FilterButtons';

const filterNames = ['event', 'channel'] as const;

export function templateEditorPath(event: string, channel: string): string {
  return `/admin/notifications/templates/${encodeURIComponent(event)}/${encodeURIComponent(channel)}`;
}

/** Every event's message per channel: the text in force, its version, and a way to edit it. */
export function TemplatesPage() {
  const { data: me } = useMeQuery();
  const canEdit = hasPermission(me, notificationPermissions.manage);
  const { filters, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data, error, isLoading, isFetching } = useNotificationTemplatesQuery();
  const rows = (data ?? [])
    .filter((e) => !filters.event || e.event === filters.event)
    .flatMap((e) => e.channels.map((c) => ({ event: e, template: c })))
    .filter((row) => !filters.channel || row.template.channel === filters.channel);

  return (
    <Page
      title="Notification templates"
      lead="The messages people receive for each event, per channel. Saving creates a new version; earlier ones stay in the history."
    >
      <p>
        <Link to="/admin/notifications/deliveries">Deliveries and failures</Link>
      </p>
      <form className="filter-form" role="search" aria-label="Filter templates" onSubmit={submit}>
        <SelectField
          label="Event"
          name="event"
          value={draft.event}
          onChange={(e) => setDraft({ ...draft, event: e.target.value })}
        >
          <option value="">All events</option>
          {data?.map((e) => (
            <option key={e.event} value={e.event}>
              {e.event}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Channel"
          name="channel"
          value={draft.channel}
          onChange={(e) => setDraft({ ...draft, channel: e.target.value })}
        >
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c} value={c}>
              {channelLabels[c]}
            </option>
          ))}
        </SelectField>
        <FilterButtons active={Boolean(active)} onClear={() => go({}, 1)} />
      </form>
      <ProblemAlert problem={toProblem(error)} />
      {isLoading ? <p role="status">Loading templates…</p> : null}
      {data ? (
        <TableWrap label="Templates" busy={isFetching}>
          <table>
            <caption className="visually-hidden">Templates by event and channel</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Channel</th>
                <th scope="col">Version</th>
                <th scope="col">Subject</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ event, template }) => (
                <tr key={`${event.event}/${template.channel}`}>
                  <td className="wrap">
                    {event.event}
                    <br />
                    <span className="muted small">{event.description}</span>
                  </td>
                  <td>{channelLabels[template.channel]}</td>
                  <td>{template.isDefault ? 'Built-in default' : template.version}</td>
                  <td className="wrap">{template.subject ?? <span className="muted">None</span>}</td>
                  <td className="actions">
                    <Link
                      to={templateEditorPath(event.event, template.channel)}
                      aria-label={`${canEdit ? 'Edit' : 'View'} ${channelLabels[template.channel]} template of ${event.event}`}
                    >
                      {canEdit ? 'Edit' : 'View'}
                    </Link>
                  </td>
                </tr>
              ))}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5}>No templates match the filters.</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </Page>
  );
}
