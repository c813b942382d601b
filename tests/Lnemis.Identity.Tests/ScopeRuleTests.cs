using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Features.Tokens;
using Lnemis.Institutions;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Identity.Tests;

/// <summary>
/// The scope rule, for every GET endpoint the server maps (<see cref="ScopeSweep"/>): a user whose
/// grants are all in area A gets nothing that belongs to a sibling area B: lists leave B's records
/// out, B's ids in the path or in any id-like query parameter give 403 or 404, and no answer
/// carries a B id. New modules add their area-B records to <see cref="SeedAreaAsync"/> so their
/// ids are tried too (records that hang on teams: the Correspondence scope test).
/// </summary>
public sealed class ScopeRuleTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task AreaUser_GetsNothingOfAnotherArea_FromAnyListOrGetEndpoint()
    {
        var parent = await given.AreaAsync();
        var a = await SeedAreaAsync(parent);
        var b = await SeedAreaAsync(parent);
        var client = await SignInWithEveryAreaRoleAsync(a.Area);

        var outcome = await ScopeSweep.RunAsync(factory, client, a.Ids, b.Ids);
        Assert.True(outcome.Endpoints >= 8, $"Only {outcome.Endpoints} GET endpoints found.");
        Assert.True(outcome.Failures.Count == 0, string.Join(Environment.NewLine, outcome.Failures));
        // The user does reach records of their own area through the same endpoints (the test is not vacuous).
        Assert.True(outcome.OwnRecordsSeen >= 3, $"Only {outcome.OwnRecordsSeen} of area A's records were readable by id.");
        var areas = await client.GetJsonAsync("/api/v1/areas?pageSize=200");
        Assert.Contains(areas["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == a.Area.Id);
    }

    /// <summary>An area with records of every kind that hangs on an area: the area, a sub-area, a school, a learner and their enrolment, a teacher, the head teacher, a user placed there, the user's grant and token.</summary>
    private async Task<Seeded> SeedAreaAsync(Institutions.InstitutionsCommands.AreaRef parent)
    {
        var area = await given.AreaAsync(parent);
        var child = await given.AreaAsync(area);
        var school = await given.InstitutionAsync(child);
        var head = await given.UserAtAsync(RoleCatalog.HeadTeacher, school);
        var learner = await given.LearnerAsync(school);
        var teacher = await factory.AsSystemAsync(sp => InstitutionsCommands.AddTeacherAsync(sp, school, Given.Unique("TSC"), "Test", "Teacher", CancellationToken.None));
        await given.StructureAsync();
        var enrolment = await factory.WithDbAsync(async db =>
        {
            var row = new Enrolment
            {
                Id = Guid.CreateVersion7(),
                LearnerId = learner,
                AcademicYearId = db.Set<AcademicYear>().First().Id,
                GradeId = db.Set<Grade>().First().Id,
                InstitutionId = school.Id,
                ScopePath = school.Path,
                StartsOn = new DateOnly(2026, 1, 5),
            };
            db.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var censusReturn = await factory.WithDbAsync(async db =>
        {
            // Rounds are national (every scope sees them); the return is the school's.
            var year = new AcademicYear { Id = Guid.CreateVersion7(), Code = Given.Unique("SY"), Name = "Scope test", StartsOn = new DateOnly(2026, 1, 5), EndsOn = new DateOnly(2026, 11, 30) };
            var round = new CensusRound { Id = Guid.CreateVersion7(), AcademicYearId = year.Id, Name = "Scope test", OpensOn = new DateOnly(2026, 1, 1), Deadline = new DateOnly(2026, 3, 1) };
            var row = new CensusReturn { Id = Guid.CreateVersion7(), RoundId = round.Id, InstitutionId = school.Id, ScopePath = school.Path, Status = CensusReturnStatus.Submitted };
            db.AddRange(year, round, row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var user = await given.UserAsync(RoleCatalog.AreaOfficer, area);
        var (grantId, tokenId) = await factory.AsSystemAsync(async sp =>
        {
            var db = sp.GetRequiredService<LnemisDbContext>();
            var grant = db.Set<RoleGrant>().Single(g => g.UserId == user.Id);
            var token = await PersonalAccessTokens.CreateAsync(db, TimeProvider.System, user.Id, "scope test", 1, CancellationToken.None);
            return (grant.Id, token.Id);
        });
        return new Seeded(area, [area.Id, child.Id, school.Id, learner, teacher, enrolment, censusReturn, head.Id, user.Id, grantId, tokenId]);
    }

    private async Task<TestClient> SignInWithEveryAreaRoleAsync(Institutions.InstitutionsCommands.AreaRef area)
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var user = await given.UserAsync(RoleCatalog.UserAdministrator, area);
        foreach (var role in RoleCatalog.All.Where(r => r.Name != RoleCatalog.UserAdministrator && r.ScopeKinds.Contains(Platform.Access.ScopeKind.Area)))
        {
            await (await admin.PostAsync($"/api/v1/users/{user.Id}/grants", new { role = role.Name, scopeKind = "Area", scopeId = area.Id }))
                .ReadJsonAsync(HttpStatusCode.Created);
        }

        var client = factory.CreateTestClient();
        if (await Given.SignInAsync(client, user) == "mfaEnrolmentRequired")
        {
            await Given.EnrolMfaAsync(client, user);
        }

        return client;
    }

    private sealed record Seeded(Institutions.InstitutionsCommands.AreaRef Area, IReadOnlyList<Guid> Ids);
}
