using Lnemis.Platform.Data;

namespace Lnemis.Integrations.Domain;

public enum PaymentState
{
    Created,
    Pending,
    Paid,
    Failed,
    Cancelled,
}

public enum PaymentPurpose
{
    SchoolFee,
    ExamFee,
    CertificateRequest,
}

public enum PaymentMethod
{
    /// <summary>The payer is sent to the gateway's page.</summary>
    Redirect,

    /// <summary>The gateway prompts the payer's phone (mobile money).</summary>
    Push,
}

/// <summary>What applying a gateway's report to a payment did.</summary>
public enum PaymentChange
{
    Changed,

    /// <summary>The payment is already in the reported state (a repeated callback): nothing to do.</summary>
    Unchanged,

    /// <summary>The payment already ended in another state; a late, contradicting report is ignored.</summary>
    Contradicted,

    /// <summary>The report's amount or currency is not the payment's: refused, nothing changes.</summary>
    Mismatch,
}

/// <summary>
/// A payment a payer owes the ministry (an exam fee, a certificate request), in minor units of its
/// currency. Created → Pending (the gateway took it) → Paid, Failed or Cancelled, which are final:
/// the gateway's callbacks and the reconciliation task move it, each change once.
/// </summary>
public sealed class Payment : IAudited, IScoped, IVersioned
{
    public Guid Id { get; set; }
    public PaymentPurpose Purpose { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public required string PayerReference { get; set; }
    public string? PayerPhone { get; set; }
    public string? Description { get; set; }
    public PaymentMethod Method { get; set; }
    public PaymentState State { get; set; }
    public string? GatewayReference { get; set; }
    public string? RedirectUrl { get; set; }
    public string? FailureReason { get; set; }
    public required string ScopePath { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public long Version { get; set; }

    public bool IsFinal => State is PaymentState.Paid or PaymentState.Failed or PaymentState.Cancelled;

    /// <summary>Applies what the gateway reports (by callback or when asked).</summary>
    public PaymentChange Apply(PaymentState reported, long amountMinor, string currency, DateTimeOffset now)
    {
        if (amountMinor != AmountMinor || !string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase))
        {
            return PaymentChange.Mismatch;
        }

        if (reported == State || reported == PaymentState.Created || (reported == PaymentState.Pending && State != PaymentState.Created))
        {
            return PaymentChange.Unchanged;
        }

        if (IsFinal)
        {
            return PaymentChange.Contradicted;
        }

        State = reported;
        UpdatedAt = now;
        if (reported == PaymentState.Paid)
        {
            PaidAt = now;
        }

        return PaymentChange.Changed;
    }
}

/// <summary>One verification of a learner's or staff member's national identity number, with the register's answer.</summary>
public sealed class IdentityVerification : IAudited, IScoped
{
    public Guid Id { get; set; }
    public required string SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public required string ScopePath { get; set; }
    public Lnemis.Platform.Integrations.IdentityMatch Result { get; set; }
    public string? Reason { get; set; }

    /// <summary>The last characters of the number checked (never the whole number).</summary>
    public required string NationalIdHint { get; set; }

    public required string CheckedBy { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
}
