import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorStatus } from '../../api/problem';
import { SelectField, TextField } from '../../components/fields';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { formProblem, inlineFields } from '../registry/formErrors';
import { blankToNull } from '../registry/format';
import { CheckboxGroup, DateField, NumberField, TextAreaField } from '../registry/RegistryFields';
import { ResponderPicker } from './ResponderPicker';
import { ResponseFileField } from './ResponseFileField';
import {
  clearanceStepsOf,
  eventLabel,
  isAppeal,
  useFireCaseEventMutation,
  words,
  type AppealOutcome,
  type CaseDetail,
  type CaseEventBody,
  type CaseOutcome,
  type ClockStopCategory,
  type InformationHeld,
  type Team,
} from './casesApi';

type Input =
  | 'team'
  | 'responder'
  | 'managingTeam'
  | 'reason'
  | 'optionalReason'
  | 'steps'
  | 'responseFile'
  | 'on'
  | 'amount'
  | 'category'
  | 'closure'
  | 'linkedCase'
  | 'message'
  | 'details';

/** What each event asks for (FireCaseEvent's request and the workflow guards); events not listed need nothing. */
const eventInputs: Record<string, Input[]> = {
  assign: ['team', 'responder'],
  reassign: ['team', 'responder'],
  assign_responder: ['responder'],
  transfer_managing_team: ['managingTeam', 'optionalReason'],
  reject: ['reason'],
  request_amends: ['reason'],
  approve_and_bypass: ['reason'],
  delete: ['reason'],
  flag_for_clearance: ['steps'],
  upload_response: ['responseFile'],
  upload_response_and_approve: ['responseFile'],
  mark_responded: ['on'],
  close: ['closure'],
  extend: ['amount', 'on', 'reason'],
  remove_extension: ['on', 'optionalReason'],
  stop_clock: ['on', 'category', 'reason'],
  restart_clock: ['on'],
  link_case: ['linkedCase', 'optionalReason'],
  add_message: ['message'],
  edit: ['details'],
};

/** Every field key the forms show, so that the server's errors for them appear next to them. */
const inlineKeys = [
  'reason',
  'message',
  'teamId',
  'userId',
  'managingTeamId',
  'clearanceSteps',
  'fileId',
  'on',
  'amount',
  'category',
  'linkedCase',
  'closure',
  'subject',
  'requesterName',
  'requesterEmail',
];

const categories: { value: ClockStopCategory; label: string }[] = [
  { value: 'AwaitingClarification', label: 'Awaiting clarification' },
  { value: 'AwaitingIdentification', label: 'Awaiting identification' },
  { value: 'AwaitingAuthority', label: 'Awaiting authority to act' },
  { value: 'Other', label: 'Other' },
];

interface Values {
  teamId: string;
  userId: string;
  managingTeamId: string;
  reason: string;
  steps: string[];
  fileId: string;
  on: string;
  amount: string;
  category: string;
  linkedCase: string;
  message: string;
  informationHeld: string;
  outcome: string;
  appealOutcome: string;
  exemptions: string;
  lateTeam: string;
  subject: string;
  requesterName: string;
  requesterEmail: string;
}

function initialValues(detail: CaseDetail): Values {
  return {
    teamId: '',
    userId: '',
    managingTeamId: '',
    reason: '',
    steps: [],
    fileId: '',
    on: '',
    amount: '',
    category: '',
    linkedCase: '',
    message: '',
    informationHeld: '',
    outcome: '',
    appealOutcome: '',
    exemptions: '',
    lateTeam: '',
    subject: detail.subject,
    requesterName: detail.requesterName,
    requesterEmail: detail.requesterEmail ?? '',
  };
}

function buildBody(eventName: string, detail: CaseDetail, values: Values): CaseEventBody {
  const inputs = eventInputs[eventName] ?? [];
  const body: CaseEventBody = { version: detail.version };
  for (const input of inputs) {
    switch (input) {
      case 'team':
        body.teamId = values.teamId || null;
        break;
      case 'responder':
        body.userId = values.userId || null;
        break;
      case 'managingTeam':
        body.managingTeamId = values.managingTeamId || null;
        break;
      case 'reason':
      case 'optionalReason':
        body.reason = blankToNull(values.reason);
        break;
      case 'steps':
        body.clearanceSteps = values.steps;
        break;
      case 'responseFile':
        body.fileId = values.fileId || null;
        break;
      case 'on':
        body.on = values.on || null;
        break;
      case 'amount':
        body.amount = values.amount.trim() ? Number(values.amount.trim()) : null;
        break;
      case 'category':
        body.category = (values.category || null) as ClockStopCategory | null;
        break;
      case 'linkedCase':
        body.linkedCase = blankToNull(values.linkedCase);
        break;
      case 'message':
        body.message = blankToNull(values.message);
        break;
      case 'closure':
        body.closure = {
          informationHeld: (values.informationHeld || null) as InformationHeld | null,
          outcome: isAppeal(detail.type) ? null : ((values.outcome || null) as CaseOutcome | null),
          appealOutcome: isAppeal(detail.type) ? ((values.appealOutcome || null) as AppealOutcome | null) : null,
          exemptions: values.exemptions
            .split(/[\s,;]+/)
            .map((e) => e.trim())
            .filter(Boolean),
          lateTeam: blankToNull(values.lateTeam),
        };
        break;
      case 'details':
        body.subject = values.subject.trim();
        body.requesterName = values.requesterName.trim();
        body.requesterEmail = values.requesterEmail.trim();
        break;
    }
  }
  return body;
}

/** The checks the server would make anyway, made first so that a slip costs no round trip. */
function check(eventName: string, detail: CaseDetail, values: Values): Record<string, string[]> {
  const inputs = eventInputs[eventName] ?? [];
  const found: Record<string, string[]> = {};
  if (inputs.includes('team') && !values.teamId) found.teamId = ['Choose the responding team.'];
  if (eventName === 'assign_responder' && !values.userId) found.userId = ['Choose the responder.'];
  if (inputs.includes('managingTeam') && !values.managingTeamId) found.managingTeamId = ['Choose the managing team.'];
  if (inputs.includes('reason') && !values.reason.trim()) found.reason = ['Give the reason.'];
  if (inputs.includes('steps') && values.steps.length === 0) found.clearanceSteps = ['Choose at least one step.'];
  if (inputs.includes('responseFile') && !values.fileId) found.fileId = ['Choose or upload the response file.'];
  if (inputs.includes('message') && !values.message.trim()) found.message = ['Write the message.'];
  if (inputs.includes('linkedCase') && !values.linkedCase.trim()) found.linkedCase = ['Enter the case number.'];
  if (inputs.includes('amount') && values.amount.trim() && !/^[1-9]\d*$/.test(values.amount.trim())) {
    found.amount = ['Enter a whole number greater than 0, or leave it blank.'];
  }
  if (inputs.includes('category') && !values.category) found.category = ['Choose why the clock stops.'];
  if (inputs.includes('closure')) {
    if (!values.informationHeld) found.informationHeld = ['Say whether the information is held.'];
    if (isAppeal(detail.type) ? !values.appealOutcome : !values.outcome) found.outcome = ['Choose the outcome.'];
  }
  if (inputs.includes('details')) {
    if (!values.subject.trim()) found.subject = ['Enter the subject.'];
    if (!values.requesterName.trim()) found.requesterName = ['Enter the requester’s name.'];
  }
  return found;
}

export function newKey(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

interface EventFormProps {
  eventName: string;
  detail: CaseDetail;
  responderTeams: Team[];
  managerTeams: Team[];
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** One event's form. Sends the version read and an Idempotency-Key kept until the submission succeeds. */
function EventForm({ eventName, detail, responderTeams, managerTeams, onDone, onCancel, onReload }: EventFormProps) {
  const headingId = useId();
  const [values, setValues] = useState(() => initialValues(detail));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [fire, { error, isLoading, reset }] = useFireCaseEventMutation();
  // The key of the last submission not yet known to have succeeded, with what it sent: a retry of
  // the same submission (a second click, or trying again after a network failure) reuses it.
  const pending = useRef<{ key: string; signature: string } | null>(null);
  const sending = useRef(false);
  const inputs = eventInputs[eventName] ?? [];
  const conflict = errorStatus(error) === 409;
  const problem = conflict ? undefined : formProblem(error);
  const errors: Record<string, string[] | undefined> =
    Object.keys(clientErrors).length > 0 ? clientErrors : (problem?.fieldErrors ?? {});
  const label = eventLabel(eventName);

  function set<K extends keyof Values>(name: K, value: Values[K]) {
    setValues((v) => ({ ...v, [name]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    const found = check(eventName, detail, values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = buildBody(eventName, detail, values);
    const signature = JSON.stringify([eventName, body]);
    if (!pending.current || pending.current.signature !== signature) {
      pending.current = { key: newKey(), signature };
    }
    sending.current = true;
    try {
      const result = await fire({ id: detail.id, eventName, idempotencyKey: pending.current.key, body });
      if ('data' in result && result.data) {
        pending.current = null;
        onDone(`Done: ${label.toLowerCase()}.`);
      }
    } finally {
      sending.current = false;
    }
  }

  const field = (input: Input): ReactNode => {
    switch (input) {
      case 'team':
        return (
          <SelectField
            key={input}
            label="Responding team"
            name="teamId"
            value={values.teamId}
            onChange={(e) => {
              set('teamId', e.target.value);
              set('userId', '');
            }}
            errors={errors.teamId}
          >
            <option value="">Choose the team</option>
            {responderTeams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.code})
              </option>
            ))}
          </SelectField>
        );
      case 'responder':
        return (
          <ResponderPicker
            key={input}
            teamId={eventName === 'assign_responder' ? detail.respondingTeamId : values.teamId || null}
            value={values.userId}
            onChange={(userId) => set('userId', userId)}
            errors={errors.userId}
            required={eventName === 'assign_responder'}
          />
        );
      case 'managingTeam':
        return (
          <SelectField
            key={input}
            label="New managing team"
            name="managingTeamId"
            value={values.managingTeamId}
            onChange={(e) => set('managingTeamId', e.target.value)}
            errors={errors.managingTeamId}
          >
            <option value="">Choose the manager unit</option>
            {managerTeams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.code})
              </option>
            ))}
          </SelectField>
        );
      case 'reason':
      case 'optionalReason':
        return (
          <TextAreaField
            key={input}
            label={input === 'reason' ? 'Reason' : 'Reason (optional)'}
            name="reason"
            value={values.reason}
            onChange={(e) => set('reason', e.target.value)}
            errors={errors.reason}
          />
        );
      case 'steps':
        return (
          <CheckboxGroup
            key={input}
            legend="Clearance steps"
            name="clearanceSteps"
            options={clearanceStepsOf(detail.type).map((s) => ({
              value: s,
              label: detail.flaggedSteps.includes(s) ? `${words(s)} (already flagged)` : words(s),
            }))}
            values={values.steps}
            onChange={(steps) => set('steps', steps)}
            errors={errors.clearanceSteps}
          />
        );
      case 'responseFile':
        return (
          <ResponseFileField
            key={input}
            caseId={detail.id}
            value={values.fileId}
            onChange={(fileId) => set('fileId', fileId)}
            errors={errors.fileId}
          />
        );
      case 'on':
        return (
          <DateField
            key={input}
            label={eventName === 'mark_responded' ? 'Date sent' : 'Date'}
            name="on"
            hint="Leave blank for today."
            value={values.on}
            onChange={(e) => set('on', e.target.value)}
            errors={errors.on}
          />
        );
      case 'amount':
        return (
          <NumberField
            key={input}
            label="Extend by"
            name="amount"
            hint="In the rule’s units (working days for FOI, months for SAR). Leave blank for all the rule still allows."
            value={values.amount}
            onChange={(e) => set('amount', e.target.value)}
            errors={errors.amount}
          />
        );
      case 'category':
        return (
          <SelectField
            key={input}
            label="Why the clock stops"
            name="category"
            value={values.category}
            onChange={(e) => set('category', e.target.value)}
            errors={errors.category}
          >
            <option value="">Choose</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </SelectField>
        );
      case 'linkedCase':
        return (
          <TextField
            key={input}
            label="Case number to link"
            name="linkedCase"
            inputMode="numeric"
            value={values.linkedCase}
            onChange={(e) => set('linkedCase', e.target.value)}
            errors={errors.linkedCase}
          />
        );
      case 'message':
        return (
          <TextAreaField
            key={input}
            label="Message"
            name="message"
            value={values.message}
            onChange={(e) => set('message', e.target.value)}
            errors={errors.message}
          />
        );
      case 'closure':
        return (
          <fieldset key={input} className="fieldset">
            <legend>Closure</legend>
            {errors.closure ? (
              <p className="field-error">
                <span className="visually-hidden">Error:</span> {errors.closure.join(' ')}
              </p>
            ) : null}
            <SelectField
              label="Information held"
              name="informationHeld"
              value={values.informationHeld}
              onChange={(e) => set('informationHeld', e.target.value)}
              errors={errors.informationHeld}
            >
              <option value="">Choose</option>
              <option value="Yes">Yes</option>
              <option value="InPart">In part</option>
              <option value="No">No</option>
            </SelectField>
            {isAppeal(detail.type) ? (
              <SelectField
                label="Commissioner’s decision"
                name="appealOutcome"
                value={values.appealOutcome}
                onChange={(e) => set('appealOutcome', e.target.value)}
                errors={errors.outcome ?? errors.appealOutcome}
                hint="Overturned opens a new case."
              >
                <option value="">Choose</option>
                <option value="Upheld">Upheld</option>
                <option value="UpheldInPart">Upheld in part</option>
                <option value="Overturned">Overturned</option>
              </SelectField>
            ) : (
              <SelectField
                label="Outcome"
                name="outcome"
                value={values.outcome}
                onChange={(e) => set('outcome', e.target.value)}
                errors={errors.outcome}
              >
                <option value="">Choose</option>
                <option value="Granted">Granted</option>
                <option value="RefusedInPart">Refused in part</option>
                <option value="Refused">Refused</option>
              </SelectField>
            )}
            <TextField
              label="Exemptions applied"
              name="exemptions"
              hint="Section codes separated by spaces or commas, e.g. s40 s43."
              value={values.exemptions}
              onChange={(e) => set('exemptions', e.target.value)}
              errors={errors.exemptions}
            />
            {detail.isLate ? (
              <TextField
                label="Team responsible for the delay"
                name="lateTeam"
                value={values.lateTeam}
                onChange={(e) => set('lateTeam', e.target.value)}
                errors={errors.lateTeam}
              />
            ) : null}
          </fieldset>
        );
      case 'details':
        return (
          <div key={input}>
            <TextField
              label="Subject"
              name="subject"
              value={values.subject}
              onChange={(e) => set('subject', e.target.value)}
              errors={errors.subject}
            />
            <TextField
              label="Requester name"
              name="requesterName"
              value={values.requesterName}
              onChange={(e) => set('requesterName', e.target.value)}
              errors={errors.requesterName}
            />
            <TextField
              label="Requester email"
              name="requesterEmail"
              type="email"
              value={values.requesterEmail}
              onChange={(e) => set('requesterEmail', e.target.value)}
              errors={errors.requesterEmail}
            />
          </div>
        );
    }
  };

  return (
    <form className="case-action-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{label}</h3>
      {conflict ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">This case was changed by someone else — reload it and try again.</p>
          <p>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                reset();
                onReload();
              }}
            >
              Reload the case
            </button>
          </p>
        </div>
      ) : Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, inlineKeys)} />
      )}
      {inputs.length === 0 ? <p>Confirm to {label.toLowerCase()} this case.</p> : inputs.map(field)}
      <div className="registry-actions">
        <button type="submit" className="button" disabled={isLoading}>
          {label}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The events the server says the caller may fire now (any of their roles on the case), each with its form. */
export function CaseActions({ detail, teams, onReload }: { detail: CaseDetail; teams: Team[]; onReload: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const events = [...new Set(Object.values(detail.allowedEvents).flat())];
  const responderTeams = unitsFor(detail, teams, 'Responder');
  const managerTeams = unitsFor(detail, teams, 'Manager').filter((t) => t.id !== detail.managingTeamId);

  return (
    <section className="panel" aria-labelledby="case-actions-heading">
      <h2 id="case-actions-heading">Actions</h2>
      {done ? <StatusMessage>{done}</StatusMessage> : null}
      {events.length === 0 ? (
        <p>There is nothing for you to do on this case now.</p>
      ) : (
        <ul className="case-actions__list">
          {events.map((name) => (
            <li key={name}>
              <button
                type="button"
                className={name === 'delete' ? 'button button--danger button--small' : 'button button--small'}
                aria-expanded={open === name}
                onClick={() => {
                  setDone(null);
                  setOpen(open === name ? null : name);
                }}
              >
                {eventLabel(name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && events.includes(open) ? (
        <EventForm
          key={open}
          eventName={open}
          detail={detail}
          responderTeams={responderTeams}
          managerTeams={managerTeams}
          onCancel={() => setOpen(null)}
          onReload={onReload}
          onDone={(message) => {
            setOpen(null);
            setDone(message);
          }}
        />
      ) : null}
    </section>
  );
}

/** Active units of a role in the case's business group (the server refuses any other), found through the team tree. */
function unitsFor(detail: CaseDetail, teams: Team[], role: 'Responder' | 'Manager'): Team[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const groupOf = (id: string | null): string | null => {
    let team = id ? byId.get(id) : undefined;
    for (let i = 0; team?.parentId && i < 5; i++) team = byId.get(team.parentId);
    return team?.id ?? null;
  };
  const group = groupOf(detail.managingTeamId);
  const responders = teams.filter((t) => t.kind === 'BusinessUnit' && t.role === role && t.active !== false);
  const inGroup = group ? responders.filter((t) => groupOf(t.id) === group) : [];
  return inGroup.length > 0 ? inGroup : responders;
}
