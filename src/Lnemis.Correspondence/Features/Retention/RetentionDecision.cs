using FluentValidation;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Retention;

/// <summary>The body of every retention action: why (required for a hold).</summary>
public sealed record RetentionDecision(string? Reason)
{
    public sealed class Validator : AbstractValidator<RetentionDecision>
    {
        public Validator() => RuleFor(r => r.Reason).MaximumLength(1000);
    }

    public string? Trimmed => string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();

    /// <summary>The tombstone of a disposed case the caller may see, for repeats of an action on it.</summary>
    internal static async Task<CaseRetention?> TombstoneAsync(LnemisDbContext db, Guid id, CancellationToken ct) =>
        await db.CaseRetentions().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.DisposedAt != null, ct);

    internal static IResult Refused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The retention action cannot be done now.", detail: detail);

    internal static IResult Disposed(CaseRetention tombstone) =>
        Problems.Conflict($"Case {tombstone.Number} was disposed of on {tombstone.DisposedAt:yyyy-MM-dd}; only its tombstone remains.");
}
