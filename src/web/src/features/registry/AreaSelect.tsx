import type { ReactNode } from 'react';
import { toProblem } from '../../api/problem';
import { SelectField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { areaTree, useAllAreasQuery } from './areasApi';

interface AreaSelectProps {
  label: string;
  name: string;
  value: string;
  onChange: (areaId: string) => void;
  /** First option, e.g. "Any area" or "Choose an area". */
  emptyLabel: string;
  /** Offer only the lowest-level areas (institutions are registered in those), named by their whole path. */
  leavesOnly?: boolean;
  /** The current area when the caller cannot see the area list (a head teacher keeping their school where it is). */
  current?: { id: string; name: string };
  /** An extra first choice after the empty one, e.g. "The top (no parent)" when moving an area. */
  topOption?: { value: string; label: string };
  /** Areas not to offer (the area being moved and those below it). */
  exclude?: ReadonlySet<string>;
  hint?: ReactNode;
  errors?: string[];
}

/** Chooses an area from those the caller may see, in tree order (indented) or, for leaves, by path. */
export function AreaSelect({
  label,
  name,
  value,
  onChange,
  emptyLabel,
  leavesOnly,
  current,
  topOption,
  exclude,
  hint,
  errors,
}: AreaSelectProps) {
  const { data, error } = useAllAreasQuery();
  const options = areaTree(data?.items).filter(
    (option) => (!leavesOnly || option.isLeaf) && !exclude?.has(option.area.id),
  );
  const missingCurrent = current && !options.some((option) => option.area.id === current.id);
  const truncated = data && data.total > data.items.length;
  return (
    <>
      <SelectField
        label={label}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        hint={
          truncated ? (
            <>
              {hint} Only the first {data.items.length} of {data.total} areas are listed.
            </>
          ) : (
            hint
          )
        }
        errors={errors}
      >
        <option value="">{emptyLabel}</option>
        {topOption ? <option value={topOption.value}>{topOption.label}</option> : null}
        {missingCurrent ? <option value={current.id}>{current.name}</option> : null}
        {options.map(({ area, depth, path }) => (
          <option key={area.id} value={area.id}>
            {leavesOnly ? path.join(' › ') : `${'\u00a0\u00a0\u00a0'.repeat(depth)}${area.name}`}
          </option>
        ))}
      </SelectField>
      {error && toProblem(error)?.status !== 403 ? <ProblemAlert problem={toProblem(error)} /> : null}
    </>
  );
}
