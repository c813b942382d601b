using System.Net;
using System.Reflection;
using Lnemis.Identity.Domain;
using Lnemis.Identity.Features.Tokens;
using Lnemis.Institutions;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Identity.Tests;

/// <summary>
/// The scope rule, for every GET endpoint the server maps (found at run time, so a new module's
/// endpoints are covered without touching this test): a user whose grants are all in area A gets
/// nothing that belongs to a sibling area B: lists leave B's records out, B's ids in the path or
/// in any id-like query parameter give 403 or 404, and no answer carries a B id.
/// New modules add their area-B records to <see cref="SeedAreaAsync"/> so their ids are tried too.
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

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .ToList();
        Assert.True(endpoints.Count >= 8, $"Only {endpoints.Count} GET endpoints found.");

        var failures = new List<string>();
        var ownRecordsSeen = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var queryIds = IdQueryParameters(endpoint, pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));
            if (pattern.Parameters.Count == 0)
            {
                await CheckAsync(pattern.RawText!, expectRefusal: false);
                foreach (var name in queryIds)
                {
                    foreach (var id in b.Ids)
                    {
                        await CheckAsync($"{pattern.RawText}?{name}={id}", expectRefusal: false);
                    }
                }

                continue;
            }

            foreach (var id in b.Ids)
            {
                await CheckAsync(Fill(pattern.RawText!, pattern.Parameters.Select(p => p.Name), id), expectRefusal: true);
            }

            foreach (var id in a.Ids)
            {
                var own = await client.GetAsync(Fill(pattern.RawText!, pattern.Parameters.Select(p => p.Name), id));
                ownRecordsSeen += own.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // The user does reach records of their own area through the same endpoints (the test is not vacuous).
        Assert.True(ownRecordsSeen >= 3, $"Only {ownRecordsSeen} of area A's records were readable by id.");
        var areas = await client.GetJsonAsync("/api/v1/areas?pageSize=200");
        Assert.Contains(areas["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == a.Area.Id);

        async Task CheckAsync(string url, bool expectRefusal)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status >= 500 || (expectRefusal ? status is not (403 or 404) : status is not (200 or 204 or 400 or 403 or 404)))
            {
                failures.Add($"GET {url}: {status} {Shorten(body)}");
            }

            foreach (var id in b.Ids.Where(id => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"GET {url}: the answer contains area B's record {id}: {Shorten(body)}");
            }
        }
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

    /// <summary>Query parameters of the handler that take an id (Guid, or a string named …Id).</summary>
    private static List<string> IdQueryParameters(RouteEndpoint endpoint, HashSet<string> routeNames) =>
        endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .Where(p => p.Name is not null && !routeNames.Contains(p.Name)
                && (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?)
                    || (p.ParameterType == typeof(string) && p.Name.EndsWith("Id", StringComparison.Ordinal))))
            .Select(p => p.Name!)
            .ToList() ?? [];

    private static string Fill(string raw, IEnumerable<string> names, Guid id)
    {
        var url = raw;
        foreach (var name in names)
        {
            var start = url.IndexOf("{" + name, StringComparison.Ordinal);
            var end = url.IndexOf('}', start);
            url = url[..start] + id + url[(end + 1)..];
        }

        return url;
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private sealed record Seeded(Institutions.InstitutionsCommands.AreaRef Area, IReadOnlyList<Guid> Ids);
}
