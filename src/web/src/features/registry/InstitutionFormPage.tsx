import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AreaSelect } from './AreaSelect';
import { errorsAt, formProblem, inlineFields } from './formErrors';
import { blankToNull, label, parseNumber } from './format';
import {
  institutionTypes,
  ownerships,
  shifts,
  useCreateInstitutionMutation,
  useInstitutionQuery,
  useUpdateInstitutionMutation,
  type InstitutionDetail,
  type InstitutionFields,
  type InstitutionType,
  type Ownership,
  type Shift,
} from './institutionsApi';
import { CheckboxField, CheckboxGroup, NumberField } from './RegistryFields';
import { useLevelsQuery } from './structureApi';

const counts = [
  ['classroomsUsable', 'Usable classrooms'],
  ['classroomsUnusable', 'Unusable classrooms'],
  ['toiletsMale', 'Toilets for boys and men'],
  ['toiletsFemale', 'Toilets for girls and women'],
  ['toiletsShared', 'Shared toilets'],
] as const;
type CountName = (typeof counts)[number][0];

const services = [
  ['hasWater', 'Safe drinking water'],
  ['hasElectricity', 'Electricity'],
  ['hasInternet', 'Internet access'],
] as const;
type ServiceName = (typeof services)[number][0];

const inline = [
  'code',
  'name',
  'type',
  'ownership',
  'levels',
  'areaId',
  'shift',
  'latitude',
  'longitude',
  'address',
  'phone',
  'email',
  'infrastructure',
  ...counts.map(([name]) => `infrastructure.${name}`),
  ...services.map(([name]) => `infrastructure.${name}`),
];

interface FormValues {
  code: string;
  name: string;
  type: string;
  ownership: string;
  levels: string[];
  areaId: string;
  shift: string;
  latitude: string;
  longitude: string;
  address: string;
  phone: string;
  email: string;
  counts: Record<CountName, string>;
  services: Record<ServiceName, boolean>;
}

function initialValues(institution: InstitutionDetail | undefined): FormValues {
  const infrastructure = institution?.infrastructure;
  return {
    code: institution?.code ?? '',
    name: institution?.name ?? '',
    type: institution?.type ?? '',
    ownership: institution?.ownership ?? '',
    levels: institution?.levels ?? [],
    areaId: institution?.areaId ?? '',
    shift: institution?.shift ?? 'Single',
    latitude: institution?.latitude?.toString() ?? '',
    longitude: institution?.longitude?.toString() ?? '',
    address: institution?.address ?? '',
    phone: institution?.phone ?? '',
    email: institution?.email ?? '',
    counts: {
      classroomsUsable: String(infrastructure?.classroomsUsable ?? 0),
      classroomsUnusable: String(infrastructure?.classroomsUnusable ?? 0),
      toiletsMale: String(infrastructure?.toiletsMale ?? 0),
      toiletsFemale: String(infrastructure?.toiletsFemale ?? 0),
      toiletsShared: String(infrastructure?.toiletsShared ?? 0),
    },
    services: {
      hasWater: infrastructure?.hasWater ?? false,
      hasElectricity: infrastructure?.hasElectricity ?? false,
      hasInternet: infrastructure?.hasInternet ?? false,
    },
  };
}

interface InstitutionFormProps {
  institution?: InstitutionDetail;
  submitLabel: string;
  busy: boolean;
  error: Parameters<typeof formProblem>[0];
  onSubmit: (fields: InstitutionFields) => Promise<void>;
}

function InstitutionForm({ institution, submitLabel, busy, error, onSubmit }: InstitutionFormProps) {
  const { data: levels, error: levelsError } = useLevelsQuery();
  const [values, setValues] = useState(() => initialValues(institution));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const problem = formProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  function set<K extends keyof FormValues>(name: K, value: FormValues[K]) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (!values.code.trim()) found.code = ['Enter the code issued by the ministry.'];
    if (!values.name.trim()) found.name = ['Enter the name.'];
    if (!values.type) found.type = ['Choose the type.'];
    if (!values.ownership) found.ownership = ['Choose the ownership.'];
    if (!values.areaId) found.areaId = ['Choose the area.'];
    const latitude = parseNumber(values.latitude);
    const longitude = parseNumber(values.longitude);
    if (Number.isNaN(latitude)) found.latitude = ['Enter the latitude as a decimal number, e.g. -1.2921.'];
    if (Number.isNaN(longitude)) found.longitude = ['Enter the longitude as a decimal number, e.g. 36.8219.'];
    const numbers = {} as Record<CountName, number>;
    for (const [name] of counts) {
      const value = parseNumber(values.counts[name]) ?? 0;
      if (Number.isNaN(value) || !Number.isInteger(value)) found[`infrastructure.${name}`] = ['Enter a whole number.'];
      numbers[name] = value;
    }
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    await onSubmit({
      code: values.code.trim(),
      name: values.name.trim(),
      type: values.type as InstitutionType,
      ownership: values.ownership as Ownership,
      levels: values.levels,
      areaId: values.areaId,
      latitude,
      longitude,
      address: blankToNull(values.address),
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      infrastructure: { ...numbers, ...values.services },
      shift: values.shift as Shift,
    });
  }

  return (
    <>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, inline)} />
      )}
      <ProblemAlert problem={toProblem(levelsError)} />
      <form onSubmit={submit} noValidate className="form" aria-label={submitLabel}>
        <section aria-labelledby="identity-heading" className="panel">
          <h2 id="identity-heading">Institution</h2>
          <TextField
            label="Code"
            name="code"
            hint="As issued by the ministry; unique across the country."
            spellCheck={false}
            autoComplete="off"
            value={values.code}
            onChange={(e) => set('code', e.target.value)}
            errors={errors.code}
          />
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            errors={errors.name}
          />
          <SelectField
            label="Type"
            name="type"
            value={values.type}
            onChange={(e) => set('type', e.target.value)}
            errors={errors.type}
          >
            <option value="">Choose the type</option>
            {institutionTypes.map((type) => (
              <option key={type} value={type}>
                {label(type)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Ownership"
            name="ownership"
            value={values.ownership}
            onChange={(e) => set('ownership', e.target.value)}
            errors={errors.ownership}
          >
            <option value="">Choose the ownership</option>
            {ownerships.map((ownership) => (
              <option key={ownership} value={ownership}>
                {label(ownership)}
              </option>
            ))}
          </SelectField>
          <CheckboxGroup
            legend="Levels offered"
            name="levels"
            options={(levels ?? []).map((level) => ({ value: level.code, label: level.name }))}
            values={values.levels}
            onChange={(next) => set('levels', next)}
            errors={errorsAt(errors, 'levels')}
          />
          <SelectField
            label="Shifts"
            name="shift"
            hint="How many groups of learners use the buildings each day."
            value={values.shift}
            onChange={(e) => set('shift', e.target.value)}
            errors={errors.shift}
          >
            {shifts.map((shift) => (
              <option key={shift} value={shift}>
                {shift}
              </option>
            ))}
          </SelectField>
        </section>

        <section aria-labelledby="location-heading" className="panel">
          <h2 id="location-heading">Location and contact</h2>
          <AreaSelect
            label="Area"
            name="areaId"
            value={values.areaId}
            onChange={(value) => set('areaId', value)}
            emptyLabel="Choose the area"
            leavesOnly
            hint="The lowest-level area (for example the district)."
            current={institution ? { id: institution.areaId, name: institution.areaName } : undefined}
            errors={errors.areaId}
          />
          <div className="registry-columns">
            <NumberField
              label="Latitude"
              name="latitude"
              hint="Decimal degrees."
              value={values.latitude}
              onChange={(e) => set('latitude', e.target.value)}
              errors={errors.latitude}
            />
            <NumberField
              label="Longitude"
              name="longitude"
              hint="Decimal degrees."
              value={values.longitude}
              onChange={(e) => set('longitude', e.target.value)}
              errors={errors.longitude}
            />
          </div>
          <TextField
            label="Address"
            name="address"
            autoComplete="off"
            value={values.address}
            onChange={(e) => set('address', e.target.value)}
            errors={errors.address}
          />
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            autoComplete="off"
            value={values.phone}
            onChange={(e) => set('phone', e.target.value)}
            errors={errors.phone}
          />
          <TextField
            label="Email address"
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
            errors={errors.email}
          />
        </section>

        <section aria-labelledby="infrastructure-heading" className="panel">
          <h2 id="infrastructure-heading">Infrastructure</h2>
          {errors.infrastructure ? (
            <p className="field-error">
              <span className="visually-hidden">Error:</span> {errors.infrastructure.join(' ')}
            </p>
          ) : null}
          <div className="registry-columns">
            {counts.map(([name, text]) => (
              <NumberField
                key={name}
                label={text}
                name={name}
                inputMode="numeric"
                value={values.counts[name]}
                onChange={(e) => set('counts', { ...values.counts, [name]: e.target.value })}
                errors={errors[`infrastructure.${name}`]}
              />
            ))}
          </div>
          {services.map(([name, text]) => (
            <CheckboxField
              key={name}
              label={text}
              name={name}
              checked={values.services[name]}
              onChange={(e) => set('services', { ...values.services, [name]: e.target.checked })}
              errors={errors[`infrastructure.${name}`]}
            />
          ))}
        </section>

        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

export function CreateInstitutionPage() {
  const navigate = useNavigate();
  const [create, { isLoading, error }] = useCreateInstitutionMutation();

  async function save(fields: InstitutionFields) {
    const result = await create(fields);
    if ('data' in result && result.data) {
      await navigate(`/registry/institutions/${encodeURIComponent(result.data.id)}`);
    }
  }

  return (
    <Page title="Register an institution">
      <p>
        <Link to="/registry/institutions">Back to institutions</Link>
      </p>
      <InstitutionForm submitLabel="Register institution" busy={isLoading} error={error} onSubmit={save} />
    </Page>
  );
}

export function EditInstitutionPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data: institution, error: loadError, isLoading: loading } = useInstitutionQuery(id);
  const [update, { isLoading, error }] = useUpdateInstitutionMutation();

  async function save(fields: InstitutionFields) {
    if (!institution) return;
    const result = await update({ ...fields, id: institution.id, version: institution.version });
    if ('data' in result && result.data) {
      await navigate(`/registry/institutions/${encodeURIComponent(institution.id)}`);
    }
  }

  return (
    <Page title={institution ? `Edit ${institution.name}` : loading ? 'Edit institution' : 'Institution not found'}>
      <p>
        <Link to={`/registry/institutions/${encodeURIComponent(id)}`}>Back to the institution</Link>
      </p>
      {loading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(loadError)} />
      {institution ? (
        <InstitutionForm
          key={institution.version}
          institution={institution}
          submitLabel="Save changes"
          busy={isLoading}
          error={error}
          onSubmit={save}
        />
      ) : null}
    </Page>
  );
}
