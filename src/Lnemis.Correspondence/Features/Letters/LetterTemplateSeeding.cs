using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain.Letters;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lnemis.Correspondence.Features.Letters;

/// <summary>
/// Inserts the shipped wording (<see cref="DefaultLetterTemplates"/>) as version 1 of every case
/// type and kind that has no template yet. Idempotent: a template an administrator has edited,
/// or one seeded before, is left alone; two instances starting at once collide on the unique
/// (type, kind) index and the loser stops.
/// </summary>
internal static class LetterTemplateSeed
{
    public static async Task<int> EnsureAsync(LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var existing = (await db.LetterTemplates().AsNoTracking().Select(t => new { t.Type, t.Kind }).ToListAsync(ct))
            .Select(t => (t.Type, t.Kind)).ToHashSet();
        var missing = DefaultLetterTemplates.All.Where(d => !existing.Contains((d.Type, d.Kind))).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        foreach (var d in missing)
        {
            var template = new LetterTemplate { Id = Guid.CreateVersion7(), Type = d.Type, Kind = d.Kind, LatestVersion = 1, UpdatedAt = now };
            db.LetterTemplates().Add(template);
            db.LetterTemplateVersions().Add(new LetterTemplateVersion
            {
                Id = Guid.CreateVersion7(),
                TemplateId = template.Id,
                Number = 1,
                Title = d.Title,
                Body = d.Body,
                ChangeNote = "Shipped default wording",
                CreatedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return missing.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}

/// <summary>Seeds the default letter templates at start-up (every role), after the embedded default has migrated.</summary>
internal sealed class LetterTemplateSeeding(IServiceScopeFactory scopes, TimeProvider clock, ILogger<LetterTemplateSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().SetSystem();
            var added = await LetterTemplateSeed.EnsureAsync(scope.ServiceProvider.GetRequiredService<LnemisDbContext>(), clock, cancellationToken);
            if (added > 0)
            {
                logger.LogInformation("Seeded {Count} default letter templates", added);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not migrated yet: letters are refused ("no template") until the next start seeds them.
            logger.LogWarning(e, "Letter templates could not be seeded at start-up; run migrate, then restart");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
