using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Institutions;

/// <summary>What seeding and tools do with the registry, outside HTTP.</summary>
public static class InstitutionsCommands
{
    public sealed record AreaRef(Guid Id, string Path, string Name);

    /// <summary>Adds an area (or returns the existing one with that code).</summary>
    public static async Task<AreaRef> EnsureAreaAsync(IServiceProvider services, string code, string name, AreaRef? parent, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var existing = await db.Areas().AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, ct);
        if (existing is not null)
        {
            return new AreaRef(existing.Id, existing.ScopePath, existing.Name);
        }

        var id = Guid.CreateVersion7();
        var area = new Area
        {
            Id = id,
            Code = code,
            Name = name,
            ParentId = parent?.Id,
            Level = parent is null ? 0 : parent.Path.Count(c => c == '/') - 1,
            ScopePath = (parent?.Path ?? "/") + id.ToString("N") + "/",
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        db.Areas().Add(area);
        await db.SaveChangesAsync(ct);
        return new AreaRef(area.Id, area.ScopePath, area.Name);
    }
}
