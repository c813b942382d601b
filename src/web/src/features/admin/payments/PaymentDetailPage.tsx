import { Link, useParams } from 'react-router';
import { toProblem } from '../../../api/problem';
import { formatDateTime } from '../../../components/format';
import { Page } from '../../../components/Page';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasPermission, useMeQuery } from '../../auth/authApi';
import { formatAmount, purposeLabels, stateTagClass, usePaymentQuery } from './paymentsApi';

/** One payment. The API keeps its state and when it changed; each callback is in the audit trail, not here. */
export function PaymentDetailPage() {
  const { id = '' } = useParams();
  const { data: payment, error, isLoading } = usePaymentQuery(id);
  const { data: me } = useMeQuery();
  const title = payment
    ? `${purposeLabels[payment.purpose] ?? payment.purpose}: ${formatAmount(payment.amountMinor, payment.currency)}`
    : 'Payment';
  const rows: [string, React.ReactNode][] = payment
    ? [
        ['State', <span className={stateTagClass(payment.state)}>{payment.state}</span>],
        ['Amount', `${formatAmount(payment.amountMinor, payment.currency)} (${payment.amountMinor} minor units)`],
        ['Purpose', purposeLabels[payment.purpose] ?? payment.purpose],
        ['Payer reference', payment.payerReference],
        ['Description', payment.description ?? '—'],
        ['Method', payment.method === 'Push' ? 'Prompt on the payer’s phone' : 'Payer sent to the gateway’s page'],
        ['Gateway reference', payment.gatewayReference ?? '—'],
        ['Place', payment.scopePath],
      ]
    : [];
  return (
    <Page title={title}>
      <p>
        <Link to="/admin/payments">Back to payments</Link>
      </p>
      {isLoading ? <p role="status">Loading the payment…</p> : null}
      <ProblemAlert problem={toProblem(error)} />
      {payment ? (
        <>
          {payment.failureReason ? (
            <div className="alert alert--error">
              <p className="alert__title">Why it failed</p>
              <p>{payment.failureReason}</p>
            </div>
          ) : null}
          <section aria-labelledby="payment-heading">
            <h2 id="payment-heading" className="visually-hidden">
              Payment
            </h2>
            <dl className="summary">
              {rows.map(([term, value]) => (
                <div key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <ol className="plain-list">
              <li>Created {formatDateTime(payment.createdAt)}</li>
              {payment.paidAt ? <li>Paid {formatDateTime(payment.paidAt)}</li> : null}
              {payment.updatedAt !== payment.createdAt ? (
                <li>
                  Last changed {formatDateTime(payment.updatedAt)} (now {payment.state})
                </li>
              ) : null}
            </ol>
            {hasPermission(me, 'audit.read') ? (
              <p>
                <Link to={`/admin/audit?entityType=Payment&entityId=${encodeURIComponent(payment.id)}`}>
                  Every change of this payment in the audit trail
                </Link>{' '}
                (each gateway callback and reconciliation that changed it, and refused callbacks).
              </p>
            ) : (
              <p className="hint">
                Each change from a gateway callback is recorded in the audit trail (payment {payment.id}).
              </p>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
