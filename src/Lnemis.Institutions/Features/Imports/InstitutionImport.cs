using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Institutions;
using Lnemis.Platform.Data;
using Lnemis.Platform.Events;
using Lnemis.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Features.Imports;

/// <summary>
/// Institutions, keyed by their ministry code: a new code registers an institution in the named
/// (lowest-level) area; a known code updates it, and one moved to another area takes its records with
/// it (<see cref="InstitutionMove"/>). Status changes stay with the close/merge actions.
/// </summary>
internal sealed class InstitutionImport(EventPublisher events, Outbox outbox, TimeProvider clock) : IImportProcessor
{
    public ImportKind Kind => ImportKind.Institutions;

    public string Permission => InstitutionPermissions.Manage;

    // Loaded once per run (the processor lives for one job).
    private HashSet<string>? levelCodes;

    public async Task<ChunkOutcome> ProcessAsync(ImportContext context, IReadOnlyList<SourceRow> source, bool apply, CancellationToken ct)
    {
        var db = context.Db;
        var parsed = new List<(SourceRow Source, InstitutionFields Fields, string AreaCode)>();
        var invalid = 0;
        foreach (var row in source)
        {
            var r = context.Read(row);
            var code = r.Required("code", 50).ToUpperInvariant();
            if (code.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(code, "^[A-Z0-9][A-Z0-9._/-]*$"))
            {
                r.Fail("code", code, "Use letters, digits, dots, dashes, slashes and underscores.");
            }

            var fields = new InstitutionFields(
                code,
                r.Required("name", 300),
                r.Enum<InstitutionType>("type", true) ?? default,
                r.Enum("ownership", true, ("Faith", Ownership.FaithBased), ("Government", Ownership.Public)) ?? default,
                (r.Text("levels", 300) ?? "").Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToUpperInvariant()).ToList(),
                Guid.Empty,
                r.Decimal("latitude", -90, 90),
                r.Decimal("longitude", -180, 180),
                r.Text("address", 500),
                r.Text("phone", 50),
                r.Text("email", 320),
                new Infrastructure(
                    r.Int("classroomsUsable") ?? 0, r.Int("classroomsUnusable") ?? 0, r.Bool("hasWater") ?? false, r.Bool("hasElectricity") ?? false,
                    r.Bool("hasInternet") ?? false, r.Int("toiletsMale") ?? 0, r.Int("toiletsFemale") ?? 0, r.Int("toiletsShared") ?? 0),
                r.Enum<Shift>("shift", false),
                null);
            var area = r.Required("areaCode", 50).ToUpperInvariant();
            if (!r.HasErrors && !context.FirstTime("I:" + code))
            {
                r.Fail("code", code, "The same institution code appears earlier in the file.");
            }

            if (r.HasErrors)
            {
                invalid++;
                continue;
            }

            parsed.Add((row, fields, area));
        }

        var codes = parsed.Select(p => p.Fields.Code).ToList();
        var existing = await db.Institutions().IgnoreQueryFilters([LnemisDbContext.ScopeFilter])
            .Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        var areaCodes = parsed.Select(p => p.AreaCode).Distinct().ToList();
        var areas = await db.Areas().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).AsNoTracking()
            .Where(a => areaCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
        var areaIds = areas.Values.Select(a => a.Id).ToList();
        var parents = (await db.Areas().IgnoreQueryFilters([LnemisDbContext.ScopeFilter]).Where(a => a.ParentId != null && areaIds.Contains(a.ParentId.Value))
            .Select(a => a.ParentId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var knownLevels = levelCodes ??= (await db.Levels().Select(l => l.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var valid = 0;
        var created = 0;
        var updated = 0;
        var unchanged = 0;
        var moves = new List<(string From, string To)>();
        foreach (var (row, fields, areaCode) in parsed)
        {
            var errorsBefore = context.Errors.Count;
            void Fail(string field, string? value, string message) => context.Errors.Add(new RowError(row.Number, context.ColumnOf(field), value, message));
            if (!areas.TryGetValue(areaCode, out var area) || !context.Covers(area.ScopePath))
            {
                Fail("areaCode", areaCode, "No area with this code in your area.");
            }
            else if (parents.Contains(area.Id))
            {
                Fail("areaCode", areaCode, "Choose the lowest-level area (e.g. the district), not one with areas below it.");
            }

            var unknown = fields.Levels!.Where(l => !knownLevels.Contains(l)).ToList();
            if (unknown.Count > 0)
            {
                Fail("levels", string.Join(' ', unknown), "Unknown level code(s).");
            }

            existing.TryGetValue(fields.Code, out var institution);
            if (institution is not null && !context.Covers(institution.ScopePath))
            {
                Fail("code", fields.Code, "This code belongs to an institution outside your area.");
            }

            if (context.Errors.Count > errorsBefore)
            {
                invalid++;
                continue;
            }

            valid++;
            if (!apply)
            {
                continue;
            }

            var isNew = institution is null;
            institution ??= new Institution
            {
                Id = Guid.CreateVersion7(),
                Code = fields.Code,
                Name = fields.Name,
                ScopePath = "",
                Status = InstitutionStatus.Open,
                CreatedAt = context.Now,
            };
            if (isNew)
            {
                db.Institutions().Add(institution);
            }

            // The same copy as the form; the row passed the form's checks above.
            var oldPath = institution.ScopePath;
            InstitutionMapping.Copy(institution, fields with { AreaId = area!.Id, Levels = fields.Levels!.Distinct(StringComparer.Ordinal).ToList() }, area);
            if (isNew)
            {
                created++;
                events.Publish(InstitutionEvents.Created, institution.Id, institution.ScopePath, InstitutionMapping.EventData(institution));
            }
            else if (db.Entry(institution).State == EntityState.Modified)
            {
                updated++;
                if (institution.ScopePath != oldPath)
                {
                    moves.Add((oldPath, institution.ScopePath));
                    InstitutionMove.Queue(outbox, clock, institution.Id, oldPath);
                }

                events.Publish(InstitutionEvents.Updated, institution.Id, institution.ScopePath, InstitutionMapping.EventData(institution));
            }
            else
            {
                unchanged++;
            }
        }

        if (apply)
        {
            await db.SaveChangesAsync(ct);
            foreach (var (from, to) in moves)
            {
                await InstitutionMove.RecordsFollowAsync(db, from, to, ct);
            }

            db.ChangeTracker.Clear();
        }

        return new ChunkOutcome(valid, invalid, created, updated, unchanged);
    }
}
