import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { errorsAt, formProblem, inlineFields } from './formErrors';
import { blankToNull, label, parseNumber, personName } from './format';
import { InstitutionSelect } from './InstitutionSelect';
import { sexes, type Sex } from './learnersApi';
import { InstitutionLink } from './Names';
import { CheckboxGroup, DateField, NumberField } from './RegistryFields';
import {
  staffCategories,
  useCreateStaffMemberMutation,
  useStaffMemberQuery,
  useUpdateStaffMemberMutation,
  type StaffCategory,
  type StaffDetail,
  type StaffFields,
} from './staffApi';
import { useLevelsQuery } from './structureApi';
import './registry.css';

const inline = [
  'staffNumber',
  'givenName',
  'familyName',
  'sex',
  'dateOfBirth',
  'category',
  'phone',
  'email',
  'institutionId',
  'position',
  'teachingLevel',
  'startsOn',
  'qualifications',
  'qualifications[].name',
  'qualifications[].year',
  'qualifications[].levels',
];

interface QualificationValues {
  name: string;
  year: string;
  levels: string[];
}

interface FormValues {
  staffNumber: string;
  givenName: string;
  familyName: string;
  sex: string;
  dateOfBirth: string;
  category: string;
  phone: string;
  email: string;
  institutionId: string;
  position: string;
  teachingLevel: string;
  startsOn: string;
  qualifications: QualificationValues[];
}

function initialValues(member: StaffDetail | undefined): FormValues {
  return {
    staffNumber: member?.staffNumber ?? '',
    givenName: member?.givenName ?? '',
    familyName: member?.familyName ?? '',
    sex: member?.sex ?? '',
    dateOfBirth: member?.dateOfBirth ?? '',
    category: member?.category ?? '',
    phone: member?.phone ?? '',
    email: member?.email ?? '',
    institutionId: member?.institutionId ?? '',
    position: '',
    teachingLevel: '',
    startsOn: '',
    qualifications: (member?.qualifications ?? []).map((q) => ({
      name: q.name,
      year: q.year?.toString() ?? '',
      levels: q.levels,
    })),
  };
}

interface StaffFormProps {
  member?: StaffDetail;
  submitLabel: string;
  busy: boolean;
  error: Parameters<typeof formProblem>[0];
  onSubmit: (fields: StaffFields) => Promise<void>;
}

function StaffForm({ member, submitLabel, busy, error, onSubmit }: StaffFormProps) {
  const { data: levels, error: levelsError } = useLevelsQuery();
  const [values, setValues] = useState(() => initialValues(member));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };
  const levelOptions = (levels ?? []).map((level) => ({ value: level.code, label: level.name }));

  function set<K extends keyof FormValues>(name: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function setQualification(index: number, change: Partial<QualificationValues>) {
    set(
      'qualifications',
      values.qualifications.map((q, i) => (i === index ? { ...q, ...change } : q)),
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!values.staffNumber.trim()) found.staffNumber = ['Enter the staff number.'];
    if (!values.givenName.trim()) found.givenName = ['Enter the given name.'];
    if (!values.familyName.trim()) found.familyName = ['Enter the family name.'];
    if (!values.sex) found.sex = ['Choose the sex.'];
    if (!values.dateOfBirth) found.dateOfBirth = ['Enter the date of birth.'];
    if (!values.category) found.category = ['Choose the category.'];
    if (!values.institutionId) found.institutionId = ['Choose the institution.'];
    const qualifications = values.qualifications.map((q, i) => {
      if (!q.name.trim()) found[`qualifications[${i}].name`] = ['Enter the name of the qualification.'];
      const year = parseNumber(q.year);
      if (Number.isNaN(year) || (year !== null && !Number.isInteger(year)))
        found[`qualifications[${i}].year`] = ['Enter a year, for example 2015.'];
      return { name: q.name.trim(), year, levels: q.levels };
    });
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    await onSubmit({
      staffNumber: values.staffNumber.trim(),
      givenName: values.givenName.trim(),
      familyName: values.familyName.trim(),
      sex: values.sex as Sex,
      dateOfBirth: values.dateOfBirth,
      category: values.category as StaffCategory,
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      qualifications,
      institutionId: values.institutionId,
      position: member ? null : blankToNull(values.position),
      teachingLevel: member ? null : blankToNull(values.teachingLevel),
      startsOn: member ? null : blankToNull(values.startsOn),
    });
  }

  return (
    <>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, inline)} />
      )}
      <ProblemAlert problem={toProblem(levelsError)} />
      <form onSubmit={submit} noValidate className="form" aria-label={submitLabel}>
        <section aria-labelledby="person-heading" className="panel">
          <h2 id="person-heading">Staff member</h2>
          <TextField
            label="Staff number"
            name="staffNumber"
            hint="The ministry’s (payroll) number."
            spellCheck={false}
            autoComplete="off"
            value={values.staffNumber}
            onChange={(e) => set('staffNumber', e.target.value)}
            errors={errors.staffNumber}
          />
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
          <SelectField
            label="Category"
            name="category"
            value={values.category}
            onChange={(e) => set('category', e.target.value)}
            errors={errors.category}
          >
            <option value="">Choose the category</option>
            {staffCategories.map((category) => (
              <option key={category} value={category}>
                {label(category)}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Phone (optional)"
            name="phone"
            type="tel"
            autoComplete="off"
            value={values.phone}
            onChange={(e) => set('phone', e.target.value)}
            errors={errors.phone}
          />
          <TextField
            label="Email address (optional)"
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
            errors={errors.email}
          />
        </section>

        <section aria-labelledby="posting-heading" className="panel">
          <h2 id="posting-heading">Posting</h2>
          {member ? (
            <p>
              Posted at <InstitutionLink id={member.institutionId} />. A posting elsewhere is a transfer.
            </p>
          ) : (
            <>
              <InstitutionSelect
                label="Institution"
                name="institutionId"
                value={values.institutionId}
                onChange={(id) => set('institutionId', id)}
                emptyLabel="Choose the institution"
                errors={errors.institutionId}
              />
              <TextField
                label="Position (optional)"
                name="position"
                hint="Teacher or Staff when left empty."
                autoComplete="off"
                value={values.position}
                onChange={(e) => set('position', e.target.value)}
                errors={errors.position}
              />
              <SelectField
                label="Level taught (optional)"
                name="teachingLevel"
                value={values.teachingLevel}
                onChange={(e) => set('teachingLevel', e.target.value)}
                errors={errors.teachingLevel}
              >
                <option value="">None</option>
                {levelOptions.map((level) => (
                  <option key={level.value} value={level.value}>
                    {level.label}
                  </option>
                ))}
              </SelectField>
              <DateField
                label="Posting starts on"
                name="startsOn"
                hint="Leave empty for today."
                value={values.startsOn}
                onChange={(e) => set('startsOn', e.target.value)}
                errors={errors.startsOn}
              />
            </>
          )}
        </section>

        <section aria-labelledby="qualifications-heading" className="panel">
          <h2 id="qualifications-heading">Qualifications</h2>
          {errors.qualifications ? (
            <p className="field-error">
              <span className="visually-hidden">Error:</span> {errors.qualifications.join(' ')}
            </p>
          ) : null}
          {values.qualifications.length === 0 ? <p>No qualification recorded.</p> : null}
          {values.qualifications.map((qualification, index) => (
            <fieldset className="fieldset" key={index}>
              <legend>Qualification {index + 1}</legend>
              <TextField
                label="Name"
                name={`qualifications[${index}].name`}
                hint="For example Diploma in Primary Education."
                autoComplete="off"
                value={qualification.name}
                onChange={(e) => setQualification(index, { name: e.target.value })}
                errors={errors[`qualifications[${index}].name`]}
              />
              <NumberField
                label="Year (optional)"
                name={`qualifications[${index}].year`}
                inputMode="numeric"
                value={qualification.year}
                onChange={(e) => setQualification(index, { year: e.target.value })}
                errors={errors[`qualifications[${index}].year`]}
              />
              <CheckboxGroup
                legend="Levels it qualifies to teach"
                name={`qualifications[${index}].levels`}
                options={levelOptions}
                values={qualification.levels}
                onChange={(next) => setQualification(index, { levels: next })}
                errors={errorsAt(errors, `qualifications[${index}].levels`)}
              />
              <p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() =>
                    set(
                      'qualifications',
                      values.qualifications.filter((_, i) => i !== index),
                    )
                  }
                >
                  Remove qualification {index + 1}
                </button>
              </p>
            </fieldset>
          ))}
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set('qualifications', [...values.qualifications, { name: '', year: '', levels: [] }])}
            >
              Add a qualification
            </button>
          </p>
        </section>

        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

export function CreateStaffMemberPage() {
  const navigate = useNavigate();
  const [create, { isLoading, error }] = useCreateStaffMemberMutation();

  async function save(fields: StaffFields) {
    const result = await create(fields);
    if ('data' in result && result.data) {
      await navigate(`/registry/staff/${encodeURIComponent(result.data.id)}`);
    }
  }

  return (
    <Page title="Register a staff member">
      <p>
        <Link to="/registry/staff">Back to staff</Link>
      </p>
      <StaffForm submitLabel="Register staff member" busy={isLoading} error={error} onSubmit={save} />
    </Page>
  );
}

export function EditStaffMemberPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: member, error: loadError, isLoading: loading } = useStaffMemberQuery(id);
  const [update, { isLoading, error }] = useUpdateStaffMemberMutation();

  async function save(fields: StaffFields) {
    if (!member) return;
    const result = await update({ ...fields, id: member.id, version: member.version });
    if ('data' in result && result.data) {
      await navigate(`/registry/staff/${encodeURIComponent(member.id)}`);
    }
  }

  return (
    <Page title={member ? `Edit ${personName(member)}` : loading ? 'Edit staff member' : 'Staff member not found'}>
      <p>
        <Link to={`/registry/staff/${encodeURIComponent(id)}`}>Back to the staff member</Link>
      </p>
      {loading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(loadError)} />
      {member ? (
        <StaffForm
          key={member.version}
          member={member}
          submitLabel="Save changes"
          busy={isLoading}
          error={error}
          onSubmit={save}
        />
      ) : null}
    </Page>
  );
}
