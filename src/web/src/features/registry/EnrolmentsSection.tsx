import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { hasPermission, useMeQuery } from '../auth/authApi';
import {
  useEnrolmentsQuery,
  useEnrolMutation,
  useGraduateEnrolmentMutation,
  usePromoteClassMutation,
  useTransferEnrolmentMutation,
  useUndoPromotionMutation,
  useWithdrawEnrolmentMutation,
  type Enrolment,
  type PromotionResult,
} from './enrolmentsApi';
import { errorsAt, formProblem, inlineFields } from './formErrors';
import { blankToNull, formatDate, label, statusTagClass, today } from './format';
import type { InstitutionDetail } from './institutionsApi';
import { InstitutionSelect } from './InstitutionSelect';
import { learnerName, useLearnersQuery } from './learnersApi';
import { LearnerSelect } from './LearnerSelect';
import { LearnerLink } from './Names';
import { CheckboxField, CheckboxGroup, DateField, TextAreaField } from './RegistryFields';
import { allGrades, useAcademicYearsQuery, useLevelsQuery, type AcademicYear, type Grade } from './structureApi';

const pageSize = 100;

type Action = { kind: 'transfer' | 'withdraw' | 'graduate'; enrolment: Enrolment; name: string };

/** The academic year running today, or else the newest. */
function defaultYear(years: AcademicYear[]): AcademicYear | undefined {
  const now = today();
  return years.find((y) => y.startsOn <= now && now <= y.endsOn) ?? years[0];
}

function EndEnrolmentPanel({
  action,
  institution,
  onDone,
  onCancel,
}: {
  action: Action;
  institution: InstitutionDetail;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [transfer, transferState] = useTransferEnrolmentMutation();
  const [withdraw, withdrawState] = useWithdrawEnrolmentMutation();
  const [graduate, graduateState] = useGraduateEnrolmentMutation();
  const [target, setTarget] = useState('');
  const [on, setOn] = useState('');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const state = { transfer: transferState, withdraw: withdrawState, graduate: graduateState }[action.kind];
  const problem = formProblem(state.error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  useEffect(() => {
    heading.current?.focus();
  }, [action]);

  const titles = {
    transfer: `Transfer ${action.name} to another institution`,
    withdraw: `Withdraw ${action.name}`,
    graduate: `Graduate ${action.name}`,
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string[]> = {};
    if (action.kind === 'withdraw' && !reason.trim()) found.reason = ['Give the reason for the withdrawal.'];
    if (action.kind === 'transfer' && !target) found.institutionId = ['Choose the receiving institution.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const request = {
      id: action.enrolment.id,
      on: blankToNull(on),
      reason: blankToNull(reason),
      version: action.enrolment.version,
    };
    if (action.kind === 'transfer') {
      const result = await transfer({ ...request, institutionId: target });
      if ('data' in result) onDone(`${action.name} has been transferred.`);
    } else if (action.kind === 'withdraw') {
      const result = await withdraw(request);
      if ('data' in result) onDone(`${action.name} has been withdrawn.`);
    } else {
      const result = await graduate(request);
      if ('data' in result) onDone(`${action.name} has graduated.`);
    }
  }

  return (
    <section className="registry-subpanel" aria-labelledby="enrolment-action-heading">
      <h3 id="enrolment-action-heading" ref={heading} tabIndex={-1}>
        {titles[action.kind]}
      </h3>
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['institutionId', 'on', 'reason'])} />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby="enrolment-action-heading">
        {action.kind === 'transfer' ? (
          <InstitutionSelect
            label="Receiving institution"
            name="institutionId"
            value={target}
            onChange={setTarget}
            emptyLabel="Choose the receiving institution"
            status="Open"
            exclude={institution.id}
            errors={errors.institutionId}
          />
        ) : null}
        <DateField
          label={action.kind === 'transfer' ? 'Date of the transfer' : 'Date'}
          name="on"
          hint="Leave empty for today."
          value={on}
          onChange={(e) => setOn(e.target.value)}
          errors={errors.on}
        />
        <TextAreaField
          label={action.kind === 'withdraw' ? 'Reason' : 'Reason (optional)'}
          name="reason"
          hint={action.kind === 'withdraw' ? 'For example: dropped out, moved abroad.' : undefined}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          errors={errors.reason}
        />
        <div className="registry-actions">
          <button
            type="submit"
            className={action.kind === 'withdraw' ? 'button button--danger' : 'button'}
            disabled={state.isLoading}
          >
            {action.kind === 'transfer'
              ? 'Transfer learner'
              : action.kind === 'withdraw'
                ? 'Withdraw learner'
                : 'Graduate learner'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function EnrolForm({
  institution,
  year,
  grades,
  gradeId,
}: {
  institution: InstitutionDetail;
  year: AcademicYear;
  grades: { grade: Grade; levelName: string }[];
  gradeId: string;
}) {
  const [enrol, { isLoading, error, reset }] = useEnrolMutation();
  const [learnerId, setLearnerId] = useState('');
  const [grade, setGrade] = useState(gradeId);
  const [repeater, setRepeater] = useState(false);
  const [startsOn, setStartsOn] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const problem = formProblem(error);
  const errors = { ...problem?.fieldErrors, ...clientErrors };

  useEffect(() => setGrade(gradeId), [gradeId]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    setMessage(null);
    const found: Record<string, string[]> = {};
    if (!learnerId) found.learnerId = ['Choose the learner.'];
    if (!grade) found.gradeId = ['Choose the grade.'];
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await enrol({
      learnerId,
      academicYearId: year.id,
      gradeId: grade,
      repeater,
      startsOn: blankToNull(startsOn),
    });
    if ('data' in result) {
      setMessage(`The learner has been enrolled for ${year.name}.`);
      setLearnerId('');
      setRepeater(false);
      setStartsOn('');
    }
  }

  return (
    <section className="registry-subpanel" aria-labelledby="enrol-heading">
      <h3 id="enrol-heading">Enrol a learner in {year.name}</h3>
      <p className="hint">
        Only learners registered at this institution can be enrolled here.{' '}
        <Link to={`/registry/learners/new?institutionId=${encodeURIComponent(institution.id)}`}>
          Register a new learner
        </Link>
        .
      </p>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {Object.keys(clientErrors).length > 0 ? null : (
        <ProblemAlert
          problem={problem}
          shownFields={inlineFields(problem, ['learnerId', 'gradeId', 'repeater', 'startsOn'])}
        />
      )}
      <form onSubmit={submit} noValidate className="form" aria-labelledby="enrol-heading">
        <LearnerSelect
          label="Learner"
          name="learnerId"
          value={learnerId}
          onChange={setLearnerId}
          emptyLabel="Choose the learner"
          institutionId={institution.id}
          errors={errors.learnerId}
        />
        <SelectField
          label="Grade"
          name="gradeId"
          value={grade}
          onChange={(e) => setGrade(e.target.value)}
          errors={errors.gradeId}
        >
          <option value="">Choose the grade</option>
          {grades.map(({ grade: g, levelName }) => (
            <option key={g.id} value={g.id}>
              {g.name} ({levelName})
            </option>
          ))}
        </SelectField>
        <CheckboxField
          label="Repeating this grade"
          name="repeater"
          checked={repeater}
          onChange={(e) => setRepeater(e.target.checked)}
          errors={errors.repeater}
        />
        <DateField
          label="Start date"
          name="startsOn"
          hint={`Leave empty for the start of the year (${formatDate(year.startsOn)}).`}
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
          errors={errors.startsOn}
        />
        <button type="submit" className="button" disabled={isLoading}>
          Enrol learner
        </button>
      </form>
    </section>
  );
}

function UndoPromotionButton({ promotionId, onUndone }: { promotionId: string; onUndone: (message: string) => void }) {
  const [undo, { isLoading, error }] = useUndoPromotionMutation();
  async function run() {
    const result = await undo(promotionId);
    if ('data' in result && result.data) {
      onUndone(
        `The promotion has been undone: ${result.data.restored} enrolments restored, ${result.data.removed} removed.`,
      );
    }
  }
  return (
    <>
      <ProblemAlert problem={toProblem(error)} />
      <ConfirmButton
        label="Undo the promotion"
        question="Undo the promotion? The enrolments it created are removed and the class is restored."
        confirmLabel="Yes, undo"
        danger
        disabled={isLoading}
        onConfirm={() => void run()}
      />
    </>
  );
}

function PromoteForm({
  institution,
  year,
  years,
  grade,
  enrolled,
  names,
  onPromoted,
}: {
  institution: InstitutionDetail;
  year: AcademicYear;
  years: AcademicYear[];
  grade: Grade;
  enrolled: Enrolment[];
  names: Map<string, string>;
  onPromoted: (result: PromotionResult) => void;
}) {
  const later = years.filter((y) => y.startsOn > year.startsOn).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const [nextYearId, setNextYearId] = useState(later[0]?.id ?? '');
  const [repeaters, setRepeaters] = useState<string[]>([]);
  const [promote, { isLoading, error }] = usePromoteClassMutation();
  const problem = formProblem(error);

  const firstLater = later[0]?.id ?? '';
  // A change of class resets the choices.
  useEffect(() => {
    setNextYearId(firstLater);
    setRepeaters([]);
  }, [year.id, grade.id, firstLater]);

  const nextYear = later.find((y) => y.id === nextYearId);

  async function run() {
    if (!nextYear) return;
    const result = await promote({
      institutionId: institution.id,
      academicYearId: year.id,
      nextAcademicYearId: nextYear.id,
      gradeId: grade.id,
      repeaters,
    });
    if ('data' in result && result.data) {
      setRepeaters([]);
      onPromoted(result.data);
    }
  }

  return (
    <section className="registry-subpanel" aria-labelledby="promote-heading">
      <h3 id="promote-heading">
        Promote {grade.name} of {year.name}
      </h3>
      {later.length === 0 ? (
        <p>There is no later academic year to promote the class into. Add one to the education structure first.</p>
      ) : (
        <>
          <p className="hint">
            Every learner enrolled in {grade.name} moves to the next grade in the chosen year (those in the last grade
            graduate). Learners already enrolled in that year are skipped.
          </p>
          <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['nextAcademicYearId', 'repeaters'])} />
          <form onSubmit={(e) => e.preventDefault()} noValidate className="form" aria-labelledby="promote-heading">
            <SelectField
              label="Promote into"
              name="nextAcademicYearId"
              value={nextYearId}
              onChange={(e) => setNextYearId(e.target.value)}
              errors={problem?.fieldErrors.nextAcademicYearId}
            >
              {later.map((y) => (
                <option key={y.id} value={y.id}>
                  {y.name}
                </option>
              ))}
            </SelectField>
            {enrolled.length > 0 ? (
              <CheckboxGroup
                legend="Learners repeating the grade"
                name="repeaters"
                hint="They stay in the grade next year, marked as repeaters."
                options={enrolled.map((e) => ({ value: e.learnerId, label: names.get(e.learnerId) ?? e.learnerId }))}
                values={repeaters}
                onChange={setRepeaters}
                errors={errorsAt(problem?.fieldErrors ?? {}, 'repeaters')}
              />
            ) : null}
            <ConfirmButton
              label="Promote class"
              question={`Promote the ${enrolled.length} learners of ${grade.name} into ${nextYear?.name ?? 'the next year'}?`}
              confirmLabel="Yes, promote"
              disabled={isLoading || enrolled.length === 0 || !nextYear}
              onConfirm={() => void run()}
            />
          </form>
        </>
      )}
    </section>
  );
}

/** The enrolments of one class (academic year and grade) at an institution, with the actions on them. */
export function EnrolmentsSection({ institution }: { institution: InstitutionDetail }) {
  const { data: me } = useMeQuery();
  const canManage = hasPermission(me, 'learners.manage');
  const [params, setParams] = useSearchParams();
  const { data: years, error: yearsError } = useAcademicYearsQuery();
  const { data: levels, error: levelsError } = useLevelsQuery();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [promotion, setPromotion] = useState<PromotionResult | null>(null);
  const [panel, setPanel] = useState<'enrol' | 'promote' | null>(null);

  const offered = allGrades(levels).filter(
    ({ level }) => institution.levels.length === 0 || institution.levels.includes(level.code),
  );
  const gradeOptions = (offered.length > 0 ? offered : allGrades(levels)).map(({ grade, level }) => ({
    grade,
    levelName: level.name,
  }));
  const year = years?.find((y) => y.id === params.get('year')) ?? (years ? defaultYear(years) : undefined);
  const grade = gradeOptions.find(({ grade: g }) => g.id === params.get('grade'))?.grade ?? gradeOptions[0]?.grade;

  const { data, error, isFetching } = useEnrolmentsQuery(
    { institutionId: institution.id, academicYearId: year?.id, gradeId: grade?.id, page, pageSize },
    { skip: !year || !grade },
  );
  // Enrolments carry only learner ids: name them from the institution's learners (one request),
  // and look up one by one only those who have left it.
  const { data: learners } = useLearnersQuery({ institutionId: institution.id, page: 1, pageSize: 200 });
  const names = new Map((learners?.items ?? []).map((l) => [l.id, `${learnerName(l)} (${l.learnerNumber})`]));
  const enrolled = (data?.items ?? []).filter((e) => e.status === 'Enrolled');
  const createdBy = [
    ...new Set((data?.items ?? []).map((e) => e.createdByPromotion).filter((p): p is string => Boolean(p))),
  ].filter((p) => p !== promotion?.promotionId);

  function choose(name: 'year' | 'grade', value: string) {
    const next = new URLSearchParams(params);
    next.set(name, value);
    if (name === 'year' && grade) next.set('grade', grade.id);
    if (name === 'grade' && year) next.set('year', year.id);
    setParams(next, { replace: true });
    setPage(1);
    setAction(null);
  }

  function done(text: string) {
    setAction(null);
    setMessage(text);
  }

  return (
    <section aria-labelledby="enrolments-heading" className="panel">
      <h2 id="enrolments-heading">Enrolments</h2>
      <ProblemAlert problem={toProblem(yearsError ?? levelsError)} />
      {years && years.length === 0 ? <p>No academic year has been set up yet.</p> : null}
      <form className="filter-form" onSubmit={(e) => e.preventDefault()} aria-label="Choose the class">
        <SelectField
          label="Academic year"
          name="year"
          value={year?.id ?? ''}
          onChange={(e) => choose('year', e.target.value)}
        >
          {years?.map((y) => (
            <option key={y.id} value={y.id}>
              {y.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Grade"
          name="grade"
          value={grade?.id ?? ''}
          onChange={(e) => choose('grade', e.target.value)}
        >
          {gradeOptions.map(({ grade: g, levelName }) => (
            <option key={g.id} value={g.id}>
              {g.name} ({levelName})
            </option>
          ))}
        </SelectField>
      </form>

      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {promotion ? (
        <div className="registry-subpanel">
          <StatusMessage>
            Promotion done: {promotion.promoted} promoted, {promotion.repeating} repeating, {promotion.graduated}{' '}
            graduated, {promotion.skipped.length} skipped.
          </StatusMessage>
          <UndoPromotionButton
            promotionId={promotion.promotionId}
            onUndone={(text) => {
              setPromotion(null);
              done(text);
            }}
          />
        </div>
      ) : null}
      <ProblemAlert problem={toProblem(error)} />

      {year && grade ? (
        <TableWrap label={`Enrolments in ${grade.name}, ${year.name}`} busy={isFetching}>
          <table>
            <caption className="visually-hidden">
              Enrolments in {grade.name}, {year.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Status</th>
                <th scope="col">Repeater</th>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
                <th scope="col">Reason</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data?.items.map((enrolment) => {
                const name = names.get(enrolment.learnerId);
                const plainName = name ?? 'this learner';
                return (
                  <tr key={enrolment.id}>
                    <td>
                      {name ? (
                        <Link to={`/registry/learners/${encodeURIComponent(enrolment.learnerId)}`}>{name}</Link>
                      ) : (
                        <LearnerLink id={enrolment.learnerId} />
                      )}
                    </td>
                    <td>
                      <span className={statusTagClass(enrolment.status)}>{label(enrolment.status)}</span>
                    </td>
                    <td>{enrolment.repeater ? 'Yes' : 'No'}</td>
                    <td className="nowrap">{formatDate(enrolment.startsOn)}</td>
                    <td className="nowrap">{formatDate(enrolment.endedOn)}</td>
                    <td className="wrap">{enrolment.endReason ?? ''}</td>
                    {canManage ? (
                      <td className="actions registry-row-actions">
                        {enrolment.status === 'Enrolled'
                          ? (['transfer', 'withdraw', 'graduate'] as const).map((kind) => (
                              <button
                                key={kind}
                                type="button"
                                className="button button--secondary button--small"
                                aria-label={`${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${plainName}`}
                                onClick={() => {
                                  setMessage(null);
                                  setAction({ kind, enrolment, name: plainName });
                                }}
                              >
                                {kind.charAt(0).toUpperCase()}
                                {kind.slice(1)}
                              </button>
                            ))
                          : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
              {data && data.items.length === 0 ? (
                <tr>
                  <td colSpan={canManage ? 7 : 6}>No learners are enrolled in this class.</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {data && data.total > data.pageSize ? (
        <Pagination label="Enrolments pages" data={data} onPageChange={setPage} />
      ) : null}

      {canManage && createdBy.length > 0 ? (
        <div className="registry-subpanel">
          <p>Some of these enrolments were made by a year-end promotion.</p>
          {createdBy.map((id) => (
            <UndoPromotionButton key={id} promotionId={id} onUndone={done} />
          ))}
        </div>
      ) : null}

      {canManage && action ? (
        <EndEnrolmentPanel
          key={`${action.kind}-${action.enrolment.id}`}
          action={action}
          institution={institution}
          onDone={done}
          onCancel={() => setAction(null)}
        />
      ) : null}

      {canManage && year && grade && years ? (
        <>
          <div className="registry-actions">
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={panel === 'enrol'}
              onClick={() => setPanel(panel === 'enrol' ? null : 'enrol')}
            >
              Enrol a learner…
            </button>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={panel === 'promote'}
              onClick={() => setPanel(panel === 'promote' ? null : 'promote')}
            >
              Promote the class…
            </button>
          </div>
          {panel === 'enrol' ? (
            <EnrolForm institution={institution} year={year} grades={gradeOptions} gradeId={grade.id} />
          ) : null}
          {panel === 'promote' ? (
            <PromoteForm
              institution={institution}
              year={year}
              years={years}
              grade={grade}
              enrolled={enrolled}
              names={names}
              onPromoted={(result) => {
                setMessage(null);
                setPanel(null);
                setPromotion(result);
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
