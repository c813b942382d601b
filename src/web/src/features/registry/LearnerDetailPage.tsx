import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import { useEnrolmentsQuery } from './enrolmentsApi';
import { formProblem, inlineFields } from './formErrors';
import { formatDate, label, statusTagClass, yesNo } from './format';
import {
  learnerName,
  useLearnerQuery,
  useMergeLearnerMutation,
  useRevealNationalIdMutation,
  type LearnerDetail,
} from './learnersApi';
import { LearnerSelect } from './LearnerSelect';
import { InstitutionLink } from './Names';
import { allGrades, useAcademicYearsQuery, useLevelsQuery } from './structureApi';
import './registry.css';

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The national id is read only on request: the server records every reading in the audit chain. */
function NationalId({ learner, canManage }: { learner: LearnerDetail; canManage: boolean }) {
  const [reveal, { data, error, isLoading, reset }] = useRevealNationalIdMutation();
  if (!learner.hasNationalId) return <>Not recorded</>;
  if (data) {
    return (
      <>
        <span data-testid="national-id">{data.nationalId ?? 'Not recorded'}</span>{' '}
        <button type="button" className="button button--secondary button--small" onClick={() => reset()}>
          Hide national ID
        </button>
      </>
    );
  }
  if (!canManage) return <>Recorded (only those who manage the learner’s records can see it)</>;
  return (
    <>
      <span className="muted">Recorded, hidden. </span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={isLoading}
        onClick={() => void reveal(learner.id)}
      >
        Reveal national ID
      </button>
      <span className="hint"> Your reading is recorded in the audit trail.</span>
      <ProblemAlert problem={toProblem(error)} />
    </>
  );
}

function EnrolmentHistory({ learner }: { learner: LearnerDetail }) {
  const { data, error, isFetching } = useEnrolmentsQuery({ learnerId: learner.id, page: 1, pageSize: 100 });
  const { data: years } = useAcademicYearsQuery();
  const { data: levels } = useLevelsQuery();
  const grades = allGrades(levels);
  const yearName = (id: string) => years?.find((y) => y.id === id)?.name ?? '…';
  const gradeName = (id: string) => {
    const found = grades.find(({ grade }) => grade.id === id);
    return found ? `${found.grade.name} (${found.level.name})` : '…';
  };
  return (
    <section aria-labelledby="enrolments-heading" className="panel">
      <h2 id="enrolments-heading">Enrolment history</h2>
      <ProblemAlert problem={toProblem(error)} />
      {data && data.items.length === 0 ? (
        <p>No enrolment recorded.</p>
      ) : (
        <TableWrap label="Enrolment history table" busy={isFetching}>
          <table>
            <caption className="visually-hidden">Enrolments of {learnerName(learner)}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Academic year</th>
                <th scope="col">Institution</th>
                <th scope="col">Grade</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {data?.items.map((enrolment) => (
                <tr key={enrolment.id}>
                  <td className="nowrap">{yearName(enrolment.academicYearId)}</td>
                  <td>
                    <InstitutionLink id={enrolment.institutionId} />
                  </td>
                  <td>
                    {gradeName(enrolment.gradeId)}
                    {enrolment.repeater ? ' (repeating)' : ''}
                  </td>
                  <td>
                    <span className={statusTagClass(enrolment.status)}>{label(enrolment.status)}</span>
                  </td>
                  <td className="nowrap">{formatDate(enrolment.startsOn)}</td>
                  <td className="nowrap">{formatDate(enrolment.endedOn)}</td>
                  <td className="wrap">{enrolment.endReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function MergeLearner({ learner, onMerged }: { learner: LearnerDetail; onMerged: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="merge-heading" className="panel">
      <h2 id="merge-heading">Merge a duplicate record</h2>
      <p>
        If {learnerName(learner)} is registered twice, merge this record into the one that stays. Nothing is deleted:
        this record is marked as merged and points to the other.
      </p>
      <p>
        <button type="button" className="button button--secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          Choose the record that stays…
        </button>
      </p>
      {open ? <MergeForm learner={learner} onMerged={onMerged} /> : null}
    </section>
  );
}

function MergeForm({ learner, onMerged }: { learner: LearnerDetail; onMerged: () => void }) {
  const [intoId, setIntoId] = useState('');
  const [missing, setMissing] = useState(false);
  const [merge, { isLoading, error, reset }] = useMergeLearnerMutation();
  const problem = formProblem(error);

  async function run() {
    reset();
    setMissing(!intoId);
    if (!intoId) return;
    const result = await merge({ id: learner.id, intoId, version: learner.version });
    if ('data' in result) onMerged();
  }

  return (
    <>
      {missing ? null : <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['intoId'])} />}
      <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby="merge-heading">
        <LearnerSelect
          label="Record that stays"
          name="intoId"
          value={intoId}
          onChange={setIntoId}
          emptyLabel="Choose the record that stays"
          exclude={learner.id}
          errors={missing ? ['Choose the record that stays.'] : problem?.fieldErrors.intoId}
        />
        <ConfirmButton
          label="Merge into the chosen record"
          question={`Merge ${learnerName(learner)} (${learner.learnerNumber}) into the chosen record?`}
          confirmLabel="Yes, merge"
          danger
          disabled={isLoading}
          onConfirm={() => void run()}
        />
      </form>
    </>
  );
}

export function LearnerDetailPage() {
  const { id = '' } = useParams();
  const { data: me } = useMeQuery();
  const canManage = hasPermission(me, 'learners.manage');
  const { data: learner, error, isLoading } = useLearnerQuery(id);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page title={learner ? learnerName(learner) : isLoading ? 'Learner' : 'Learner not found'}>
      <p>
        <Link to="/registry/learners">Back to learners</Link>
      </p>
      {isLoading ? <p role="status">Loading…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {learner ? (
        <>
          {canManage && learner.status === 'Active' ? (
            <p>
              <Link className="button" to={`/registry/learners/${encodeURIComponent(learner.id)}/edit`}>
                Edit details
              </Link>
            </p>
          ) : null}
          <section aria-labelledby="learner-heading" className="panel">
            <h2 id="learner-heading">Learner</h2>
            <dl className="summary">
              <Row term="Learner number">{learner.learnerNumber}</Row>
              <Row term="Given name">{learner.givenName}</Row>
              <Row term="Family name">{learner.familyName}</Row>
              <Row term="Other names">{learner.otherNames ?? '—'}</Row>
              <Row term="Sex">{learner.sex}</Row>
              <Row term="Date of birth">{formatDate(learner.dateOfBirth)}</Row>
              <Row term="Birth certificate seen">{yesNo(learner.hasBirthCertificate)}</Row>
              <Row term="Special needs">
                {learner.specialNeeds.length > 0 ? learner.specialNeeds.join(', ') : 'None recorded'}
              </Row>
              <Row term="National ID">
                <NationalId learner={learner} canManage={canManage} />
              </Row>
              <Row term="Institution">
                <InstitutionLink id={learner.institutionId} />
              </Row>
              <Row term="Record">
                <span className={statusTagClass(learner.status)}>{learner.status}</span>
                {learner.mergedIntoId ? (
                  <>
                    {' '}
                    into{' '}
                    <Link to={`/registry/learners/${encodeURIComponent(learner.mergedIntoId)}`}>
                      the record that stays
                    </Link>
                  </>
                ) : null}
              </Row>
              <Row term="Registered">{formatDateTime(learner.createdAt)}</Row>
            </dl>
          </section>

          <section aria-labelledby="guardians-heading" className="panel">
            <h2 id="guardians-heading">Guardians</h2>
            {learner.guardians.length === 0 ? (
              <p>No guardian recorded.</p>
            ) : (
              <TableWrap label="Guardians table">
                <table>
                  <caption className="visually-hidden">Guardians of {learnerName(learner)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Relationship</th>
                      <th scope="col">Phone</th>
                      <th scope="col">Email address</th>
                    </tr>
                  </thead>
                  <tbody>
                    {learner.guardians.map((guardian, index) => (
                      <tr key={index}>
                        <td>{guardian.name}</td>
                        <td>{guardian.relationship}</td>
                        <td>{guardian.phone ?? '—'}</td>
                        <td>{guardian.email ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>

          <EnrolmentHistory learner={learner} />
          {canManage && learner.status === 'Active' ? (
            <MergeLearner learner={learner} onMerged={() => setMessage('The record has been merged.')} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
