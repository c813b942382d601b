import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { toProblem } from '../../api/problem';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, today } from '../registry/format';
import { CaseActions } from './CaseActions';
import { CaseFilesPanel } from './CaseFilesPanel';
import {
  eventLabel,
  stateLabel,
  teamNamer,
  useCaseQuery,
  useTeamsQuery,
  words,
  type CaseDetail,
  type DeadlineView,
  type TransitionView,
} from './casesApi';
import { DeadlineCell } from './CaseParts';
import { CaseLettersPanel } from './letters/CaseLettersPanel';
import '../registry/registry.css';
import './cases.css';

const deadlineKindLabels: Record<string, string> = {
  Draft: 'Draft deadline',
  Escalation: 'Escalation deadline',
  Final: 'Final deadline',
};

const changeLabels: Record<string, string> = {
  extension: 'Extension',
  extension_removed: 'Extension removed',
  clock_stopped: 'Clock stopped',
  clock_restarted: 'Clock restarted',
  date_set: 'Date set by the Commissioner',
};

function Deadlines({ deadlines }: { deadlines: DeadlineView[] }) {
  if (deadlines.length === 0) return <p>This case has no deadlines.</p>;
  return (
    <ul className="deadline-list">
      {deadlines.map((d) => {
        const title = deadlineKindLabels[d.kind] ?? `${words(d.kind)} deadline`;
        return (
          <li key={d.kind} className={d.kind === 'Final' ? 'deadline-list__final' : undefined}>
            <h3>
              {title}: {formatDate(d.date)}
            </h3>
            <p>
              <span className="visually-hidden">Why this date: </span>
              {d.explanation}
            </p>
            {d.clockStoppedSince ? (
              <p>
                <strong>The clock is stopped</strong> since {formatDate(d.clockStoppedSince)}.
              </p>
            ) : null}
            <p className="muted small">
              Rule: {d.rule}
              {d.basis ? ` — ${d.basis}` : ''}
            </p>
            {d.steps.length > 0 ? (
              <details>
                <summary>How {title.toLowerCase()} was worked out</summary>
                <ol>
                  {d.steps.map((step, i) => (
                    <li key={i}>{step}</li>
                  ))}
                </ol>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function Timeline({ history, teamName }: { history: TransitionView[]; teamName: (id: string | null) => string }) {
  return (
    <ol className="timeline" aria-label="Case history">
      {history.map((t) => (
        <li key={t.sequence}>
          <p>
            <strong>{eventLabel(t.event)}</strong> <span className="muted">· {formatDateTime(t.at)}</span>
          </p>
          <p>
            {t.fromState && t.fromState !== t.toState ? (
              <>
                {stateLabel(t.fromState)} → {stateLabel(t.toState)}
              </>
            ) : (
              <>State: {stateLabel(t.toState)}</>
            )}
          </p>
          {t.actorRole || t.actorTeamId || t.actorName ? (
            <p>
              By {t.actorName ? `${t.actorName}, ` : ''}
              {t.actorRole ? t.actorRole.toLowerCase() : 'someone'}
              {t.actorTeamId ? ` in ${teamName(t.actorTeamId)}` : ''}
            </p>
          ) : null}
          {t.teamId && t.teamId !== t.actorTeamId ? <p>Team: {teamName(t.teamId)}</p> : null}
          {t.message ? <p className="timeline__message">“{t.message}”</p> : null}
          {t.fileName ? <p className="timeline__file">File: {t.fileName}</p> : null}
          {t.deadlineChange ? (
            <p>
              {changeLabels[t.deadlineChange.kind] ?? words(t.deadlineChange.kind)} on {formatDate(t.deadlineChange.on)}
              {t.deadlineChange.amount ? ` (by ${t.deadlineChange.amount})` : ''}
              {t.deadlineChange.category
                ? ` — ${words(t.deadlineChange.category.replace(/([a-z])([A-Z])/g, '$1_$2')).toLowerCase()}`
                : ''}
            </p>
          ) : null}
          {t.deadlineBefore !== t.deadlineAfter && (t.deadlineBefore || t.deadlineAfter) ? (
            <p>
              Final deadline: {formatDate(t.deadlineBefore)} → {formatDate(t.deadlineAfter)}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Summary({ detail, teamName }: { detail: CaseDetail; teamName: (id: string | null) => string }) {
  const rows: [string, ReactNode][] = [
    ['Type', detail.typeTitle],
    ['State', stateLabel(detail.state)],
    ['Received', formatDate(detail.receivedOn)],
    [
      'Final deadline',
      <DeadlineCell key="d" deadline={detail.finalDeadline} respondedOn={detail.respondedOn} today={today()} />,
    ],
    ['Requester', detail.requesterName],
    ['Requester email', detail.requesterEmail ?? '—'],
    ['Managing team', teamName(detail.managingTeamId)],
    ['Responding team', detail.respondingTeamId ? teamName(detail.respondingTeamId) : '—'],
    ['Responder', detail.responderName ?? (detail.responderId ? 'Unknown user' : '—')],
    [
      'Clearance',
      detail.flaggedSteps.length === 0
        ? 'None flagged'
        : detail.flaggedSteps
            .map((s) => `${words(s)}${detail.approvedSteps.includes(s) ? ' (approved)' : ''}`)
            .join(', '),
    ],
    ['Response file', detail.responseFileName ?? '—'],
    ['Responded on', formatDate(detail.respondedOn)],
  ];
  if (detail.clockStopped) rows.push(['Clock', 'Stopped']);
  if (detail.isExtended) rows.push(['Extension', 'The final deadline has been extended']);
  if (detail.closure) {
    rows.push(['Closed on', formatDate(detail.closure.closedOn)]);
    rows.push(['Information held', words(detail.closure.informationHeld ?? '—')]);
    if (detail.closure.outcome) rows.push(['Outcome', detail.closure.outcome]);
    if (detail.closure.appealOutcome) rows.push(['Commissioner’s decision', detail.closure.appealOutcome]);
    if (detail.closure.exemptions.length > 0) rows.push(['Exemptions', detail.closure.exemptions.join(', ')]);
  }
  return (
    <dl className="summary">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { data: detail, error, isLoading, isFetching, refetch } = useCaseQuery(id);
  const { data: teams } = useTeamsQuery();
  const teamName = teamNamer(teams?.items);

  if (isLoading) return <p role="status">Loading…</p>;
  if (!detail) {
    return (
      <Page title="Case">
        <ProblemAlert problem={toProblem(error)} />
        <p>
          <Link to="/cases">Back to the cases</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={`Case ${detail.number}: ${detail.subject}`}>
      <p>
        <Link to="/cases">Back to the cases</Link>
      </p>
      {isFetching ? (
        <p role="status" className="muted">
          Refreshing…
        </p>
      ) : null}
      {detail.isLate ? (
        <div className="alert alert--warning">
          <p>This case is late.</p>
        </div>
      ) : null}
      <div className="case-layout">
        <div>
          <section aria-labelledby="case-summary-heading">
            <h2 id="case-summary-heading">Summary</h2>
            <Summary detail={detail} teamName={teamName} />
          </section>
          <section aria-labelledby="case-deadlines-heading">
            <h2 id="case-deadlines-heading">Deadlines and why</h2>
            <Deadlines deadlines={detail.deadlines} />
          </section>
          <section aria-labelledby="case-history-heading">
            <h2 id="case-history-heading">History</h2>
            <Timeline history={detail.history} teamName={teamName} />
          </section>
          <CaseLettersPanel detail={detail} />
          <CaseFilesPanel detail={detail} />
        </div>
        <CaseActions detail={detail} teams={teams?.items ?? []} onReload={() => void refetch()} />
      </div>
    </Page>
  );
}
