import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import {
  usePreferencesQuery,
  useSavePreferencesMutation,
  type EventPreference,
  type NotificationPreferences,
} from './notificationsApi';

type Channel = 'email' | 'sms' | 'inApp';
const channels: { key: Channel; label: string }[] = [
  { key: 'email', label: 'E-mail' },
  { key: 'sms', label: 'SMS' },
  { key: 'inApp', label: 'In the app' },
];

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const [events, setEvents] = useState<EventPreference[]>(saved.events);
  const [start, setStart] = useState(saved.quietHoursStart ?? '');
  const [end, setEnd] = useState(saved.quietHoursEnd ?? '');
  const [save, { isLoading, error, isSuccess }] = useSavePreferencesMutation();

  function toggle(event: string, channel: Channel) {
    setEvents((all) => all.map((e) => (e.event === event ? { ...e, [channel]: !e[channel] } : e)));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save({
      events: events.map(({ event, email, sms, inApp }) => ({ event, email, sms, inApp })),
      quietHoursStart: start || null,
      quietHoursEnd: end || null,
      version: saved.version,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert problem={toProblem(error)} />
      {isSuccess ? <p role="status">Your notification settings are saved.</p> : null}
      <table>
        <caption>Which notifications reach you, and how</caption>
        <thead>
          <tr>
            <th scope="col">Notification</th>
            {channels.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.event}>
              <th scope="row">{e.description ?? e.event}</th>
              {channels.map((c) => (
                <td key={c.key}>
                  <input
                    type="checkbox"
                    checked={e[c.key]}
                    onChange={() => toggle(e.event, c.key)}
                    aria-label={`${c.label}: ${e.description ?? e.event}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>Quiet hours for SMS</legend>
        <p className="hint">
          Text messages wait until the quiet hours end. Leave both empty for the default (
          {saved.default.start && saved.default.end ? `${saved.default.start}–${saved.default.end}` : 'none'},{' '}
          {saved.default.timeZone}); give the same time twice for none.
        </p>
        <label htmlFor="quiet-start">From</label>
        <input id="quiet-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} />
        <label htmlFor="quiet-end">Until</label>
        <input id="quiet-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
      </fieldset>
      <p>
        <button type="submit" className="button" disabled={isLoading}>
          Save settings
        </button>
      </p>
    </form>
  );
}

/** Per-event channel choices and the SMS quiet hours of the signed-in person. */
export function NotificationPreferencesPage() {
  const { data, error } = usePreferencesQuery();
  return (
    <Page title="Notification settings">
      <ProblemAlert problem={toProblem(error)} />
      {data ? <PreferencesForm key={data.version} saved={data} /> : null}
    </Page>
  );
}
