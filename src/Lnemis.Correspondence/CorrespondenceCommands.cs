using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Reports;
using Lnemis.Platform.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence;

/// <summary>What seeding and tools do with correspondence teams, outside HTTP.</summary>
public static class CorrespondenceCommands
{
    public sealed record TeamRef(Guid Id, string Path, string Name);

    /// <summary>Adds a team under <paramref name="parent"/> (a business group when null).</summary>
    public static async Task<TeamRef> AddTeamAsync(IServiceProvider services, string code, string name, TeamRef? parent, CaseRole? role, string? clearanceStep, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var id = Guid.CreateVersion7();
        var depth = parent is null ? 0 : parent.Path.Count(c => c == '/') - 1;
        var team = new Team
        {
            Id = id,
            Code = code,
            Name = name,
            Kind = depth switch
            {
                0 => TeamKind.BusinessGroup,
                1 => TeamKind.Directorate,
                _ => TeamKind.BusinessUnit,
            },
            ParentId = parent?.Id,
            Role = role,
            ClearanceStep = clearanceStep,
            ScopePath = (parent?.Path ?? "/") + id.ToString("N") + "/",
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        db.Teams().Add(team);
        await db.SaveChangesAsync(ct);
        return new TeamRef(team.Id, team.ScopePath, team.Name);
    }

    /// <summary>Fills the holiday calendars from the shipped bank-holidays.json when they were never seeded (after migrate).</summary>
    public static Task<bool> EnsureHolidayCalendarsAsync(IServiceProvider services, CancellationToken ct) =>
        Features.Holidays.HolidayCalendarStore.EnsureSeededAsync(services.GetRequiredService<LnemisDbContext>(), services.GetRequiredService<TimeProvider>(), ct);

    /// <summary>Makes the user a member of the team, playing <paramref name="role"/> on its cases.</summary>
    public static async Task AddMemberAsync(IServiceProvider services, TeamRef team, Guid userId, CaseRole role, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        db.TeamMembers().Add(new TeamMember
        {
            Id = Guid.CreateVersion7(),
            TeamId = team.Id,
            UserId = userId,
            Role = role,
            ScopePath = team.Path,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Backfills the reports read model from every case, in batches, reporting progress (safe to run again).</summary>
    public static Task<int> RebuildReportsAsync(IServiceProvider services, int batchSize, IProgress<RebuildCaseReports.Progress>? progress, CancellationToken ct) =>
        RebuildCaseReports.RunAsync(services.GetRequiredService<LnemisDbContext>(), services.GetRequiredService<TimeProvider>(), batchSize, progress, ct);

    /// <summary>Backfills the case search index: writes the documents that are missing or stale, in batches, reporting progress (safe to run again, and while users work).</summary>
    public static Task<Features.Cases.RebuildCaseSearch.Outcome> RebuildSearchAsync(IServiceProvider services, int batchSize, IProgress<Features.Cases.RebuildCaseSearch.Progress>? progress, CancellationToken ct) =>
        Features.Cases.RebuildCaseSearch.RunAsync(services.GetRequiredService<LnemisDbContext>(), batchSize, progress, ct);
}
