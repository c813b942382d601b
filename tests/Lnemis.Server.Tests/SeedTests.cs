using System.Text;
using Lnemis.Correspondence.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Server.Tests;

/// <summary>`Lnemis.Server seed`: a generated country, the same for the same seed, never mixed into real data.</summary>
public sealed class SeedTests
{
    private static readonly SeedProfile Tiny = new(SeedScale.Small, Counties: 1, DistrictsPerCounty: 2, Institutions: 8, Learners: 400, Cases: 60);
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task Seed_FillsTheProfile_TheSameForTheSameSeed_AndRefusesAFilledDatabase()
    {
        var first = await SeededAsync(seed: 7);
        var second = await SeededAsync(seed: 7);
        var other = await SeededAsync(seed: 8);
        try
        {
            var fingerprint = await FingerprintAsync(first.Factory);
            Assert.Equal(fingerprint, await FingerprintAsync(second.Factory));
            Assert.NotEqual(fingerprint, await FingerprintAsync(other.Factory));

            await first.Factory.WithDbAsync(async db =>
            {
                Assert.Equal(8, await db.Set<Institution>().CountAsync());
                Assert.Equal(1 + 1 + 2, await db.Set<Area>().CountAsync());
                Assert.Equal(400, await db.Set<Learner>().CountAsync());
                Assert.All(await db.Set<Learner>().Select(l => l.LearnerNumber).ToListAsync(), n => Assert.True(LearnerNumbers.IsValid(n), n));

                // Every learner's enrolments: the three years, and what happened in them.
                var statuses = await db.Set<Enrolment>().GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
                Assert.True(statuses.GetValueOrDefault(EnrolmentStatus.Enrolled) > 200, string.Join(", ", statuses));
                Assert.True(statuses.GetValueOrDefault(EnrolmentStatus.Promoted) > 100, string.Join(", ", statuses));
                Assert.True(statuses.GetValueOrDefault(EnrolmentStatus.Graduated) > 0, string.Join(", ", statuses));
                Assert.True(statuses.GetValueOrDefault(EnrolmentStatus.Withdrawn) > 0, string.Join(", ", statuses));
                Assert.True(await db.Set<Enrolment>().AnyAsync(e => e.Repeater));
                Assert.Equal(3, await db.Set<Enrolment>().Select(e => e.AcademicYearId).Distinct().CountAsync());

                // A learner belongs to the school of their latest enrolment, inside its scope.
                var misplaced = await db.Set<Learner>()
                    .Where(l => !db.Set<Enrolment>().Any(e => e.LearnerId == l.Id && e.InstitutionId == l.InstitutionId && e.ScopePath == l.ScopePath))
                    .CountAsync();
                Assert.Equal(0, misplaced);
                Assert.True(await db.Set<StaffMember>().CountAsync() >= 8);

                // Cases in several states, each history starting with its creation and numbered without gaps.
                Assert.Equal(60, await db.Set<Case>().CountAsync());
                Assert.True(await db.Set<Case>().Select(c => c.State).Distinct().CountAsync() >= 3);
                Assert.Equal(60, await db.Set<CaseTransition>().CountAsync(t => t.Sequence == 1 && t.Event == "create"));
                var steps = await db.Set<CaseTransition>().GroupBy(t => t.CaseId).Select(g => new { Count = g.Count(), Max = g.Max(t => t.Sequence) }).ToListAsync();
                Assert.All(steps, s => Assert.Equal(s.Count, s.Max));
                Assert.True(await db.Set<Case>().AllAsync(c => c.State != "closed" || (c.Outcome != null && c.ClosedOn != null)));
                Assert.Equal(60, await db.Set<CaseReportRow>().CountAsync());
                return true;
            });

            var again = new StringWriter();
            var refused = await first.Factory.AsSystemAsync(sp => Seed.RunAsync(sp, Tiny, 7, Today, again, CancellationToken.None));
            Assert.Equal(1, refused);
            Assert.Contains("empty database", again.ToString(), StringComparison.Ordinal);
            Assert.Equal(400, await first.Factory.WithDbAsync(db => db.Set<Learner>().CountAsync()));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            await other.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheSeededOfficer_SignsIn_AndSeesTheirDistrictOnly()
    {
        var seeded = await SeededAsync(seed: 3);
        try
        {
            var client = seeded.Factory.CreateTestClient();
            var status = await Given.SignInAsync(client, new TestUser(Guid.Empty, DemoData.OfficerEmail, DemoData.OfficerPassword));
            Assert.Equal("signedIn", status);
            var list = await client.GetJsonAsync("/api/v1/learners?pageSize=100");
            var rows = list["items"]!.AsArray();
            Assert.NotEmpty(rows);

            var district = await seeded.Factory.WithDbAsync(db => db.Set<Area>().Where(a => a.Code == "LN-01-01").Select(a => a.ScopePath).SingleAsync());
            var inDistrict = await seeded.Factory.WithDbAsync(db => db.Set<Learner>().CountAsync(l => l.ScopePath.StartsWith(district)));
            var total = list["total"]!.GetValue<int>();
            Assert.Equal(inDistrict, total);
            Assert.True(total < 400, $"the officer sees {total} of 400 learners");
            Assert.Contains("Seeding scale Small", seeded.Log, StringComparison.Ordinal);

            // A generated correspondence manager signs in and sees the business group's cases.
            var manager = seeded.Factory.CreateTestClient();
            Assert.Equal("signedIn", await Given.SignInAsync(manager, new TestUser(Guid.Empty, "bg1-mgr-1@correspondence.lnemis.local", "Seed-Correspondence-Password-2026")));
            var cases = await manager.GetJsonAsync("/api/v1/cases?pageSize=10");
            Assert.Equal(60, cases["total"]!.GetValue<int>());
            var number = await seeded.Factory.WithDbAsync(db => db.Set<Case>().OrderBy(c => c.Number).Select(c => c.Number).FirstAsync());
            var found = await manager.GetJsonAsync("/api/v1/cases?q=" + number);
            Assert.Equal(number, Assert.Single(found["items"]!.AsArray())!["number"]!.GetValue<string>());
            Assert.Contains("rows/s", seeded.Log, StringComparison.Ordinal);
        }
        finally
        {
            await seeded.DisposeAsync();
        }
    }

    private sealed record Seeded(LnemisFactory Factory, string Log) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)Factory).DisposeAsync();
    }

    private static async Task<Seeded> SeededAsync(int seed)
    {
        var factory = new LnemisFactory();
        await factory.InitializeAsync();
        var log = new StringWriter();
        var exit = await factory.AsSystemAsync(sp => Seed.RunAsync(sp, Tiny, seed, Today, log, CancellationToken.None));
        Assert.True(exit == 0, log.ToString());
        return new Seeded(factory, log.ToString());
    }

    /// <summary>Everything generated that a seed decides, in a stable order.</summary>
    private static Task<string> FingerprintAsync(LnemisFactory factory) => factory.WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        foreach (var i in await db.Set<Institution>().OrderBy(i => i.Code).Select(i => new { i.Id, i.Code, i.Name, i.Type, i.Latitude, i.ClassroomsUsable }).ToListAsync())
        {
            text.AppendLine(i.ToString());
        }

        foreach (var l in await db.Set<Learner>().OrderBy(l => l.LearnerNumber).Select(l => new { l.Id, l.LearnerNumber, l.GivenName, l.FamilyName, l.DateOfBirth, l.InstitutionId }).ToListAsync())
        {
            text.AppendLine(l.ToString());
        }

        // Grades and academic years come from the standard structure, whose ids are the database's own: compare codes.
        var grades = await db.Set<Grade>().ToDictionaryAsync(g => g.Id, g => g.Code);
        var years = await db.Set<AcademicYear>().ToDictionaryAsync(y => y.Id, y => y.Code);
        foreach (var e in await db.Set<Enrolment>().OrderBy(e => e.Id).Select(e => new { e.Id, e.LearnerId, e.GradeId, e.AcademicYearId, e.Status, e.Repeater, e.EndedOn }).ToListAsync())
        {
            text.AppendLine($"{e.Id} {e.LearnerId} {grades[e.GradeId]} {years[e.AcademicYearId]} {e.Status} {e.Repeater} {e.EndedOn}");
        }

        return text.ToString();
    });
}
