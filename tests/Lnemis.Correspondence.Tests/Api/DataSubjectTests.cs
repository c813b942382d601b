using System.Net;
using Lnemis.Testing;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>A SAR finds its data subject in the registry and exports what is held on them, audited and in the case history.</summary>
public sealed class DataSubjectTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    [Fact]
    public async Task SubjectAccessRequest_FindsTheLearner_AndExportsTheirRecords()
    {
        var given = new Given(factory);
        var office = await CaseOffice.CreateAsync(factory);
        var school = await given.InstitutionAsync(await given.AreaAsync());
        var family = Given.Unique("Subject").Replace("-", "", StringComparison.Ordinal);
        var learnerId = await given.LearnerAsync(school, family);
        var sar = await office.CreateCaseAsync("sar", new DateOnly(2026, 3, 19));
        var caseId = sar["id"]!.GetValue<Guid>();

        // Found by name (wherever the learner is: the SAR team has no area grant), with a birth date to tell namesakes apart.
        var matches = (await office.Manager.GetJsonAsync($"/api/v1/cases/{caseId}/data-subjects?name=test%20{family}&dateOfBirth=2016-05-17")).AsArray();
        var match = Assert.Single(matches);
        Assert.Equal(("learner", learnerId), (match!["kind"]!.GetValue<string>(), match["id"]!.GetValue<Guid>()));
        Assert.Equal(school.Name, match["where"]!.GetValue<string>());
        Assert.Empty((await office.Manager.GetJsonAsync($"/api/v1/cases/{caseId}/data-subjects?name={family}&dateOfBirth=2016-05-18")).AsArray());

        var export = await (await office.Manager.PostAsync($"/api/v1/cases/{caseId}/data-subjects/export", new { kind = "learner", subjectId = learnerId }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(sar["number"]!.GetValue<string>(), export["caseNumber"]!.GetValue<string>());
        var records = export["records"]!;
        Assert.Equal(family, records["learner"]!["familyName"]!.GetValue<string>());
        Assert.Equal(school.Name, records["learner"]!["school"]!.GetValue<string>());
        Assert.NotNull(records["enrolments"]!.AsArray());

        // The export is in the case history; the case's state and deadline are untouched.
        var detail = await office.Manager.GetJsonAsync($"/api/v1/cases/{caseId}");
        Assert.Equal("data_subject_export", detail["history"]!.AsArray()[^1]!["event"]!.GetValue<string>());
        Assert.Equal(sar["state"]!.GetValue<string>(), detail["state"]!.GetValue<string>());
        Assert.Equal(sar["finalDeadline"]!.GetValue<string>(), detail["finalDeadline"]!.GetValue<string>());

        // Bad input and other case types are refused with a reason.
        var noName = await (await office.Manager.GetAsync($"/api/v1/cases/{caseId}/data-subjects?name=x")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(noName["errors"]!["name"]);
        var badKind = await (await office.Manager.PostAsync($"/api/v1/cases/{caseId}/data-subjects/export", new { kind = "pet", subjectId = learnerId })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("learner", badKind["errors"]!["kind"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var unknown = await office.Manager.PostAsync($"/api/v1/cases/{caseId}/data-subjects/export", new { kind = "staff", subjectId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var foi = await office.CreateCaseAsync("foi", new DateOnly(2026, 3, 19));
        var notSar = await (await office.Manager.GetAsync($"/api/v1/cases/{foi["id"]}/data-subjects?name={family}")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(notSar["errors"]!["id"]);
    }
}
