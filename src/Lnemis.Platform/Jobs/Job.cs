namespace Lnemis.Platform.Jobs;

public enum JobState
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// A unit of background work and the transactional outbox in one: written in the same
/// transaction as the change that caused it, so it is never lost. <see cref="Id"/> is the stable
/// message id every delivery carries, so a receiver can drop a repeat.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public JobState State { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset RunAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }
}
