import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../../components/fields';
import { Page } from '../../../components/Page';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CheckboxGroup } from '../../registry/RegistryFields';
import { errorsAt, formProblem, inlineFields } from '../../registry/formErrors';
import { toProblem } from '../../../api/problem';
import {
  eventFamilies,
  useCreateSubscriptionMutation,
  useEventTypesQuery,
  type CreatedSubscription,
  type EventType,
} from './webhooksApi';

/** Everything, then per family: the family (when it has several events) and each event with what it means. */
function eventOptions(events: EventType[]) {
  return [
    { value: '*', label: 'Every event (*)' },
    ...eventFamilies(events).flatMap(({ family, events: members }) => [
      ...(members.length > 1 ? [{ value: `${family}.*`, label: `Every ${family} event (${family}.*)` }] : []),
      ...members.map((e) => ({ value: e.name, label: `${e.name} — ${e.description}` })),
    ]),
  ];
}

const shownFields = ['name', 'url', 'eventTypes', 'scopePath'];

/** The secret, once: it signs every delivery and the server will never show it again. */
function SecretOnce({ created }: { created: CreatedSubscription }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <section aria-labelledby="secret-heading" className="panel">
      <h2 id="secret-heading">Subscription created: copy its secret now</h2>
      <div className="alert alert--warning">
        <p className="alert__title">This is the only time the secret is shown.</p>
        <p>
          Give it to the receiving system, which uses it to check the signature of each delivery. If it is lost, delete
          the subscription and create a new one.
        </p>
      </div>
      <p>
        <label htmlFor="webhook-secret">Signing secret</label>
        <br />
        <input id="webhook-secret" readOnly value={created.secret} size={60} spellCheck={false} />{' '}
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy the secret
        </button>
      </p>
      <p role="status">
        {copied === 'yes' ? 'The secret is on the clipboard.' : null}
        {copied === 'failed' ? 'The browser did not allow copying: select the secret and copy it by hand.' : null}
      </p>
      <p>
        <Link to={`/admin/webhooks/${encodeURIComponent(created.subscription.id)}`}>
          Go to {created.subscription.name}
        </Link>
      </p>
    </section>
  );
}

export function CreateSubscriptionPage() {
  const [create, { error, isLoading, data: created }] = useCreateSubscriptionMutation();
  const catalogue = useEventTypesQuery();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [otherEvents, setOtherEvents] = useState('');
  const [scopePath, setScopePath] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const eventTypes = [...events, ...otherEvents.split(/[\s,]+/).filter(Boolean)];
    const found: Record<string, string[]> = {};
    if (!name.trim()) found.name = ['Give the subscription a name.'];
    if (!url.trim()) found.url = ['Give the address to send events to.'];
    if (eventTypes.length === 0) found.eventTypes = ['Choose at least one event type.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    await create({ name: name.trim(), url: url.trim(), eventTypes, scopePath: scopePath.trim() || undefined });
  }

  if (created) {
    return (
      <Page title="New webhook subscription">
        <SecretOnce created={created} />
      </Page>
    );
  }

  return (
    <Page title="New webhook subscription">
      <p>
        <Link to="/admin/webhooks">Back to webhooks</Link>
      </p>
      <ProblemAlert problem={problem} shownFields={inlineFields(problem, shownFields)} />
      <form className="form" noValidate aria-label="New webhook subscription" onSubmit={(e) => void submit(e)}>
        <TextField
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={errors.name}
        />
        <TextField
          label="Address (URL)"
          name="url"
          type="url"
          hint="An https:// address on the public internet; private and local addresses are refused."
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          errors={errors.url}
          spellCheck={false}
        />
        {catalogue.error ? <ProblemAlert problem={toProblem(catalogue.error)} /> : null}
        <CheckboxGroup
          legend="Events"
          name="eventTypes"
          hint={catalogue.isLoading ? 'Loading the event catalogue…' : undefined}
          options={eventOptions(catalogue.data ?? [])}
          values={events}
          onChange={setEvents}
          errors={errorsAt(errors, 'eventTypes')}
        />
        <TextField
          label="Other event types (optional)"
          name="otherEventTypes"
          hint="Separated by commas, e.g. case.closed, learner.*"
          value={otherEvents}
          onChange={(e) => setOtherEvents(e.target.value)}
          spellCheck={false}
        />
        <TextField
          label="Place (optional)"
          name="scopePath"
          hint="Events of this place and below, like /a1/b2/. Leave empty for your own place."
          value={scopePath}
          onChange={(e) => setScopePath(e.target.value)}
          errors={errors.scopePath}
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={isLoading}>
          {isLoading ? 'Creating…' : 'Create subscription'}
        </button>
      </form>
    </Page>
  );
}
