import { Link } from 'react-router';
import { toProblem } from '../../../api/problem';
import { SelectField, TextField } from '../../../components/fields';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { TableWrap } from '../../../components/TableWrap';
import { useUrlFilters } from '../../registry/useUrlFilters';
import { formatAmount, paymentStates, purposeLabels, stateTagClass, usePaymentsQuery } from './paymentsApi';
import { FilterButtons } from '../../../components/FilterButtons';

const pageSize = 20;
const filterNames = ['state', 'payerReference'] as const;

/** Payments through the gateway, newest first (read only: payments are made by the services that take them). */
export function PaymentsPage() {
  const { filters, page, draft, setDraft, go, submit, active } = useUrlFilters(filterNames);
  const { data, error, isLoading, isFetching } = usePaymentsQuery({
    state: filters.state || undefined,
    payerReference: filters.payerReference || undefined,
    page,
    pageSize,
  });
  return (
    <Page title="Payments">
      <form className="filter-form" role="search" aria-label="Filter payments" onSubmit={submit}>
        <SelectField
          label="State"
          name="state"
          value={draft.state}
          onChange={(e) => setDraft({ ...draft, state: e.target.value })}
        >
          <option value="">Any state</option>
          {paymentStates.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Payer reference"
          name="payerReference"
          value={draft.payerReference}
          onChange={(e) => setDraft({ ...draft, payerReference: e.target.value })}
          spellCheck={false}
        />
        <FilterButtons active={Boolean(active)} onClear={() => go({}, 1)} />
      </form>
      <ProblemAlert problem={toProblem(error)} />
      {isLoading ? <p role="status">Loading payments…</p> : null}
      {data ? (
        <>
          <TableWrap label="Payments" busy={isFetching}>
            <table>
              <caption className="visually-hidden">Payments, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">Payer reference</th>
                  <th scope="col">Amount</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <td className="nowrap">
                      <Link to={`/admin/payments/${encodeURIComponent(p.id)}`}>{formatDateTime(p.createdAt)}</Link>
                    </td>
                    <td>{purposeLabels[p.purpose] ?? p.purpose}</td>
                    <td className="wrap">{p.payerReference}</td>
                    <td className="numeric nowrap">{formatAmount(p.amountMinor, p.currency)}</td>
                    <td>
                      <span className={stateTagClass(p.state)}>{p.state}</span>
                    </td>
                  </tr>
                ))}
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={5}>{active ? 'No payments match the filters.' : 'There are no payments yet.'}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </TableWrap>
          <Pagination label="Payments pages" data={data} onPageChange={(p) => go(filters, p)} />
        </>
      ) : null}
    </Page>
  );
}
