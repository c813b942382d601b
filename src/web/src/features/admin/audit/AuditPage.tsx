import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { toProblem } from '../../../api/problem';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAuditRecordsQuery, useVerifyAuditChainMutation, type ChainVerification } from './auditApi';
import { TableWrap } from '../../../components/TableWrap';

const pageSize = 20;

function describeChanges(changes: unknown): string {
  if (changes === null || changes === undefined || changes === '') return '';
  if (typeof changes !== 'string') return JSON.stringify(changes, null, 2);
  try {
    // Changes may arrive as JSON text; show it indented when it is.
    return JSON.stringify(JSON.parse(changes), null, 2);
  } catch {
    return changes;
  }
}

function VerificationResult({ result }: { result: ChainVerification }) {
  if (result.valid) {
    return (
      <div className="alert alert--success">
        <p className="alert__title">The audit chain is intact.</p>
        <p>{result.checked} records checked; none has been altered or removed.</p>
      </div>
    );
  }
  return (
    <div className="alert alert--error">
      <p className="alert__title">The audit chain is broken.</p>
      <p>
        {result.checked} records checked. The first record that does not match is number{' '}
        {result.firstBrokenSequence ?? 'unknown'}. Report this to the system administrator.
      </p>
    </div>
  );
}

export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const entityType = params.get('entityType') ?? '';
  const entityId = params.get('entityId') ?? '';
  const [typeInput, setTypeInput] = useState(entityType);
  const [idInput, setIdInput] = useState(entityId);
  const { data, error, isFetching } = useAuditRecordsQuery({
    page,
    pageSize,
    entityType: entityType || undefined,
    entityId: entityId || undefined,
  });
  const [verify, verifyState] = useVerifyAuditChainMutation();

  function go(next: { page?: number; entityType?: string; entityId?: string }) {
    const query = new URLSearchParams();
    const type = next.entityType ?? entityType;
    const id = next.entityId ?? entityId;
    if (type) query.set('entityType', type);
    if (id) query.set('entityId', id);
    if (next.page && next.page > 1) query.set('page', String(next.page));
    setParams(query);
  }

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go({ page: 1, entityType: typeInput.trim(), entityId: idInput.trim() });
  }

  return (
    <Page title="Audit trail">
      <section aria-labelledby="verify-heading" className="panel">
        <h2 id="verify-heading">Check the audit chain</h2>
        <p>Each record is chained to the one before it, so that any change or removal can be detected.</p>
        <button type="button" className="button" onClick={() => void verify()} disabled={verifyState.isLoading}>
          {verifyState.isLoading ? 'Verifying…' : 'Verify chain'}
        </button>
        <div role="status" className="verify-result">
          {verifyState.data ? <VerificationResult result={verifyState.data} /> : null}
        </div>
        <ProblemAlert problem={toProblem(verifyState.error)} />
      </section>

      <section aria-labelledby="records-heading">
        <h2 id="records-heading">Records</h2>
        <form className="filter-form" onSubmit={filter} aria-label="Filter audit records">
          <div className="field">
            <label htmlFor="audit-entity-type">Entity type</label>
            <input id="audit-entity-type" value={typeInput} onChange={(e) => setTypeInput(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="audit-entity-id">Entity id</label>
            <input
              id="audit-entity-id"
              value={idInput}
              onChange={(e) => setIdInput(e.target.value)}
              spellCheck={false}
            />
          </div>
          <button type="submit" className="button button--secondary">
            Filter
          </button>
        </form>
        <ProblemAlert problem={toProblem(error)} />
        <TableWrap label="Audit records" busy={isFetching}>
          <table>
            <caption className="visually-hidden">Audit records, newest first</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Entity</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {data?.items.map((record) => {
                const changes = describeChanges(record.changes);
                return (
                  <tr key={record.sequence}>
                    <td className="numeric">{record.sequence}</td>
                    <td className="nowrap">{formatDateTime(record.at)}</td>
                    <td className="wrap">
                      {record.userEmail ??
                        (record.userId ? (
                          <span className="muted small">{record.userId}</span>
                        ) : (
                          <span className="muted">System</span>
                        ))}
                    </td>
                    <td className="nowrap">{record.action}</td>
                    <td>
                      {record.entityType}
                      {record.entityId ? <span className="muted small"> {record.entityId}</span> : null}
                    </td>
                    <td>
                      {changes ? (
                        <details>
                          <summary>Show changes</summary>
                          <pre>{changes}</pre>
                        </details>
                      ) : (
                        <span className="muted">None</span>
                      )}
                    </td>
                  </tr>
                );
              })}
              {data && data.items.length === 0 ? (
                <tr>
                  <td colSpan={6}>No audit records found.</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </TableWrap>
        {data ? <Pagination label="Audit pages" data={data} onPageChange={(p) => go({ page: p })} /> : null}
      </section>
    </Page>
  );
}
