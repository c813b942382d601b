using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

/// <summary>What happens to a case when its retention period is over.</summary>
public enum RetentionAction
{
    /// <summary>Personal data and message text are overwritten; the case, its number and its figures stay.</summary>
    Anonymise,

    /// <summary>The case and its history are deleted; a tombstone keeps the number.</summary>
    Destroy,
}

/// <summary>
/// How long a closed case of one type is kept and what happens then. A stored rule overrides the
/// shipped default (<see cref="RetentionRules.Default"/>); <see cref="Automatic"/> lets the review
/// task act without a person's decision — otherwise it only lists the case as due.
/// </summary>
public sealed class RetentionRule : IAudited, IVersioned
{
    public Guid Id { get; set; }
    public CaseType Type { get; set; }
    public int KeepYears { get; set; }
    public RetentionAction Action { get; set; }
    public bool Automatic { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>The shipped rules, used for a case type until an administrator stores its own.</summary>
public static class RetentionRules
{
    /// <summary>FOI requests are kept 3 years after closure and then anonymised (their figures matter longer); SAR cases hold the most personal data and are destroyed after 2.</summary>
    public static RetentionRule Default(CaseType type) => type switch
    {
        CaseType.Sar or CaseType.SarInternalReview or CaseType.IcoAppealSar or CaseType.OverturnedSar =>
            new RetentionRule { Type = type, KeepYears = 2, Action = RetentionAction.Destroy },
        _ => new RetentionRule { Type = type, KeepYears = 3, Action = RetentionAction.Anonymise },
    };

    /// <summary>The day a case closed on <paramref name="closedOn"/> becomes due under the rule.</summary>
    public static DateOnly DueOn(this RetentionRule rule, DateOnly closedOn) => closedOn.AddYears(rule.KeepYears);
}

/// <summary>
/// A case's retention record: whether it is due for review (and under which action), on legal
/// hold, anonymised or disposed. Its id is the case's. After disposal it is the tombstone: the
/// number, type and dates stay, nothing personal.
/// </summary>
public sealed class CaseRetention : IAudited, IScoped, IVersioned
{
    public Guid Id { get; set; }
    public required string Number { get; set; }
    public CaseType Type { get; set; }
    public required string ScopePath { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public RetentionAction? Action { get; set; }
    public DateTimeOffset? MarkedDueAt { get; set; }
    public bool OnHold { get; set; }
    public string? HoldReason { get; set; }
    public DateTimeOffset? HeldAt { get; set; }
    public DateTimeOffset? AnonymisedAt { get; set; }
    public DateTimeOffset? DisposedAt { get; set; }
    public string? DisposalReason { get; set; }
    public Guid? DecidedBy { get; set; }
    public long Version { get; set; }

    /// <summary>Marked due and not yet dealt with under its action.</summary>
    public bool AwaitsDecision => MarkedDueAt is not null && DisposedAt is null && (Action == RetentionAction.Destroy || AnonymisedAt is null);
}
