using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
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

    public sealed record InstitutionRef(Guid Id, string Path, string Name);

    /// <summary>
    /// The usual structure (pre-primary, primary, lower and upper secondary, mapped to ISCED 0–3)
    /// and the academic year of <paramref name="year"/> (January to December, three terms), unless present.
    /// </summary>
    public static async Task EnsureStructureAsync(IServiceProvider services, int year, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        (string Code, string Name, int Isced, int Age, int Years, string Grade)[] levels =
        [
            ("PREPRIMARY", "Pre-primary", 0, 4, 2, "Pre-primary"),
            ("PRIMARY", "Primary", 1, 6, 6, "Grade"),
            ("LOWERSEC", "Lower secondary", 2, 12, 3, "Form"),
            ("UPPERSEC", "Upper secondary", 3, 15, 3, "Form"),
        ];
        var sequence = 0;
        foreach (var (code, name, isced, age, years, grade) in levels)
        {
            sequence++;
            if (await db.Levels().AnyAsync(l => l.Code == code, ct))
            {
                continue;
            }

            var level = new EducationLevel { Id = Guid.CreateVersion7(), Code = code, Name = name, IscedLevel = isced, EntranceAge = age, DurationYears = years, Sequence = sequence };
            var first = grade == "Grade" ? 1 : grade == "Form" ? (code == "LOWERSEC" ? 1 : 4) : 1;
            level.Grades = Enumerable.Range(1, years).Select(i => new Grade
            {
                Id = Guid.CreateVersion7(),
                LevelId = level.Id,
                Code = $"{code}-{i}",
                Name = $"{grade} {first + i - 1}",
                Sequence = i,
            }).ToList();
            db.Levels().Add(level);
        }

        var yearCode = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!await db.AcademicYears().AnyAsync(y => y.Code == yearCode, ct))
        {
            db.AcademicYears().Add(new AcademicYear
            {
                Id = Guid.CreateVersion7(),
                Code = yearCode,
                Name = $"School year {year}",
                StartsOn = new DateOnly(year, 1, 5),
                EndsOn = new DateOnly(year, 12, 4),
                Terms =
                [
                    new Term { Name = "Term 1", StartsOn = new DateOnly(year, 1, 5), EndsOn = new DateOnly(year, 4, 3) },
                    new Term { Name = "Term 2", StartsOn = new DateOnly(year, 4, 27), EndsOn = new DateOnly(year, 7, 31) },
                    new Term { Name = "Term 3", StartsOn = new DateOnly(year, 8, 24), EndsOn = new DateOnly(year, 12, 4) },
                ],
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The census round of the academic year <paramref name="year"/> (open all year, due at its end), unless present.</summary>
    public static async Task EnsureCensusRoundAsync(IServiceProvider services, int year, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var yearCode = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var academicYear = await db.AcademicYears().SingleAsync(y => y.Code == yearCode, ct);
        if (await db.CensusRounds().AnyAsync(r => r.AcademicYearId == academicYear.Id, ct))
        {
            return;
        }

        db.CensusRounds().Add(new CensusRound
        {
            Id = Guid.CreateVersion7(),
            AcademicYearId = academicYear.Id,
            Name = $"Annual school census {year}",
            OpensOn = academicYear.StartsOn,
            Deadline = new DateOnly(year, 12, 31),
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an open institution in the area (or returns the one with that code).</summary>
    public static async Task<InstitutionRef> EnsureInstitutionAsync(
        IServiceProvider services, string code, string name, AreaRef area, InstitutionType type, IReadOnlyList<string> levels,
        double? latitude, double? longitude, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var existing = await db.Institutions().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (existing is not null)
        {
            return new InstitutionRef(existing.Id, existing.ScopePath, existing.Name);
        }

        var id = Guid.CreateVersion7();
        var institution = new Institution
        {
            Id = id,
            Code = code,
            Name = name,
            Type = type,
            Ownership = Ownership.Public,
            Levels = string.Join(' ', levels),
            AreaId = area.Id,
            ScopePath = Institution.PathFor(area.Path, id),
            Latitude = latitude,
            Longitude = longitude,
            ClassroomsUsable = 8,
            HasWater = true,
            ToiletsMale = 4,
            ToiletsFemale = 4,
            SearchText = SearchText.Of(code, name),
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        db.Institutions().Add(institution);
        await db.SaveChangesAsync(ct);
        return new InstitutionRef(institution.Id, institution.ScopePath, institution.Name);
    }

    /// <summary>Registers a learner at the institution (seeding, tests): no duplicate check. Returns the learner's id.</summary>
    public static async Task<Guid> AddLearnerAsync(
        IServiceProvider services, InstitutionRef institution, string givenName, string familyName, Sex sex, DateOnly dateOfBirth, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var number = LearnerNumbers.Issue();
        var learner = new Learner
        {
            Id = Guid.CreateVersion7(),
            LearnerNumber = number,
            GivenName = givenName,
            FamilyName = familyName,
            Sex = sex,
            DateOfBirth = dateOfBirth,
            HasBirthCertificate = true,
            InstitutionId = institution.Id,
            ScopePath = institution.Path,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        LearnerMapping.RefreshSearchText(learner);
        db.Learners().Add(learner);
        await db.SaveChangesAsync(ct);
        return learner.Id;
    }

    /// <summary>Adds a teacher posted at the institution from today (seeding, tests). Returns the staff member's id.</summary>
    public static async Task<Guid> AddTeacherAsync(IServiceProvider services, InstitutionRef institution, string staffNumber, string givenName, string familyName, CancellationToken ct)
    {
        var db = services.GetRequiredService<LnemisDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var member = new StaffMember
        {
            Id = Guid.CreateVersion7(),
            StaffNumber = staffNumber,
            GivenName = givenName,
            FamilyName = familyName,
            DateOfBirth = new DateOnly(1985, 1, 1),
            Category = StaffCategory.Teaching,
            Qualifications = [new Qualification { Name = "Diploma in Primary Teacher Education", Levels = "PRIMARY" }],
            InstitutionId = institution.Id,
            ScopePath = institution.Path,
            SearchText = SearchText.Of(staffNumber, givenName, familyName),
            CreatedAt = now,
        };
        db.Staff().Add(member);
        db.Postings().Add(new Posting
        {
            Id = Guid.CreateVersion7(),
            StaffId = member.Id,
            InstitutionId = institution.Id,
            Position = "Teacher",
            TeachingLevel = "PRIMARY",
            StartsOn = DateOnly.FromDateTime(now.UtcDateTime),
        });
        await db.SaveChangesAsync(ct);
        return member.Id;
    }
}
