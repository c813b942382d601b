import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toProblem } from '../../api/problem';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SelectField, TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert, StatusMessage } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { formatDate } from '../registry/format';
import { formProblem, inlineFields } from '../registry/formErrors';
import { caseTypes, caseTypeTitle } from './casesApi';
import {
  useDecideRetentionMutation,
  useRetentionDueQuery,
  useRetentionRulesQuery,
  useUpdateRetentionRuleMutation,
  type CaseRetention,
  type RetentionAction,
  type RetentionDecisionKind,
  type RetentionRule,
} from './teamAdminApi';
import './cases.css';

const actions: RetentionAction[] = ['Anonymise', 'Destroy'];

function RuleRow({ rule }: { rule: RetentionRule }) {
  const [update, state] = useUpdateRetentionRuleMutation();
  const [values, setValues] = useState({
    keepYears: String(rule.keepYears),
    action: rule.action,
    automatic: rule.automatic,
  });
  const [clientError, setClientError] = useState<string[] | undefined>();
  const [saved, setSaved] = useState(false);
  const problem = formProblem(state.error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const years = Number(values.keepYears);
    if (!Number.isInteger(years) || years < 1 || years > 100) {
      setClientError(['Keep for 1 to 100 years.']);
      return;
    }
    setClientError(undefined);
    const result = await update({
      type: rule.type,
      keepYears: years,
      action: values.action,
      automatic: values.automatic,
      version: rule.isDefault ? null : rule.version,
    });
    if ('data' in result) setSaved(true);
  }

  return (
    <li>
      <form onSubmit={submit} noValidate className="form" aria-label={`Retention rule for ${rule.typeTitle}`}>
        <h3>
          {rule.typeTitle} {rule.isDefault ? <span className="muted small">(default)</span> : null}
        </h3>
        {saved ? <StatusMessage>Saved.</StatusMessage> : null}
        {clientError ? null : (
          <ProblemAlert problem={problem} shownFields={inlineFields(problem, ['keepYears', 'action', 'automatic'])} />
        )}
        <TextField
          label="Keep for (years after closure)"
          name="keepYears"
          type="number"
          min={1}
          max={100}
          value={values.keepYears}
          onChange={(e) => setValues((v) => ({ ...v, keepYears: e.target.value }))}
          errors={clientError ?? problem?.fieldErrors?.keepYears}
        />
        <SelectField
          label="Then"
          name="action"
          value={values.action}
          onChange={(e) => setValues((v) => ({ ...v, action: e.target.value as RetentionAction }))}
          errors={problem?.fieldErrors?.action}
        >
          {actions.map((a) => (
            <option key={a} value={a}>
              {a === 'Destroy' ? 'Dispose of the case' : 'Anonymise the case'}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input
            type="checkbox"
            name="automatic"
            checked={values.automatic}
            onChange={(e) => setValues((v) => ({ ...v, automatic: e.target.checked }))}
          />{' '}
          Act automatically when due (otherwise wait for a decision on the review list)
        </label>
        <button type="submit" className="button button--small" disabled={state.isLoading}>
          Save rule
        </button>
      </form>
    </li>
  );
}

const decisions: {
  kind: RetentionDecisionKind;
  label: string;
  question: (c: CaseRetention) => string;
  danger: boolean;
}[] = [
  {
    kind: 'anonymise',
    label: 'Anonymise',
    question: (c) => `Anonymise case ${c.number}? Personal data is overwritten for good.`,
    danger: true,
  },
  {
    kind: 'dispose',
    label: 'Dispose',
    question: (c) => `Dispose of case ${c.number}? The case and its history are deleted for good.`,
    danger: true,
  },
  { kind: 'hold', label: 'Hold', question: (c) => `Put case ${c.number} on legal hold?`, danger: false },
  { kind: 'release', label: 'Release', question: (c) => `Release the hold on case ${c.number}?`, danger: false },
];

function DueRow({ item, reason }: { item: CaseRetention; reason: string }) {
  const [decide, state] = useDecideRetentionMutation();
  const allowed = decisions.filter((d) =>
    d.kind === 'hold'
      ? !item.onHold
      : d.kind === 'release'
        ? item.onHold
        : !item.onHold && (d.kind === 'dispose' || !item.anonymisedAt),
  );
  return (
    <tr>
      <td>
        <Link to={`/cases/${item.caseId}`}>{item.number}</Link>
      </td>
      <td>{caseTypeTitle(item.type)}</td>
      <td>{formatDate(item.closedOn)}</td>
      <td>{formatDate(item.dueOn)}</td>
      <td>{item.action === 'Destroy' ? 'Dispose' : (item.action ?? '—')}</td>
      <td>{item.onHold ? `On hold${item.holdReason ? `: ${item.holdReason}` : ''}` : 'No'}</td>
      <td>
        <ProblemAlert problem={toProblem(state.error)} />
        {allowed.map((d) => (
          <ConfirmButton
            key={d.kind}
            label={d.label}
            accessibleLabel={`${d.label} ${item.number}`}
            question={d.question(item)}
            confirmLabel={d.label}
            danger={d.danger}
            disabled={state.isLoading}
            onConfirm={() => void decide({ caseId: item.caseId, decision: d.kind, reason: reason.trim() || null })}
          />
        ))}
      </td>
    </tr>
  );
}

/** Retention review: the rule per case type, and the cases due for a decision (anonymise, dispose, hold, release). */
export function RetentionPage() {
  const rules = useRetentionRulesQuery();
  const [filters, setFilters] = useState({ type: '', held: '' });
  const [page, setPage] = useState(1);
  const [reason, setReason] = useState('');
  const due = useRetentionDueQuery({ page, ...filters });

  return (
    <Page title="Retention review">
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Due for a decision</h2>
        <div className="form form--filters" role="search" aria-label="Filter the review list">
          <SelectField
            label="Case type"
            name="type"
            value={filters.type}
            onChange={(e) => {
              setFilters((f) => ({ ...f, type: e.target.value }));
              setPage(1);
            }}
          >
            <option value="">All</option>
            {caseTypes.map((t) => (
              <option key={t.code} value={t.code}>
                {t.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Legal hold"
            name="held"
            value={filters.held}
            onChange={(e) => {
              setFilters((f) => ({ ...f, held: e.target.value }));
              setPage(1);
            }}
          >
            <option value="">Either</option>
            <option value="true">On hold</option>
            <option value="false">Not on hold</option>
          </SelectField>
          <TextField
            label="Reason for decisions (recorded)"
            name="reason"
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <ProblemAlert problem={toProblem(due.error)} />
        {due.data ? (
          <>
            <TableWrap label="Cases due for a retention decision" busy={due.isFetching}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Type</th>
                    <th scope="col">Closed</th>
                    <th scope="col">Due</th>
                    <th scope="col">Rule says</th>
                    <th scope="col">Hold</th>
                    <th scope="col">Decide</th>
                  </tr>
                </thead>
                <tbody>
                  {due.data.items.map((item) => (
                    <DueRow key={item.caseId} item={item} reason={reason} />
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {due.data.items.length === 0 ? <p>Nothing is due.</p> : null}
            <Pagination label="Review list pages" data={due.data} onPageChange={setPage} />
          </>
        ) : null}
      </section>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules per case type</h2>
        <ProblemAlert problem={toProblem(rules.error)} />
        <ul className="plain-list">
          {(rules.data ?? []).map((rule) => (
            <RuleRow key={`${rule.type}-${rule.version}-${rule.isDefault}`} rule={rule} />
          ))}
        </ul>
      </section>
    </Page>
  );
}
