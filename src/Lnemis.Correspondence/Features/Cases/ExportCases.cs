using System.Text.Json;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Audit;
using Lnemis.Platform.Data;
using Lnemis.Platform.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// The filtered case list as CSV or XLSX (?format=csv|xlsx plus the list's filters), streamed in
/// list order, every match the caller may see (no page limit). Requesters' names and emails are
/// not exported: they are read on the case page, where each read is audited. The export itself
/// is audited with its filters.
/// </summary>
public static class ExportCases
{
    public const string AuditAction = "export";

    private static readonly ExportColumn<Row>[] Columns =
    [
        new("number", r => r.Case.Number),
        new("type", r => r.Case.Type.Code()),
        new("subject", r => r.Case.Subject),
        new("state", r => r.Case.State),
        new("received_on", r => r.Case.ReceivedOn),
        new("final_deadline", r => r.Case.FinalDeadline),
        new("late", r => r.Late),
        new("managing_team", r => r.ManagingTeam),
        new("responding_team", r => r.RespondingTeam),
        new("responder", r => r.Responder),
        new("flagged_steps", r => string.Join(' ', r.Case.FlaggedSteps)),
        new("responded_on", r => r.Case.RespondedOn),
        new("closed_on", r => r.Case.ClosedOn),
        new("outcome", r => r.Case.Outcome?.ToString()),
        new("exemptions", r => string.Join(' ', r.Case.Exemptions)),
    ];

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/export", HandleAsync).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Cases");

    internal static async Task<IResult> HandleAsync(
        [AsParameters] CaseFilter filter, string? format, HttpRequest request, ReplicaDbContext db, CurrentActor actor, IUserDirectory users, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (query, errors, _) = await filter.ApplyAsync(db, actor, clock, ct);
        var parsed = TabularExport.ParseFormat(format, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // Names for the whole export in two lookups (teams, responders), not one per row.
        var responderIds = await query.Where(c => c.ResponderId != null).Select(c => c.ResponderId!.Value).Distinct().ToListAsync(ct);
        var responders = await users.FindAsync(responderIds, ct);
        var teams = await db.Teams().IgnoreQueryFilters().AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);

        var details = JsonSerializer.Serialize(new { format = parsed!.Value.ToString().ToLowerInvariant(), filters = request.QueryString.Value ?? "" });
        await audit.RecordAsync(AuditAction, nameof(Case), null, details, ct);

        var today = CaseDetails.Today(clock);
        var rows = CaseFilter.InListOrder(query, db)
            .Select(c => new Exported(
                c.Number, c.Type, c.Subject, c.State, c.ReceivedOn, c.FinalDeadline, c.ManagingTeamId, c.RespondingTeamId, c.ResponderId,
                c.FlaggedSteps, c.RespondedOn, c.ClosedOn, c.Outcome, c.Exemptions))
            .AsAsyncEnumerable()
            .Select(c => new Row(
                c,
                c.FinalDeadline is { } final && (c.RespondedOn ?? today) > final,
                teams.GetValueOrDefault(c.ManagingTeamId),
                c.RespondingTeamId is { } responding ? teams.GetValueOrDefault(responding) : null,
                CaseNames.Of(responders, c.ResponderId)));
        return TabularExport.Result(rows, Columns, parsed.Value, "cases");
    }

    internal sealed record Exported(
        string Number, CaseType Type, string Subject, string State, DateOnly ReceivedOn, DateOnly? FinalDeadline, Guid ManagingTeamId,
        Guid? RespondingTeamId, Guid? ResponderId, List<string> FlaggedSteps, DateOnly? RespondedOn, DateOnly? ClosedOn, CaseOutcome? Outcome,
        List<string> Exemptions);

    internal sealed record Row(Exported Case, bool Late, string? ManagingTeam, string? RespondingTeam, string? Responder);
}
