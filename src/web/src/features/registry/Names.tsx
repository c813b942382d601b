import { Link } from 'react-router';
import { useInstitutionQuery } from './institutionsApi';
import { learnerName, useLearnerQuery } from './learnersApi';

/** An institution named by its id (the lists of learners, staff and enrolments carry only ids), linked to it. */
export function InstitutionLink({ id }: { id: string | null | undefined }) {
  const { data, isError } = useInstitutionQuery(id ?? '', { skip: !id });
  if (!id) return <span className="muted">—</span>;
  const name = data ? `${data.name} (${data.code})` : isError ? 'Institution not available' : '…';
  return <Link to={`/registry/institutions/${encodeURIComponent(id)}`}>{name}</Link>;
}

/** A learner named by id, linked to their record. */
export function LearnerLink({ id }: { id: string }) {
  const { data, isError } = useLearnerQuery(id);
  const name = data ? `${learnerName(data)} (${data.learnerNumber})` : isError ? 'Learner not available' : '…';
  return <Link to={`/registry/learners/${encodeURIComponent(id)}`}>{name}</Link>;
}
