import { useId, useState } from 'react';
import { toProblem } from '../../api/problem';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TableWrap } from '../../components/TableWrap';
import { statusLabels, useImportProblemsQuery, type ImportStatus, type ImportView } from './importsApi';
import './imports.css';

export const wizardSteps = ['Upload the file', 'Map the columns', 'Dry run', 'Apply'] as const;

/** Where the wizard is: earlier steps are done, the current one is marked for assistive technology too. */
export function WizardSteps({ current }: { current: number | 'done' }) {
  return (
    <ol className="wizard-steps" aria-label="Import steps">
      {wizardSteps.map((step, index) => {
        const number = index + 1;
        const done = current === 'done' || number < current;
        return (
          <li
            key={step}
            aria-current={number === current ? 'step' : undefined}
            className={done ? 'wizard-steps__done' : undefined}
          >
            {number}. {step}
            {done ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const kind = status === 'Applied' ? 'tag tag--ok' : status === 'Failed' ? 'tag tag--off' : 'tag';
  return <span className={kind}>{statusLabels[status]}</span>;
}

const number = new Intl.NumberFormat('en-GB');

export function formatCount(value: number): string {
  return number.format(value);
}

/** "Checked 2,000 of 4,000 rows (50%)." — or without the total while the file is still being counted. */
export function progressText(view: ImportView): string {
  const processed = view.progress?.processedRows ?? 0;
  const total = view.progress?.totalRows ?? null;
  const verb = view.status === 'Applying' ? 'Applied' : 'Checked';
  if (total && total > 0) {
    const share = Math.min(100, Math.round((processed / total) * 100));
    return `${verb} ${formatCount(processed)} of ${formatCount(total)} rows (${share}%).`;
  }
  return `${verb} ${formatCount(processed)} ${processed === 1 ? 'row' : 'rows'} so far.`;
}

/** A running dry run or apply: a progress bar and a live text that screen readers announce. */
export function RunProgress({ view }: { view: ImportView }) {
  const headingId = useId();
  const textId = useId();
  const total = view.progress?.totalRows ?? null;
  const processed = view.progress?.processedRows ?? 0;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{view.status === 'Applying' ? 'Applying the import' : 'Dry run: checking every row'}</h2>
      <p>
        {view.status === 'Applying'
          ? 'The rows are being written to the registry in one transaction. You can leave this page; the import carries on.'
          : 'Nothing in the registry changes during the dry run. You can leave this page; the check carries on.'}
      </p>
      {total ? (
        <progress className="progress-bar" aria-labelledby={textId} max={total} value={Math.min(processed, total)} />
      ) : (
        <progress className="progress-bar" aria-labelledby={textId} />
      )}
      <p id={textId} aria-live="polite">
        {progressText(view)}
      </p>
    </section>
  );
}

/** The bad rows the last run found, page by page. */
export function ProblemsTable({ id, caption }: { id: string; caption: string }) {
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useImportProblemsQuery({ id, page, pageSize: 20 });
  return (
    <>
      <ProblemAlert problem={toProblem(error)} />
      <TableWrap label={caption} busy={isFetching}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {data?.items.map((p, index) => (
              <tr key={`${p.row}-${p.column ?? ''}-${index}`}>
                <td className="numeric">{p.row}</td>
                <td>{p.column ?? <span className="muted">—</span>}</td>
                <td className="wrap">{p.value ? <code>{p.value}</code> : <span className="muted">Empty</span>}</td>
                <td className="wrap">{p.message}</td>
              </tr>
            ))}
            {data && data.items.length === 0 ? (
              <tr>
                <td colSpan={4}>No problems were recorded.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableWrap>
      {data && data.total > data.pageSize ? (
        <Pagination label={`${caption} pages`} data={data} onPageChange={setPage} />
      ) : null}
    </>
  );
}
