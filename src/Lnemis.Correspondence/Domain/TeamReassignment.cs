using Lnemis.Platform.Data;

namespace Lnemis.Correspondence.Domain;

/// <summary>
/// One bulk reassignment of open cases (from a team or a user to a responder unit): who asked, why,
/// and what came of it case by case. Each case moved has its own <c>reassign</c> history entry; this
/// row is the record of the batch and the answer a retry with the same Idempotency-Key replays.
/// </summary>
public sealed class TeamReassignment : IAudited, IScoped
{
    public Guid Id { get; set; }
    public Guid? RequestedBy { get; set; }
    public Guid? FromTeamId { get; set; }
    public Guid? FromUserId { get; set; }
    public Guid ToTeamId { get; set; }

    /// <summary>The responder of the target unit the cases are assigned to, when one was named.</summary>
    public Guid? ToUserId { get; set; }
    public required string Reason { get; set; }
    public required string ScopePath { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Moved { get; set; }
    public int Skipped { get; set; }

    /// <summary>True when more open cases matched than one batch takes; run again for the rest.</summary>
    public bool More { get; set; }

    /// <summary>The per-case outcome (number, moved or skipped, and why), as JSON.</summary>
    public string? Outcomes { get; set; }
}
