import { useId, useState, type KeyboardEvent } from 'react';
import { toProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreasQuery, type Area } from './usersApi';

const pageSize = 10;

function levelLabel(level: string | number): string {
  return typeof level === 'number' ? `level ${level}` : level;
}

interface AreaPickerProps {
  selected: Area | null;
  onSelect: (area: Area) => void;
  errors?: string[];
}

/** Finds an area by name or code and picks one with radio buttons (keyboard friendly, no custom widget). */
export function AreaPicker({ selected, onSelect, errors }: AreaPickerProps) {
  const id = useId();
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  const { data, error, isFetching } = useAreasQuery({ search: search || undefined, page: 1, pageSize });
  const invalid = (errors?.length ?? 0) > 0;
  const errorId = `${id}-error`;

  function runSearch() {
    setSearch(input.trim());
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches the areas rather than submitting the whole grant form.
    if (event.key === 'Enter') {
      event.preventDefault();
      runSearch();
    }
  }

  return (
    <fieldset
      className={invalid ? 'fieldset field--error' : 'fieldset'}
      aria-describedby={invalid ? errorId : undefined}
    >
      <legend>Area</legend>
      {invalid ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error:</span> {errors?.join(' ')}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-search`}>Search areas by name or code</label>
        <div className="search-form__row">
          <input
            id={`${id}-search`}
            type="search"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button button--secondary" onClick={runSearch}>
            Search areas
          </button>
        </div>
      </div>
      <ProblemAlert problem={toProblem(error)} />
      <p role="status" className="hint">
        {isFetching ? 'Searching…' : data ? `${data.total} ${data.total === 1 ? 'area' : 'areas'} found` : ''}
      </p>
      {data && data.items.length > 0 ? (
        <div className="radio-list" data-testid="area-options">
          {data.items.map((area) => {
            const optionId = `${id}-area-${String(area.id)}`;
            return (
              <div className="radio" key={String(area.id)}>
                <input
                  type="radio"
                  id={optionId}
                  name={`${id}-area`}
                  value={String(area.id)}
                  checked={selected !== null && String(selected.id) === String(area.id)}
                  onChange={() => onSelect(area)}
                />
                <label htmlFor={optionId}>
                  {area.name}{' '}
                  <span className="muted">
                    ({area.code}, {levelLabel(area.level)})
                  </span>
                </label>
              </div>
            );
          })}
        </div>
      ) : null}
      {data && data.total > data.items.length ? (
        <p className="hint">
          Showing the first {data.items.length} of {data.total}. Search to narrow the list.
        </p>
      ) : null}
      {selected ? (
        <p>
          Selected area: <strong>{selected.name}</strong>
        </p>
      ) : null}
    </fieldset>
  );
}
