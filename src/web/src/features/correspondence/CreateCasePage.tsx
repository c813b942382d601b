import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formProblem, inlineFields } from '../registry/formErrors';
import { blankToNull, today } from '../registry/format';
import { DateField } from '../registry/RegistryFields';
import { caseTypes, isAppeal, useCreateCaseMutation, useTeamsQuery } from './casesApi';
import '../registry/registry.css';

const fieldNames = [
  'type',
  'subject',
  'requesterName',
  'requesterEmail',
  'receivedOn',
  'managingTeamId',
  'icoDeadline',
] as const;

/** Logs a request received by a manager unit; the server numbers it and works out its deadlines. */
export function CreateCasePage() {
  const navigate = useNavigate();
  const { data: teams } = useTeamsQuery();
  const managerUnits = (teams?.items ?? []).filter((t) => t.kind === 'BusinessUnit' && t.role === 'Manager');
  const [create, { error, isLoading }] = useCreateCaseMutation();
  const [values, setValues] = useState({
    type: '',
    subject: '',
    requesterName: '',
    requesterEmail: '',
    receivedOn: today(),
    managingTeamId: '',
    icoDeadline: '',
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors: Record<string, string[] | undefined> =
    Object.keys(clientErrors).length > 0 ? clientErrors : (problem?.fieldErrors ?? {});
  // With one manager unit there is nothing to choose.
  const managingTeamId = values.managingTeamId || (managerUnits.length === 1 ? (managerUnits[0]?.id ?? '') : '');

  function set(name: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!values.type) found.type = ['Choose the type of case.'];
    if (!values.subject.trim()) found.subject = ['Enter the subject.'];
    if (!values.requesterName.trim()) found.requesterName = ['Enter the requester’s name.'];
    if (values.requesterEmail.trim() && !/^[^@\s]+@[^@\s]+$/.test(values.requesterEmail.trim())) {
      found.requesterEmail = ['Enter an email address like name@example.org, or leave it blank.'];
    }
    if (!values.receivedOn) found.receivedOn = ['Enter the day the request was received.'];
    else if (values.receivedOn > today()) found.receivedOn = ['The received date cannot be in the future.'];
    if (!managingTeamId) found.managingTeamId = ['Choose the manager unit.'];
    if (isAppeal(values.type)) {
      if (!values.icoDeadline) found.icoDeadline = ['Enter the date the Commissioner set.'];
      else if (values.receivedOn && values.icoDeadline < values.receivedOn) {
        found.icoDeadline = ['The Commissioner’s date cannot be before the appeal was received.'];
      }
    }
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await create({
      type: values.type,
      subject: values.subject.trim(),
      requesterName: values.requesterName.trim(),
      requesterEmail: blankToNull(values.requesterEmail),
      receivedOn: values.receivedOn,
      managingTeamId,
      icoDeadline: isAppeal(values.type) ? values.icoDeadline : null,
    });
    if ('data' in result && result.data) {
      await navigate(`/cases/${encodeURIComponent(result.data.id)}`);
    }
  }

  return (
    <Page title="Log a case">
      <p>
        <Link to="/cases">Back to the cases</Link>
      </p>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, fieldNames)} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-label="Log a case">
        <SelectField
          label="Type"
          name="type"
          value={values.type}
          onChange={(e) => set('type', e.target.value)}
          errors={errors.type}
        >
          <option value="">Choose the type</option>
          {caseTypes.map((t) => (
            <option key={t.code} value={t.code}>
              {t.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Subject"
          name="subject"
          maxLength={500}
          value={values.subject}
          onChange={(e) => set('subject', e.target.value)}
          errors={errors.subject}
        />
        <TextField
          label="Requester name"
          name="requesterName"
          maxLength={200}
          autoComplete="off"
          value={values.requesterName}
          onChange={(e) => set('requesterName', e.target.value)}
          errors={errors.requesterName}
        />
        <TextField
          label="Requester email (optional)"
          name="requesterEmail"
          type="email"
          maxLength={320}
          autoComplete="off"
          value={values.requesterEmail}
          onChange={(e) => set('requesterEmail', e.target.value)}
          errors={errors.requesterEmail}
        />
        <DateField
          label="Received on"
          name="receivedOn"
          hint="The deadlines count from this day."
          value={values.receivedOn}
          onChange={(e) => set('receivedOn', e.target.value)}
          errors={errors.receivedOn}
        />
        {isAppeal(values.type) ? (
          <DateField
            label="Commissioner’s deadline"
            name="icoDeadline"
            hint="The date the Information Commissioner set; it becomes the final deadline."
            value={values.icoDeadline}
            onChange={(e) => set('icoDeadline', e.target.value)}
            errors={errors.icoDeadline}
          />
        ) : null}
        <SelectField
          label="Manager unit"
          name="managingTeamId"
          value={managingTeamId}
          onChange={(e) => set('managingTeamId', e.target.value)}
          errors={errors.managingTeamId}
        >
          <option value="">Choose the manager unit</option>
          {managerUnits.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.code})
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={isLoading}>
          Log the case
        </button>
      </form>
    </Page>
  );
}
