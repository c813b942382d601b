using System.Globalization;
using Lnemis.Institutions.Data;
using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Institutions.Seeding;

/// <summary>
/// The registry part of a generated country: an area tree (country → counties → districts),
/// the education structure with three academic years, institutions with coordinates and
/// infrastructure, learners with plausible names and ages by grade whose enrolments over the
/// three years include repeaters, transfers, dropouts and graduations, and staff with
/// qualifications and postings. Deterministic for a seed. Rows go in through
/// <see cref="BulkInsert"/> (binary COPY on PostgreSQL), a chunk of schools per transaction.
/// </summary>
internal sealed class InstitutionsSeeder(LnemisDbContext db) : ISeedContributor
{
    private const int ChunkLearners = 50_000;

    // Multiplier coprime with 900,000,000: index → a unique 9-digit learner number body.
    private const long NumberStride = 387_420_491;

    public int Order => 100;

    public string Name => "institutions";

    public async Task<string?> RefusalAsync(SeedContext context, CancellationToken ct) =>
        await db.Institutions().IgnoreQueryFilters().AnyAsync(ct) || await db.Areas().IgnoreQueryFilters().AnyAsync(ct)
            ? "The registry already holds areas or institutions: seed into an empty database."
            : null;

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        var year = context.Today.Year;
        int[] years = [year - 2, year - 1, year];
        foreach (var y in years)
        {
            await InstitutionsCommands.EnsureStructureAsync(context.Services, y, ct);
        }

        var levels = await db.Levels().AsNoTracking().Include(l => l.Grades).OrderBy(l => l.Sequence).ToListAsync(ct);
        foreach (var level in levels)
        {
            level.Grades = level.Grades.OrderBy(g => g.Sequence).ToList();
        }

        var codes = years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        var academicYears = await db.AcademicYears().AsNoTracking().Where(y => codes.Contains(y.Code)).ToListAsync(ct);
        var plan = new Plan(context, levels, codes.Select(c => academicYears.Single(y => y.Code == c)).ToList());

        var districts = await SeedAreasAsync(context, ct);
        context.Shared["institutions.districts"] = districts.Select(d => (d.Area.Id, d.Area.ScopePath, d.Area.Name)).ToList();
        var schools = await SeedInstitutionsAsync(context, plan, districts, ct);

        // The big tables load without their secondary indexes and foreign keys, rebuilt after (ADR 0025).
        await using (var suspended = await SuspendedIndexes.SuspendAsync(db, [typeof(Learner), typeof(Enrolment), typeof(StaffMember), typeof(Posting)], [LearnerNameSearch.WordsTable], context.Log, ct))
        {
            await SeedLearnersAsync(context, plan, schools, ct);
            await SeedStaffAsync(context, plan, schools, ct);
            await suspended.RestoreAsync(ct);
        }

        await InstitutionsCommands.EnsureCensusRoundAsync(context.Services, year, ct);

        await BulkInsert.AnalyzeAsync<Learner>(db, ct);
        await BulkInsert.AnalyzeAsync<Enrolment>(db, ct);
        await BulkInsert.AnalyzeAsync<Institution>(db, ct);
        await BulkInsert.AnalyzeAsync<StaffMember>(db, ct);
    }

    private sealed record Plan(SeedContext Context, List<EducationLevel> Levels, List<AcademicYear> Years)
    {
        public DateTimeOffset CreatedAt { get; } = new(Context.Today.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        public EducationLevel Level(string code) => Levels.Single(l => l.Code == code);
    }

    private sealed record District(Area Area, double Latitude, double Longitude, double Size, List<School> Schools);

    private sealed record School(Institution Institution, District District, List<EducationLevel> Levels)
    {
        public int Learners { get; set; }
        public int NextAdmission { get; set; }
    }

    private async Task<List<District>> SeedAreasAsync(SeedContext context, CancellationToken ct)
    {
        var random = context.RandomFor("areas");
        var profile = context.Profile;
        var timer = context.Start("institutions.areas", 1 + profile.Counties + (profile.Counties * profile.DistrictsPerCounty));
        var rows = new List<Area>();
        var sequence = 0L;
        var created = new DateTimeOffset(context.Today.AddYears(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Area NewArea(string code, string name, Area? parent)
        {
            var id = SeedContext.IdFrom(random, sequence++);
            var area = new Area { Id = id, Code = code, Name = name, ParentId = parent?.Id, Level = parent is null ? 0 : parent.Level + 1, ScopePath = Area.PathFor(parent, id), CreatedAt = created };
            rows.Add(area);
            return area;
        }

        var country = NewArea("LN", "Lnemia", null);
        var districts = new List<District>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        string UniquePlace()
        {
            while (true)
            {
                var name = SeedNames.Place(random);
                if (names.Add(name))
                {
                    return name;
                }
            }
        }

        // The country spans latitude −4.5…4.5 and longitude 34…41; counties and districts are cells of a grid.
        var columns = (int)Math.Ceiling(Math.Sqrt(profile.Counties));
        var rowsOfCounties = (int)Math.Ceiling(profile.Counties / (double)columns);
        for (var c = 0; c < profile.Counties; c++)
        {
            var county = NewArea($"LN-{c + 1:00}", UniquePlace() + " County", country);
            var (cellLat, cellLon) = (9.0 / rowsOfCounties, 7.0 / columns);
            var (lat0, lon0) = (-4.5 + (c / columns * cellLat), 34 + (c % columns * cellLon));
            for (var d = 0; d < profile.DistrictsPerCounty; d++)
            {
                var area = NewArea($"LN-{c + 1:00}-{d + 1:00}", UniquePlace() + " District", county);
                var size = 0.5 + random.NextDouble();
                districts.Add(new District(area, lat0 + (random.NextDouble() * cellLat), lon0 + (random.NextDouble() * cellLon), size, []));
            }
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertAsync(db, rows, ct);
            await transaction.CommitAsync(ct);
        }

        timer.Add(rows.Count);
        timer.Done();
        return districts;
    }

    private static readonly (InstitutionType Type, double Share, string[] Levels, int Size, string Word)[] Types =
    [
        (InstitutionType.Primary, 0.55, ["PRIMARY"], 420, "Primary School"),
        (InstitutionType.Secondary, 0.20, ["LOWERSEC", "UPPERSEC"], 520, "Secondary School"),
        (InstitutionType.Combined, 0.10, ["PRIMARY", "LOWERSEC"], 600, "Comprehensive School"),
        (InstitutionType.PrePrimary, 0.10, ["PREPRIMARY"], 90, "Early Learning Centre"),
        (InstitutionType.Vocational, 0.03, ["UPPERSEC"], 220, "Vocational Institute"),
        (InstitutionType.SpecialNeeds, 0.02, ["PRIMARY"], 70, "Special School"),
    ];

    private async Task<List<School>> SeedInstitutionsAsync(SeedContext context, Plan plan, List<District> districts, CancellationToken ct)
    {
        var random = context.RandomFor("institutions");
        var total = context.Profile.Institutions;
        var timer = context.Start("institutions.institutions", total);
        var sizeSum = districts.Sum(d => d.Size);
        var schools = new List<School>(total);
        var rows = new List<Institution>(total);
        var placed = 0;
        for (var i = 0; i < districts.Count; i++)
        {
            var district = districts[i];
            var count = i == districts.Count - 1 ? total - placed : (int)Math.Round(total * district.Size / sizeSum);
            count = Math.Min(count, total - placed);
            placed += count;
            for (var n = 1; n <= count; n++)
            {
                var kind = PickType(random);
                var id = SeedContext.IdFrom(random, schools.Count);
                var code = $"S{district.Area.Code[3..].Replace("-", "", StringComparison.Ordinal)}{n:0000}";
                var place = SeedNames.Place(random);
                var name = random.Next(3) == 0 ? $"{place} {SeedNames.Pick(random, SeedNames.SchoolWords)} {kind.Word}" : $"{place} {kind.Word}";
                var ownership = random.NextDouble() switch { < 0.70 => Ownership.Public, < 0.82 => Ownership.Private, < 0.94 => Ownership.FaithBased, _ => Ownership.Community };
                var closed = random.NextDouble() < 0.015;
                var institution = new Institution
                {
                    Id = id,
                    Code = code,
                    Name = name,
                    Type = kind.Type,
                    Ownership = ownership,
                    Levels = string.Join(' ', kind.Levels),
                    Status = closed ? InstitutionStatus.Closed : InstitutionStatus.Open,
                    StatusChangedOn = closed ? context.Today.AddDays(-random.Next(30, 700)) : null,
                    StatusReason = closed ? "Closed: too few learners" : null,
                    AreaId = district.Area.Id,
                    ScopePath = Institution.PathFor(district.Area.ScopePath, id),
                    Latitude = Math.Round(district.Latitude + ((random.NextDouble() - 0.5) * 0.4), 5),
                    Longitude = Math.Round(district.Longitude + ((random.NextDouble() - 0.5) * 0.4), 5),
                    Address = $"P.O. Box {random.Next(1, 9999)}, {district.Area.Name}",
                    Email = $"{code.ToLowerInvariant()}@schools.lnemis.local",
                    HasWater = random.NextDouble() < 0.75,
                    HasElectricity = random.NextDouble() < 0.6,
                    HasInternet = random.NextDouble() < 0.25,
                    Shift = random.NextDouble() switch { < 0.85 => Shift.Single, < 0.98 => Shift.Double, _ => Shift.Triple },
                    SearchText = SearchText.Of(code, name),
                    CreatedAt = plan.CreatedAt,
                };
                var school = new School(institution, district, kind.Levels.Select(plan.Level).ToList());
                school.Learners = closed ? 0 : (int)(kind.Size * (0.3 + (random.NextDouble() * 1.4)));
                schools.Add(school);
                district.Schools.Add(school);
                rows.Add(institution);
            }
        }

        // Scale the sizes so the learners add up to the profile's total exactly.
        var sizes = SeedContext.Apportion(schools.ConvertAll(s => s.Learners), context.Profile.Learners);
        for (var k = 0; k < schools.Count; k++)
        {
            schools[k].Learners = sizes[k];
        }

        foreach (var school in schools)
        {
            var i = school.Institution;
            var size = school.Learners;
            i.ClassroomsUsable = Math.Max(1, (size / 45) + random.Next(0, 3));
            i.ClassroomsUnusable = random.Next(0, 3);
            i.ToiletsFemale = Math.Max(1, (size / 60) + random.Next(0, 2));
            i.ToiletsMale = Math.Max(1, (size / 70) + random.Next(0, 2));
            i.ToiletsShared = random.Next(0, 2);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertAsync(db, rows, ct);
            await transaction.CommitAsync(ct);
        }

        timer.Add(rows.Count);
        timer.Done();
        return schools;
    }

    private static (InstitutionType Type, double Share, string[] Levels, int Size, string Word) PickType(Random random)
    {
        var r = random.NextDouble();
        foreach (var kind in Types)
        {
            if ((r -= kind.Share) < 0)
            {
                return kind;
            }
        }

        return Types[0];
    }

    private async Task SeedLearnersAsync(SeedContext context, Plan plan, List<School> schools, CancellationToken ct)
    {
        var random = context.RandomFor("learners");
        var learnerTimer = context.Start("institutions.learners", context.Profile.Learners);
        var enrolmentTimer = context.Start("institutions.enrolments", context.Profile.Learners * 5L / 2);
        var learners = new List<Learner>(ChunkLearners + 1000);
        var enrolments = new List<Enrolment>((ChunkLearners * 3) + 3000);
        var index = 0L;
        var numberOffset = random.NextInt64(0, 900_000_000);
        var enrolmentSequence = 0L;
        await using var writer = new SeedWriter("learners and enrolments", context.Log, ct);

        // Hands the batch to the writer (which COPYs it while the next one is generated) and starts a new one.
        async Task FlushAsync()
        {
            var (batch, batchEnrolments) = (learners, enrolments);
            learners = new List<Learner>(ChunkLearners + 1000);
            enrolments = new List<Enrolment>((ChunkLearners * 3) + 3000);
            await writer.WriteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await BulkInsert.InsertAsync(db, batch, token);
                await BulkInsert.InsertAsync(db, batchEnrolments, token);
                await transaction.CommitAsync(token);
                learnerTimer.Add(batch.Count);
                enrolmentTimer.Add(batchEnrolments.Count);
            }, ct);
        }

        foreach (var school in schools)
        {
            for (var k = 0; k < school.Learners; k++)
            {
                var learner = NewLearner(random, plan, school, index, numberOffset);
                index++;
                learners.Add(learner);
                var final = Enrol(random, plan, school, learner, enrolments, ref enrolmentSequence);
                final.NextAdmission++;
                learner.AdmissionNumber = $"A{final.NextAdmission:00000}";
            }

            if (learners.Count >= ChunkLearners)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        await writer.CompleteAsync();
        learnerTimer.Done();
        enrolmentTimer.Done();
    }

    private static Learner NewLearner(Random random, Plan plan, School school, long index, long numberOffset)
    {
        var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
        var given = SeedNames.Pick(random, sex == Sex.Female ? SeedNames.Female : SeedNames.Male);
        var other = random.NextDouble() < 0.3 ? SeedNames.Pick(random, sex == Sex.Female ? SeedNames.Female : SeedNames.Male) : null;
        var family = SeedNames.Pick(random, SeedNames.Family);
        var body = (100_000_000 + ((numberOffset + (index * NumberStride)) % 900_000_000)).ToString(CultureInfo.InvariantCulture);
        var guardians = new List<Guardian>
        {
            new() { Name = $"{SeedNames.Pick(random, SeedNames.Female)} {family}", Relationship = "mother", Phone = random.Next(2) == 0 ? $"07{random.Next(10_000_000, 99_999_999)}" : null },
        };
        if (random.NextDouble() < 0.4)
        {
            guardians.Add(new() { Name = $"{SeedNames.Pick(random, SeedNames.Male)} {family}", Relationship = "father", Phone = $"07{random.Next(10_000_000, 99_999_999)}" });
        }

        return new Learner
        {
            Id = SeedContext.IdFrom(random, index),
            LearnerNumber = body + LearnerNumbers.CheckDigit(body),
            GivenName = given,
            OtherNames = other,
            FamilyName = family,
            Sex = sex,
            HasBirthCertificate = random.NextDouble() < 0.85,
            SpecialNeeds = random.NextDouble() < 0.03 ? SeedNames.Pick(random, ["VISUAL", "HEARING", "PHYSICAL", "LEARNING"]) : "",
            Guardians = guardians,
            InstitutionId = school.Institution.Id,
            ScopePath = school.Institution.ScopePath,
            Status = LearnerStatus.Active,
            SearchText = SearchText.Of(given, other, family),
            CreatedAt = plan.CreatedAt,
        };
    }

    /// <summary>
    /// The learner's enrolments from their first of the three years to now: each year ends in
    /// promotion (some repeat), graduation at a level's last grade (most go on to the next level,
    /// at another school of the district if theirs does not offer it), a transfer to another school of the district, or a dropout.
    /// Sets the learner's school and date of birth to fit; returns the school they end at.
    /// </summary>
    private static School Enrol(Random random, Plan plan, School school, Learner learner, List<Enrolment> rows, ref long sequence)
    {
        var first = random.NextDouble() switch { < 0.8 => 0, < 0.9 => 1, _ => 2 };
        var level = school.Levels[PickLevel(random, school.Levels)];
        var grade = first == 0 ? random.Next(level.Grades.Count) : 0;
        var overAge = random.NextDouble() switch { < 0.8 => 0, < 0.92 => 1, < 0.97 => 2, _ => random.Next(3, 6) };
        var birthYear = plan.Years[first].StartsOn.Year - level.EntranceAge - grade - overAge - 1;
        learner.DateOfBirth = new DateOnly(birthYear, 1, 1).AddDays(random.Next(365));
        var current = school;
        var repeater = false;
        DateOnly? startsOn = null;
        for (var y = first; y < plan.Years.Count; y++)
        {
            var year = plan.Years[y];
            var isCurrentYear = y == plan.Years.Count - 1;
            var enrolment = NewEnrolment(random, learner, current, year, level.Grades[grade], repeater, startsOn ?? year.StartsOn, ref sequence);
            rows.Add(enrolment);
            startsOn = null;
            repeater = false;
            var r = random.NextDouble();
            var midYear = year.StartsOn.AddDays(random.Next(30, 200));
            if (isCurrentYear)
            {
                if (r < 0.02 && midYear < plan.Context.Today)
                {
                    End(enrolment, EnrolmentStatus.Withdrawn, midYear, "dropped out");
                }

                break;
            }

            if (r < 0.03)
            {
                End(enrolment, EnrolmentStatus.Withdrawn, midYear, "dropped out");
                break;
            }

            if (r < 0.05 && current.District.Schools.Where(s => s != current && s.Institution.Status == InstitutionStatus.Open && s.Levels.Contains(level)).ToList() is { Count: > 0 } others)
            {
                End(enrolment, EnrolmentStatus.TransferredOut, midYear, "transferred");
                current = others[random.Next(others.Count)];
                enrolment = NewEnrolment(random, learner, current, year, level.Grades[grade], enrolment.Repeater, midYear, ref sequence);
                rows.Add(enrolment);
            }

            if (grade == level.Grades.Count - 1 && !(random.NextDouble() < 0.05))
            {
                End(enrolment, EnrolmentStatus.Graduated, year.EndsOn, null);
                var next = plan.Levels.FirstOrDefault(l => l.Sequence == level.Sequence + 1);
                if (next is null || random.NextDouble() >= 0.85)
                {
                    break;
                }

                // Most go on to the next level: at the same school if it offers it, else at one of the district's that does.
                if (!current.Levels.Contains(next))
                {
                    var offering = current.District.Schools.Where(s => s.Institution.Status == InstitutionStatus.Open && s.Levels.Contains(next)).ToList();
                    if (offering.Count == 0)
                    {
                        break;
                    }

                    current = offering[random.Next(offering.Count)];
                }

                level = next;
                grade = 0;
                continue;
            }

            End(enrolment, EnrolmentStatus.Promoted, year.EndsOn, null);
            if (random.NextDouble() < 0.07)
            {
                repeater = true;
            }
            else if (grade < level.Grades.Count - 1)
            {
                grade++;
            }
            else
            {
                repeater = true;
            }
        }

        learner.InstitutionId = current.Institution.Id;
        learner.ScopePath = current.Institution.ScopePath;
        return current;
    }

    private static int PickLevel(Random random, List<EducationLevel> levels)
    {
        var total = levels.Sum(l => l.DurationYears);
        var r = random.Next(total);
        for (var i = 0; i < levels.Count; i++)
        {
            if ((r -= levels[i].DurationYears) < 0)
            {
                return i;
            }
        }

        return 0;
    }

    private static Enrolment NewEnrolment(Random random, Learner learner, School school, AcademicYear year, Grade grade, bool repeater, DateOnly startsOn, ref long sequence) => new()
    {
        Id = SeedContext.IdFrom(random, sequence++),
        LearnerId = learner.Id,
        AcademicYearId = year.Id,
        InstitutionId = school.Institution.Id,
        GradeId = grade.Id,
        Repeater = repeater,
        Status = EnrolmentStatus.Enrolled,
        StartsOn = startsOn,
        ScopePath = school.Institution.ScopePath,
    };

    private static void End(Enrolment enrolment, EnrolmentStatus status, DateOnly on, string? reason)
    {
        enrolment.Status = status;
        enrolment.EndedOn = on;
        enrolment.EndReason = reason;
    }

    private static readonly string[] QualificationNames = ["Certificate in Early Childhood Education", "Diploma in Primary Teacher Education", "Diploma in Secondary Education", "Bachelor of Education", "Postgraduate Diploma in Education", "Master of Education"];

    private async Task SeedStaffAsync(SeedContext context, Plan plan, List<School> schools, CancellationToken ct)
    {
        var random = context.RandomFor("staff");
        var expected = schools.Sum(s => StaffCount(s));
        var staffTimer = context.Start("institutions.staff", expected);
        var postingTimer = context.Start("institutions.postings", expected * 6 / 5);
        var staff = new List<StaffMember>();
        var postings = new List<Posting>();
        var sequence = 0L;
        foreach (var school in schools)
        {
            var teachers = Math.Max(2, school.Learners / 35);
            var count = StaffCount(school);
            for (var k = 0; k < count; k++)
            {
                var teaching = k < teachers;
                var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
                var given = SeedNames.Pick(random, sex == Sex.Female ? SeedNames.Female : SeedNames.Male);
                var family = SeedNames.Pick(random, SeedNames.Family);
                var number = $"TS-{sequence + 1:0000000}";
                var level = school.Levels[random.Next(school.Levels.Count)];
                var qualified = random.NextDouble() < 0.85;
                var member = new StaffMember
                {
                    Id = SeedContext.IdFrom(random, sequence++),
                    StaffNumber = number,
                    GivenName = given,
                    FamilyName = family,
                    Sex = sex,
                    DateOfBirth = context.Today.AddYears(-random.Next(22, 60)).AddDays(-random.Next(365)),
                    Category = teaching ? StaffCategory.Teaching : StaffCategory.NonTeaching,
                    Email = $"{number.ToLowerInvariant()}@staff.lnemis.local",
                    Qualifications = teaching
                        ? [new Qualification { Name = SeedNames.Pick(random, QualificationNames), Year = context.Today.Year - random.Next(1, 30), Levels = qualified ? level.Code : "" }]
                        : [],
                    InstitutionId = school.Institution.Id,
                    ScopePath = school.Institution.ScopePath,
                    SearchText = SearchText.Of(number, given, family),
                    CreatedAt = plan.CreatedAt,
                };
                staff.Add(member);
                var since = context.Today.AddDays(-random.Next(30, 3000));
                if (random.NextDouble() < 0.2 && school.District.Schools.Count > 1)
                {
                    var before = school.District.Schools[random.Next(school.District.Schools.Count)];
                    if (before != school)
                    {
                        postings.Add(NewPosting(random, member, before, teaching, level, since.AddYears(-random.Next(1, 6)), since, ref sequence));
                    }
                }

                postings.Add(NewPosting(random, member, school, teaching, level, since, null, ref sequence));
            }

            if (staff.Count >= ChunkLearners / 5)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        staffTimer.Done();
        postingTimer.Done();

        async Task FlushAsync()
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, staff, ct);
            await BulkInsert.InsertAsync(db, postings, ct);
            await transaction.CommitAsync(ct);
            staffTimer.Add(staff.Count);
            postingTimer.Add(postings.Count);
            staff.Clear();
            postings.Clear();
        }
    }

    private static int StaffCount(School school) =>
        school.Institution.Status == InstitutionStatus.Open ? Math.Max(2, school.Learners / 35) + 1 + (school.Learners / 300) : 0;

    private static Posting NewPosting(Random random, StaffMember member, School school, bool teaching, EducationLevel level, DateOnly from, DateOnly? to, ref long sequence) => new()
    {
        Id = SeedContext.IdFrom(random, sequence++),
        StaffId = member.Id,
        InstitutionId = school.Institution.Id,
        Position = teaching ? "Teacher" : SeedNames.Pick(random, ["Bursar", "Secretary", "Cook", "Groundskeeper", "Librarian"]),
        TeachingLevel = teaching ? level.Code : null,
        StartsOn = from,
        EndsOn = to,
    };
}
