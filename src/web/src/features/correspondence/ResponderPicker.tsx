import { skipToken } from '@reduxjs/toolkit/query';
import { SelectField } from '../../components/fields';
import { memberLabel, useTeamQuery } from './casesApi';

interface ResponderPickerProps {
  /** The responder unit whose active responders are offered; none chosen yet: nothing to offer. */
  teamId: string | null;
  value: string;
  onChange: (userId: string) => void;
  errors?: string[];
  /** Required for assign_responder; optional when assigning or reassigning to a unit. */
  required?: boolean;
  name?: string;
}

/** Picks a named responder among the active responder members of a unit (the server refuses anyone else). */
export function ResponderPicker({
  teamId,
  value,
  onChange,
  errors,
  required = false,
  name = 'userId',
}: ResponderPickerProps) {
  const { data, isFetching } = useTeamQuery(teamId ? teamId : skipToken);
  const members = (data?.members ?? []).filter((m) => m.role === 'Responder' && m.active !== false);
  const empty = !teamId
    ? 'Choose the unit first'
    : isFetching
      ? 'Loading the unit’s responders…'
      : required
        ? 'Choose the responder'
        : 'Nobody named: the unit accepts it';
  return (
    <SelectField
      label={required ? 'Responder' : 'Responder (optional)'}
      name={name}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      errors={errors}
    >
      <option value="">{empty}</option>
      {members.map((m) => (
        <option key={m.userId} value={m.userId}>
          {memberLabel(m)}
        </option>
      ))}
    </SelectField>
  );
}
