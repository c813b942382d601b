import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorStatus, isFetchBaseQueryError, toProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { errorsAt, formProblem, inlineFields } from './formErrors';
import { blankToNull, codeList } from './format';
import { InstitutionSelect } from './InstitutionSelect';
import {
  learnerName,
  sexes,
  useCreateLearnerMutation,
  useLearnerQuery,
  useUpdateLearnerMutation,
  type DuplicateCandidate,
  type LearnerDetail,
  type LearnerFields,
  type Sex,
} from './learnersApi';
import { InstitutionLink } from './Names';
import { CheckboxField, DateField } from './RegistryFields';
import './registry.css';

const maxGuardians = 5;

const inline = [
  'givenName',
  'familyName',
  'otherNames',
  'sex',
  'dateOfBirth',
  'hasBirthCertificate',
  'specialNeeds',
  'nationalId',
  'institutionId',
  'guardians',
  'guardians[].name',
  'guardians[].relationship',
  'guardians[].phone',
  'guardians[].email',
];

interface GuardianValues {
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

interface FormValues {
  givenName: string;
  familyName: string;
  otherNames: string;
  sex: string;
  dateOfBirth: string;
  hasBirthCertificate: boolean;
  specialNeeds: string;
  nationalId: string;
  institutionId: string;
  guardians: GuardianValues[];
}

function initialValues(learner: LearnerDetail | undefined, institutionId: string): FormValues {
  return {
    givenName: learner?.givenName ?? '',
    familyName: learner?.familyName ?? '',
    otherNames: learner?.otherNames ?? '',
    sex: learner?.sex ?? '',
    dateOfBirth: learner?.dateOfBirth ?? '',
    hasBirthCertificate: learner?.hasBirthCertificate ?? false,
    specialNeeds: learner?.specialNeeds.join(' ') ?? '',
    nationalId: '',
    institutionId: learner?.institutionId ?? institutionId,
    guardians: (learner?.guardians ?? []).map((g) => ({
      name: g.name,
      relationship: g.relationship,
      phone: g.phone ?? '',
      email: g.email ?? '',
    })),
  };
}

/** The possible duplicates of a 409 answer to POST /learners, if that is what the error is. */
function duplicatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!isFetchBaseQueryError(error) || errorStatus(error) !== 409) return null;
  const data: unknown = 'data' in error ? error.data : undefined;
  if (typeof data !== 'object' || data === null || !('duplicates' in data)) return null;
  const list = (data as { duplicates: unknown }).duplicates;
  return Array.isArray(list) ? (list as DuplicateCandidate[]) : null;
}

function DuplicatesAlert({
  duplicates,
  detail,
  busy,
  onConfirm,
}: {
  duplicates: DuplicateCandidate[];
  detail: string | undefined;
  busy: boolean;
  onConfirm: () => void;
}) {
  return (
    <div className="alert" role="alert" aria-labelledby="duplicates-title">
      <p className="alert__title" id="duplicates-title">
        This learner may already be registered
      </p>
      <p>{detail ?? 'A learner with a similar name, the same sex and date of birth is registered in this district.'}</p>
      <TableWrap label="Possible duplicates">
        <table>
          <caption className="visually-hidden">Learners who may be the same person</caption>
          <thead>
            <tr>
              <th scope="col">Learner number</th>
              <th scope="col">Name</th>
              <th scope="col">Institution code</th>
              <th scope="col">
                <span className="visually-hidden">Record</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {duplicates.map((candidate) => (
              <tr key={candidate.learnerNumber}>
                <td className="nowrap">{candidate.learnerNumber}</td>
                <td>
                  {candidate.givenName || candidate.familyName ? (
                    learnerName(candidate)
                  ) : (
                    <span className="muted">Not visible to you</span>
                  )}
                </td>
                <td>{candidate.institutionCode}</td>
                <td>
                  {candidate.id ? (
                    <Link to={`/registry/learners/${encodeURIComponent(candidate.id)}`}>
                      Open {learnerName(candidate) || candidate.learnerNumber}
                    </Link>
                  ) : (
                    <span className="muted">Ask the school that registered them</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        If one of them is this learner, open that record instead (transfer them if they changed school). If this is
        another person, register them anyway.
      </p>
      <button type="button" className="button" disabled={busy} onClick={onConfirm}>
        This is a different learner: register anyway
      </button>
    </div>
  );
}

interface LearnerFormProps {
  learner?: LearnerDetail;
  initialInstitutionId?: string;
  submitLabel: string;
  busy: boolean;
  error: Parameters<typeof formProblem>[0];
  onSubmit: (fields: LearnerFields) => Promise<void>;
}

function LearnerForm({ learner, initialInstitutionId = '', submitLabel, busy, error, onSubmit }: LearnerFormProps) {
  const [values, setValues] = useState(() => initialValues(learner, initialInstitutionId));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [lastSent, setLastSent] = useState<LearnerFields | null>(null);
  const duplicates = duplicatesOf(error);
  const problem = duplicates ? undefined : formProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  function set<K extends keyof FormValues>(name: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function setGuardian(index: number, field: keyof GuardianValues, value: string) {
    set(
      'guardians',
      values.guardians.map((g, i) => (i === index ? { ...g, [field]: value } : g)),
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!values.givenName.trim()) found.givenName = ['Enter the given name.'];
    if (!values.familyName.trim()) found.familyName = ['Enter the family name.'];
    if (!values.sex) found.sex = ['Choose the sex.'];
    if (!values.dateOfBirth) found.dateOfBirth = ['Enter the date of birth.'];
    if (!values.institutionId) found.institutionId = ['Choose the institution.'];
    values.guardians.forEach((g, i) => {
      if (!g.name.trim()) found[`guardians[${i}].name`] = ['Enter the guardian’s name.'];
      if (!g.relationship.trim()) found[`guardians[${i}].relationship`] = ['Enter the relationship.'];
    });
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const fields: LearnerFields = {
      givenName: values.givenName.trim(),
      familyName: values.familyName.trim(),
      otherNames: blankToNull(values.otherNames),
      sex: values.sex as Sex,
      dateOfBirth: values.dateOfBirth,
      hasBirthCertificate: values.hasBirthCertificate,
      specialNeeds: codeList(values.specialNeeds),
      guardians: values.guardians.map((g) => ({
        name: g.name.trim(),
        relationship: g.relationship.trim(),
        phone: blankToNull(g.phone),
        email: blankToNull(g.email),
      })),
      nationalId: blankToNull(values.nationalId),
      institutionId: values.institutionId,
      confirmedNotDuplicate: false,
    };
    setLastSent(fields);
    await onSubmit(fields);
  }

  return (
    <>
      {duplicates && lastSent ? (
        <DuplicatesAlert
          duplicates={duplicates}
          detail={toProblem(error)?.detail}
          busy={busy}
          onConfirm={() => void onSubmit({ ...lastSent, confirmedNotDuplicate: true })}
        />
      ) : null}
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, inline)} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-label={submitLabel}>
        <section aria-labelledby="learner-heading" className="panel">
          <h2 id="learner-heading">Learner</h2>
          <TextField
            label="Given name"
            name="givenName"
            autoComplete="off"
            value={values.givenName}
            onChange={(e) => set('givenName', e.target.value)}
            errors={errors.givenName}
          />
          <TextField
            label="Family name"
            name="familyName"
            autoComplete="off"
            value={values.familyName}
            onChange={(e) => set('familyName', e.target.value)}
            errors={errors.familyName}
          />
          <TextField
            label="Other names (optional)"
            name="otherNames"
            autoComplete="off"
            value={values.otherNames}
            onChange={(e) => set('otherNames', e.target.value)}
            errors={errors.otherNames}
          />
          <SelectField
            label="Sex"
            name="sex"
            value={values.sex}
            onChange={(e) => set('sex', e.target.value)}
            errors={errors.sex}
          >
            <option value="">Choose</option>
            {sexes.map((sex) => (
              <option key={sex} value={sex}>
                {sex}
              </option>
            ))}
          </SelectField>
          <DateField
            label="Date of birth"
            name="dateOfBirth"
            value={values.dateOfBirth}
            onChange={(e) => set('dateOfBirth', e.target.value)}
            errors={errors.dateOfBirth}
          />
          <CheckboxField
            label="A birth certificate has been seen"
            name="hasBirthCertificate"
            checked={values.hasBirthCertificate}
            onChange={(e) => set('hasBirthCertificate', e.target.checked)}
            errors={errors.hasBirthCertificate}
          />
          <TextField
            label="Special needs (optional)"
            name="specialNeeds"
            hint="Codes separated by spaces or commas, for example VISUAL HEARING."
            autoComplete="off"
            spellCheck={false}
            value={values.specialNeeds}
            onChange={(e) => set('specialNeeds', e.target.value)}
            errors={errorsAt(errors, 'specialNeeds')}
          />
          <TextField
            label="National ID (optional)"
            name="nationalId"
            hint={
              learner?.hasNationalId
                ? 'A national ID is stored. Leave this empty to keep it, or enter a new one to replace it.'
                : 'Letters, digits and dashes. It is stored encrypted and every reading is recorded.'
            }
            autoComplete="off"
            spellCheck={false}
            value={values.nationalId}
            onChange={(e) => set('nationalId', e.target.value)}
            errors={errors.nationalId}
          />
          {learner ? (
            <p>
              Institution: <InstitutionLink id={learner.institutionId} />. A move to another institution is a transfer
              of the enrolment.
            </p>
          ) : (
            <InstitutionSelect
              label="Institution"
              name="institutionId"
              value={values.institutionId}
              onChange={(id) => set('institutionId', id)}
              emptyLabel="Choose the institution"
              status="Open"
              errors={errors.institutionId}
            />
          )}
        </section>

        <section aria-labelledby="guardians-heading" className="panel">
          <h2 id="guardians-heading">Guardians</h2>
          {errors.guardians ? (
            <p className="field-error">
              <span className="visually-hidden">Error:</span> {errors.guardians.join(' ')}
            </p>
          ) : null}
          {values.guardians.length === 0 ? <p>No guardian recorded.</p> : null}
          {values.guardians.map((guardian, index) => (
            <fieldset className="fieldset" key={index}>
              <legend>Guardian {index + 1}</legend>
              <TextField
                label="Name"
                name={`guardians[${index}].name`}
                autoComplete="off"
                value={guardian.name}
                onChange={(e) => setGuardian(index, 'name', e.target.value)}
                errors={errors[`guardians[${index}].name`]}
              />
              <TextField
                label="Relationship"
                name={`guardians[${index}].relationship`}
                hint="For example mother, uncle, foster parent."
                autoComplete="off"
                value={guardian.relationship}
                onChange={(e) => setGuardian(index, 'relationship', e.target.value)}
                errors={errors[`guardians[${index}].relationship`]}
              />
              <TextField
                label="Phone (optional)"
                name={`guardians[${index}].phone`}
                type="tel"
                autoComplete="off"
                value={guardian.phone}
                onChange={(e) => setGuardian(index, 'phone', e.target.value)}
                errors={errors[`guardians[${index}].phone`]}
              />
              <TextField
                label="Email address (optional)"
                name={`guardians[${index}].email`}
                type="email"
                autoComplete="off"
                spellCheck={false}
                value={guardian.email}
                onChange={(e) => setGuardian(index, 'email', e.target.value)}
                errors={errors[`guardians[${index}].email`]}
              />
              <p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() =>
                    set(
                      'guardians',
                      values.guardians.filter((_, i) => i !== index),
                    )
                  }
                >
                  Remove guardian {index + 1}
                </button>
              </p>
            </fieldset>
          ))}
          {values.guardians.length < maxGuardians ? (
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  set('guardians', [...values.guardians, { name: '', relationship: '', phone: '', email: '' }])
                }
              >
                Add a guardian
              </button>
            </p>
          ) : (
            <p className="hint">At most {maxGuardians} guardians can be recorded.</p>
          )}
        </section>

        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

export function CreateLearnerPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [create, { isLoading, error }] = useCreateLearnerMutation();

  async function save(fields: LearnerFields) {
    const result = await create(fields);
    if ('data' in result && result.data) {
      await navigate(`/registry/learners/${encodeURIComponent(result.data.id)}`);
    }
  }

  return (
    <Page title="Register a learner">
      <p>
        <Link to="/registry/learners">Back to learners</Link>
      </p>
      <p>The learner number is issued when the learner is registered.</p>
      <LearnerForm
        initialInstitutionId={params.get('institutionId') ?? ''}
        submitLabel="Register learner"
        busy={isLoading}
        error={error}
        onSubmit={save}
      />
    </Page>
  );
}

export function EditLearnerPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: learner, error: loadError, isLoading: loading } = useLearnerQuery(id);
  const [update, { isLoading, error }] = useUpdateLearnerMutation();

  async function save(fields: LearnerFields) {
    if (!learner) return;
    const result = await update({ ...fields, id: learner.id, version: learner.version });
    if ('data' in result && result.data) {
      await navigate(`/registry/learners/${encodeURIComponent(learner.id)}`);
    }
  }

  return (
    <Page title={learner ? `Edit ${learnerName(learner)}` : loading ? 'Edit learner' : 'Learner not found'}>
      <p>
        <Link to={`/registry/learners/${encodeURIComponent(id)}`}>Back to the learner</Link>
      </p>
      {loading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(loadError)} />
      {learner ? (
        <LearnerForm
          key={learner.version}
          learner={learner}
          submitLabel="Save changes"
          busy={isLoading}
          error={error}
          onSubmit={save}
        />
      ) : null}
    </Page>
  );
}
