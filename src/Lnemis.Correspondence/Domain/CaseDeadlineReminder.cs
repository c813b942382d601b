namespace Lnemis.Correspondence.Domain;

/// <summary>
/// A deadline reminder that was asked for: one per case, kind and deadline date (unique), so
/// workers running at once never send it twice and a moved deadline gets a reminder of its own.
/// </summary>
public sealed class CaseDeadlineReminder
{
    public const string DraftApproaching = "draft_approaching";
    public const string FinalApproaching = "final_approaching";
    public const string DraftMissed = "draft_missed";
    public const string FinalMissed = "final_missed";

    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string Kind { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
