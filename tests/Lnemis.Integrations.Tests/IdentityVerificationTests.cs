using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Integrations.Domain;
using Lnemis.Platform.Audit;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Tests;

public sealed class IdentityVerificationTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task Learner_IsVerifiedWithTheRegister_AndEachCheckIsRecordedAndAudited()
    {
        var area = await given.AreaAsync();
        var school = await given.InstitutionAsync(area);
        var family = Given.Unique("Otieno");
        var learner = await given.LearnerAsync(school, family);
        var number = "ID" + Random.Shared.Next(100_000, 999_999);
        factory.Register.People[number] = (family, "2016-05-17");
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        var url = $"/api/v1/learners/{learner}/identity-verifications";

        var match = await (await officer.PostAsync(url, new { nationalId = number })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Match", match["result"]!.GetValue<string>());
        var noMatch = await (await officer.PostAsync(url, new { nationalId = "ID000001" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("NoMatch", noMatch["result"]!.GetValue<string>());
        var unknown = await (await officer.PostAsync(url, new { nationalId = "DOWN1234" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Unknown", unknown["result"]!.GetValue<string>());
        Assert.NotNull(unknown["reason"]);

        // No number on the record and none given; a malformed one.
        var missing = await (await officer.PostAsync(url, new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["nationalId"]);
        var malformed = await (await officer.PostAsync(url, new { nationalId = "../x" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(malformed["errors"]!["nationalId"]);

        var stored = await factory.WithDbAsync(db => db.Set<IdentityVerification>().Where(v => v.SubjectId == learner).OrderBy(v => v.CheckedAt).ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.All(stored, v => Assert.DoesNotContain(number, v.NationalIdHint, StringComparison.Ordinal));
        var audited = await factory.WithDbAsync(db => db.Set<AuditRecord>().CountAsync(r => r.EntityType == nameof(IdentityVerification) && r.Action == AuditActions.Create && stored.Select(s => s.Id.ToString()).Contains(r.EntityId!)));
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task Verification_OutsideTheCallersScope_OrWithoutThePermission_IsRefused()
    {
        var area = await given.AreaAsync();
        var elsewhere = await given.AreaAsync();
        var learner = await given.LearnerAsync(await given.InstitutionAsync(area));
        var (outsider, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, elsewhere);
        await (await outsider.PostAsync($"/api/v1/learners/{learner}/identity-verifications", new { nationalId = "ID123456" })).ReadProblemAsync(HttpStatusCode.NotFound);
        var (viewer, _) = await given.SignedInAsync(RoleCatalog.Viewer, area);
        await (await viewer.PostAsync($"/api/v1/learners/{learner}/identity-verifications", new { nationalId = "ID123456" })).ReadProblemAsync(HttpStatusCode.Forbidden);
        var (officer, _) = await given.SignedInAsync(RoleCatalog.AreaOfficer, area);
        await (await officer.PostAsync($"/api/v1/staff/{Guid.NewGuid()}/identity-verifications", new { nationalId = "ID123456" })).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
