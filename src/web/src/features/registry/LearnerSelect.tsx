import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { toProblem } from '../../api/problem';
import { SelectField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from './format';
import { learnerName, useLearnerQuery, useLearnersQuery } from './learnersApi';

const pageSize = 50;

interface LearnerSelectProps {
  label: string;
  name: string;
  value: string;
  onChange: (learnerId: string) => void;
  emptyLabel: string;
  /** Only learners registered at this institution. */
  institutionId?: string;
  /** A learner not to offer (the record being merged). */
  exclude?: string;
  hint?: ReactNode;
  errors?: string[];
}

/** Chooses a learner: a search box (learner number or name words) narrows the choices of a plain select. */
export function LearnerSelect({
  label,
  name,
  value,
  onChange,
  emptyLabel,
  institutionId,
  exclude,
  hint,
  errors,
}: LearnerSelectProps) {
  const id = useId();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const { data, error, isFetching } = useLearnersQuery({ q: q || undefined, institutionId, page: 1, pageSize });
  const listed = (data?.items ?? []).filter((l) => l.id !== exclude);
  const selectedListed = !value || listed.some((l) => l.id === value);
  const { data: selected } = useLearnerQuery(value, { skip: selectedListed });

  function find() {
    setQ(input.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      find();
    }
  }

  const found = isFetching
    ? 'Searching…'
    : data
      ? data.total > listed.length
        ? `Showing ${listed.length} of ${data.total} learners: search to narrow the list.`
        : `${listed.length} ${listed.length === 1 ? 'learner' : 'learners'}${q ? ` matching “${q}”` : ''}.`
      : '';

  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-search`}>Find {label.toLowerCase()} by learner number or name</label>
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
          <option value={value}>
            {selected ? `${learnerName(selected)} (${selected.learnerNumber})` : 'The chosen learner'}
          </option>
        ) : null}
        {listed.map((learner) => (
          <option key={learner.id} value={learner.id}>
            {learnerName(learner)} ({learner.learnerNumber}, born {formatDate(learner.dateOfBirth)})
          </option>
        ))}
      </SelectField>
      <ProblemAlert problem={toProblem(error)} />
    </>
  );
}
