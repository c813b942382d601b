import { formatDate } from '../registry/format';
import { deadlineStatus, type DateOnly } from './casesApi';

/** A final deadline, red when late and amber when due within five days; the words say so too, not only the colour. */
export function DeadlineCell({
  deadline,
  respondedOn,
  today,
}: {
  deadline: DateOnly | null;
  respondedOn: DateOnly | null;
  today: DateOnly;
}) {
  const status = deadlineStatus(deadline, respondedOn, today);
  if (status === 'none') return <>—</>;
  if (status === 'late') {
    return (
      <span className="deadline deadline--late">
        {formatDate(deadline)} <span className="deadline__note">(late)</span>
      </span>
    );
  }
  if (status === 'near') {
    return (
      <span className="deadline deadline--near">
        {formatDate(deadline)} <span className="deadline__note">(due soon)</span>
      </span>
    );
  }
  return <span className="deadline">{formatDate(deadline)}</span>;
}
