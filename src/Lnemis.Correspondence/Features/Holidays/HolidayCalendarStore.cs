using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lnemis.Correspondence.Features.Holidays;

/// <summary>What an import did: holidays added, changed (title, notes or bunting) and left as they were.</summary>
public sealed record HolidayImportResult(int CalendarsAdded, int Added, int Changed, int Unchanged);

/// <summary>
/// The holiday calendars deadlines are counted with, read from the database and cached per
/// server instance. Before each use the cache reads the one-row revision stamp (a primary-key
/// read); every change moves the stamp on in the same transaction, so every instance counts with
/// the new holidays from its next request (ADR 0010). Until the calendars are seeded, the copy
/// shipped with the module is used.
/// </summary>
internal sealed class HolidayCalendarCache
{
    private sealed record Loaded(long Revision, HolidayCalendars Calendars);

    private volatile Loaded? loaded;

    public HolidayCalendars Current(LnemisDbContext db)
    {
        var revision = db.HolidayCalendarStamps().AsNoTracking()
            .Where(s => s.Id == HolidayCalendarStamp.SingleId).Select(s => (long?)s.Revision).FirstOrDefault();
        if (revision is not { } current)
        {
            return HolidayCalendars.Uk;
        }

        if (loaded is { } cached && cached.Revision == current)
        {
            return cached.Calendars;
        }

        // Read after the stamp: the holidays are at least as new as the revision they are kept under.
        var calendars = db.HolidayCalendars().AsNoTracking().Select(c => new { c.Id, c.Code }).ToList();
        var holidays = db.PublicHolidays().AsNoTracking().ToList().ToLookup(h => h.CalendarId);
        var fresh = new HolidayCalendars(calendars.Select(c => new HolidayCalendar(
            c.Code, holidays[c.Id].Select(h => new Holiday(h.Date, h.Title, h.Notes, h.Bunting)))));
        loaded = new Loaded(current, fresh);
        return fresh;
    }
}

/// <summary>Writing the calendars: the upsert shared by imports and seeding, and the revision stamp.</summary>
internal static class HolidayCalendarStore
{
    private static readonly Dictionary<string, (string Name, string Region)> GovUkDivisions = new(StringComparer.Ordinal)
    {
        [Domain.Deadlines.HolidayCalendars.EnglandAndWales] = ("England and Wales", "United Kingdom"),
        [Domain.Deadlines.HolidayCalendars.Scotland] = ("Scotland", "United Kingdom"),
        [Domain.Deadlines.HolidayCalendars.NorthernIreland] = ("Northern Ireland", "United Kingdom"),
    };

    /// <summary>Whether the actor may change holiday calendars: correspondence administration, nationally.</summary>
    public static bool MayChange(CurrentActor actor) =>
        actor.Access.Covers(Teams.CorrespondencePermissions.TeamsManage, AccessScope.CountryPath);

    /// <summary>Adds or updates every holiday by calendar and date; calendars not yet known are created.</summary>
    public static async Task<HolidayImportResult> UpsertAsync(LnemisDbContext db, IReadOnlyList<HolidayCalendar> imported, DateTimeOffset now, CancellationToken ct)
    {
        var codes = imported.Select(c => c.Name).ToList();
        var calendars = await db.HolidayCalendars().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var ids = calendars.Values.Select(c => c.Id).ToList();
        var existing = await db.PublicHolidays().Where(h => ids.Contains(h.CalendarId)).ToDictionaryAsync(h => (h.CalendarId, h.Date), ct);
        int calendarsAdded = 0, added = 0, changed = 0, unchanged = 0;
        foreach (var source in imported)
        {
            if (!calendars.TryGetValue(source.Name, out var calendar))
            {
                var known = GovUkDivisions.GetValueOrDefault(source.Name);
                calendar = new PublicHolidayCalendar
                {
                    Id = Guid.CreateVersion7(),
                    Code = source.Name,
                    Name = known.Name ?? source.Name,
                    Region = known.Region,
                    CreatedAt = now,
                };
                db.HolidayCalendars().Add(calendar);
                calendars[calendar.Code] = calendar;
                calendarsAdded++;
            }

            foreach (var holiday in source.Holidays)
            {
                if (!existing.TryGetValue((calendar.Id, holiday.Date), out var row))
                {
                    db.PublicHolidays().Add(new PublicHoliday
                    {
                        Id = Guid.CreateVersion7(),
                        CalendarId = calendar.Id,
                        Date = holiday.Date,
                        Title = holiday.Title,
                        Notes = holiday.Notes,
                        Bunting = holiday.Bunting,
                        Source = HolidaySource.Import,
                        UpdatedAt = now,
                    });
                    added++;
                }
                else if (row.Title != holiday.Title || row.Notes != holiday.Notes || row.Bunting != holiday.Bunting || row.Source != HolidaySource.Import)
                {
                    row.Title = holiday.Title;
                    row.Notes = holiday.Notes;
                    row.Bunting = holiday.Bunting;
                    row.Source = HolidaySource.Import;
                    row.UpdatedAt = now;
                    changed++;
                }
                else
                {
                    unchanged++;
                }
            }
        }

        return new HolidayImportResult(calendarsAdded, added, changed, unchanged);
    }

    /// <summary>Saves the pending changes and moves the revision stamp on, in one transaction.</summary>
    public static async Task SaveAsync(LnemisDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var bumped = await db.HolidayCalendarStamps().Where(s => s.Id == HolidayCalendarStamp.SingleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Revision, x => x.Revision + 1), ct);
        if (bumped == 0)
        {
            db.HolidayCalendarStamps().Add(new HolidayCalendarStamp { Id = HolidayCalendarStamp.SingleId, Revision = 1 });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Fills the calendars from the shipped bank-holidays.json once, when they were never seeded
    /// (a fresh install, embedded or migrated). Safe to run from several instances at once.
    /// Returns whether this call seeded them.
    /// </summary>
    public static async Task<bool> EnsureSeededAsync(LnemisDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.HolidayCalendarStamps().AnyAsync(ct))
        {
            return false;
        }

        var shipped = Domain.Deadlines.HolidayCalendars.Uk.Names.Select(n => Domain.Deadlines.HolidayCalendars.Uk[n]).ToList();
        try
        {
            await UpsertAsync(db, shipped, clock.GetUtcNow(), ct);
            await SaveAsync(db, ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance seeded them at the same moment.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>Seeds the holiday calendars at start-up (every role), after the embedded default has migrated.</summary>
internal sealed class HolidayCalendarSeeding(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HolidayCalendarSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().SetSystem();
            if (await HolidayCalendarStore.EnsureSeededAsync(scope.ServiceProvider.GetRequiredService<LnemisDbContext>(), clock, cancellationToken))
            {
                logger.LogInformation("Holiday calendars seeded from the shipped bank-holidays.json");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not migrated yet: deadlines use the shipped copy until the calendars are seeded.
            logger.LogWarning(e, "Holiday calendars could not be seeded at start-up; run migrate, then restart or run it again");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
