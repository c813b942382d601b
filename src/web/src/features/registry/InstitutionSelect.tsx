import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { toProblem } from '../../api/problem';
import { SelectField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useInstitutionQuery, useInstitutionsQuery, type InstitutionStatus } from './institutionsApi';

const pageSize = 50;

interface InstitutionSelectProps {
  label: string;
  name: string;
  value: string;
  onChange: (institutionId: string) => void;
  /** First option, e.g. "Any institution" or "Choose an institution". */
  emptyLabel: string;
  /** Offer only institutions with this status (a merge, a transfer or a registration needs an open one). */
  status?: InstitutionStatus;
  /** An institution not to offer (the one being merged or left). */
  exclude?: string;
  hint?: ReactNode;
  errors?: string[];
}

/**
 * Chooses an institution: a search box (code or name words) narrows the choices of a plain select,
 * which lists the first matches. The chosen institution stays listed while other searches are made.
 */
export function InstitutionSelect({
  label,
  name,
  value,
  onChange,
  emptyLabel,
  status,
  exclude,
  hint,
  errors,
}: InstitutionSelectProps) {
  const id = useId();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const { data, error, isFetching } = useInstitutionsQuery({ q: q || undefined, status, page: 1, pageSize });
  const listed = (data?.items ?? []).filter((i) => i.id !== exclude);
  const selectedListed = !value || listed.some((i) => i.id === value);
  const { data: selected } = useInstitutionQuery(value, { skip: selectedListed });

  function find() {
    setQ(input.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches the institutions rather than submitting the surrounding form.
    if (event.key === 'Enter') {
      event.preventDefault();
      find();
    }
  }

  const found = isFetching
    ? 'Searching…'
    : data
      ? data.total > listed.length
        ? `Showing ${listed.length} of ${data.total} institutions${q ? ` matching “${q}”` : ''}: search to narrow the list.`
        : `${listed.length} ${listed.length === 1 ? 'institution' : 'institutions'}${q ? ` matching “${q}”` : ''}.`
      : '';

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-search`}>Find {label.toLowerCase()} by name or code</label>
        <div className="search-form__row">
          <input
            id={`${id}-search`}
            type="search"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={find}
            aria-label={`Find ${label.toLowerCase()}`}
          >
            Find
          </button>
        </div>
        <p className="hint" role="status">
          {found}
        </p>
      </div>
      <SelectField
        label={label}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        hint={hint}
        errors={errors}
      >
        <option value="">{emptyLabel}</option>
        {!selectedListed ? (
          <option value={value}>{selected ? `${selected.name} (${selected.code})` : 'The chosen institution'}</option>
        ) : null}
        {listed.map((institution) => (
          <option key={institution.id} value={institution.id}>
            {institution.name} ({institution.code})
          </option>
        ))}
      </SelectField>
      <ProblemAlert problem={toProblem(error)} />
    </>
  );
}
