import { apiRoot } from '../../../api/antiforgery';
import { SelectField, TextField } from '../../../components/fields';
import { Page } from '../../../components/Page';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { formProblem } from '../../registry/formErrors';
import { useUrlFilters } from '../../registry/useUrlFilters';
import { caseTypes, teamNamer, useTeamsQuery } from '../casesApi';
import {
  reportParams,
  useAgeingReportQuery,
  useAppealsReportQuery,
  useTimelinessReportQuery,
  type ReportFilters,
  type ReportName,
} from './reportsApi';
import { byMonth, ragColours, TimelinessChart } from './TimelinessChart';
import '../../registry/registry.css';
import '../cases.css';
import { FilterButtons } from '../../../components/FilterButtons';

const filterNames = ['from', 'to', 'type', 'teamId'] as const;

/** Where the server's field errors are shown: each filter under its own field. */
const shownFields = [...filterNames];

function exportHref(report: ReportName, filters: ReportFilters, format: 'csv' | 'xlsx') {
  const search = new URLSearchParams(reportParams(filters));
  search.set('format', format);
  return `${apiRoot()}/correspondence/reports/${report}/export?${search.toString()}`;
}

function ExportLinks({ report, filters, title }: { report: ReportName; filters: ReportFilters; title: string }) {
  return (
    <p className="registry-actions">
      <a className="button button--secondary button--small" href={exportHref(report, filters, 'csv')}>
        {title} as CSV
      </a>
      <a className="button button--secondary button--small" href={exportHref(report, filters, 'xlsx')}>
        {title} as Excel
      </a>
    </p>
  );
}

function Rating({ rag, percent }: { rag: string; percent: number | null }) {
  return (
    <span className={`rag rag--${rag}`} style={{ color: ragColours[rag as keyof typeof ragColours] }}>
      {percent === null ? '—' : `${percent}%`} <span className="visually-hidden">rated</span> ({rag})
    </span>
  );
}

export function ReportsPage() {
  const { filters, draft, setDraft, submit, go, active } = useUrlFilters(filterNames);
  const applied: ReportFilters = {
    from: filters.from || undefined,
    to: filters.to || undefined,
    type: filters.type || undefined,
    teamId: filters.teamId || undefined,
  };
  const { data: teams } = useTeamsQuery();
  const teamName = teamNamer(teams?.items);
  const timeliness = useTimelinessReportQuery(applied);
  const appeals = useAppealsReportQuery(applied);
  const ageing = useAgeingReportQuery(applied);
  // All three take the same filters: the first to refuse them explains why.
  const problem = formProblem(timeliness.error ?? appeals.error ?? ageing.error);
  const errors = problem?.fieldErrors ?? {};
  const set = (name: (typeof filterNames)[number], value: string) => setDraft({ ...draft, [name]: value });

  return (
    <Page title="Correspondence reports">
      <form className="filter-form" onSubmit={submit} role="search" aria-label="Report filters">
        <TextField
          label="From month"
          name="from"
          type="month"
          value={draft.from}
          placeholder="yyyy-mm"
          errors={errors.from}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          label="To month"
          name="to"
          type="month"
          value={draft.to}
          placeholder="yyyy-mm"
          errors={errors.to}
          onChange={(e) => set('to', e.target.value)}
        />
        <SelectField
          label="Type"
          name="type"
          value={draft.type}
          errors={errors.type}
          onChange={(e) => set('type', e.target.value)}
        >
          <option value="">Any type</option>
          {caseTypes.map((t) => (
            <option key={t.code} value={t.code}>
              {t.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="Team" name="teamId" value={draft.teamId} onChange={(e) => set('teamId', e.target.value)}>
          <option value="">Any team</option>
          {teams?.items
            .filter((t) => t.kind === 'BusinessUnit')
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </SelectField>
        <FilterButtons active={Boolean(active)} onClear={() => go({}, 1)} applyLabel="Show" primary />
      </form>

      <ProblemAlert problem={problem} shownFields={shownFields} />

      <section aria-labelledby="timeliness-heading">
        <h2 id="timeliness-heading">Timeliness</h2>
        {timeliness.data ? (
          <>
            <p>
              Answered: {timeliness.data.total.answered}, in time: {timeliness.data.total.inTime}, late:{' '}
              {timeliness.data.total.late} —{' '}
              <Rating rag={timeliness.data.total.rag} percent={timeliness.data.total.percentInTime} />
            </p>
            <TimelinessChart points={byMonth(timeliness.data.lines)} />
            {timeliness.data.lines.length === 0 ? (
              <p>No answered cases match.</p>
            ) : (
              <TableWrap label="Timeliness by month, type and unit">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col">Type</th>
                      <th scope="col">Unit</th>
                      <th scope="col">In time</th>
                      <th scope="col">Late</th>
                      <th scope="col">% in time</th>
                    </tr>
                  </thead>
                  <tbody>
                    {timeliness.data.lines.map((line) => (
                      <tr key={`${line.month}-${line.type}-${line.teamId}`}>
                        <td>{line.month}</td>
                        <td>{line.typeTitle}</td>
                        <td>{line.teamName ?? teamName(line.teamId)}</td>
                        <td>{line.inTime}</td>
                        <td>{line.late}</td>
                        <td>
                          <Rating rag={line.rag} percent={line.percentInTime} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <ExportLinks report="timeliness" filters={applied} title="Timeliness" />
          </>
        ) : timeliness.isLoading ? (
          <p>Loading…</p>
        ) : null}
      </section>

      <section aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">Appeal outcomes</h2>
        {appeals.data ? (
          <>
            {appeals.data.lines.length === 0 ? (
              <p>No appeals match.</p>
            ) : (
              <TableWrap label="Appeal outcomes by type">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Appeal type</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Cases</th>
                    </tr>
                  </thead>
                  <tbody>
                    {appeals.data.lines.map((line) => (
                      <tr key={`${line.type}-${line.outcome}`}>
                        <td>{line.typeTitle}</td>
                        <td>{line.outcome.replaceAll('_', ' ')}</td>
                        <td>{line.cases}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <ExportLinks report="appeals" filters={applied} title="Appeal outcomes" />
          </>
        ) : null}
      </section>

      <section aria-labelledby="ageing-heading">
        <h2 id="ageing-heading">Open cases by age</h2>
        {ageing.data ? (
          <>
            {ageing.data.lines.length === 0 ? (
              <p>No open cases match.</p>
            ) : (
              <TableWrap label="Open cases by age in days">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Unit</th>
                      <th scope="col">Type</th>
                      {ageing.data.buckets.map((bucket) => (
                        <th key={bucket} scope="col">
                          {bucket} days
                        </th>
                      ))}
                      <th scope="col">Open</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ageing.data.lines.map((line) => (
                      <tr key={`${line.teamId}-${line.type}`}>
                        <td>{line.teamName ?? teamName(line.teamId)}</td>
                        <td>{line.typeTitle}</td>
                        {line.counts.map((count, i) => (
                          <td key={ageing.data?.buckets[i]}>{count}</td>
                        ))}
                        <td>{line.total}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <ExportLinks report="ageing" filters={applied} title="Ageing" />
          </>
        ) : null}
      </section>
    </Page>
  );
}
