using Lnemis.Testing;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>
/// The scope rule for records that hang on teams: a case manager of business group A, swept over
/// every GET endpoint (<see cref="ScopeSweep"/>), gets nothing of business group B — not its
/// teams, not its cases, not its case's subject searches — while reading A's own by id.
/// </summary>
public sealed class CaseScopeTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    [Fact]
    public async Task CaseManager_GetsNothingOfAnotherBusinessGroup_FromAnyListOrGetEndpoint()
    {
        var a = await CaseOffice.CreateAsync(factory);
        var b = await CaseOffice.CreateAsync(factory);
        var ownCase = await a.CreateCaseAsync("sar", new DateOnly(2026, 3, 19));
        var otherCase = await b.CreateCaseAsync("sar", new DateOnly(2026, 3, 19));
        await CaseOffice.FireAsync(b.Manager, otherCase, "assign", new { teamId = b.Responders.Id });

        var outcome = await ScopeSweep.RunAsync(
            factory,
            a.Manager,
            [a.Group.Id, a.Managers.Id, a.Responders.Id, ownCase["id"]!.GetValue<Guid>()],
            [b.Group.Id, b.Managers.Id, b.Responders.Id, b.Disclosure.Id, otherCase["id"]!.GetValue<Guid>(), b.ManagerUser.Id, b.ResponderUser.Id]);

        Assert.True(outcome.Failures.Count == 0, string.Join(Environment.NewLine, outcome.Failures));
        Assert.True(outcome.OwnRecordsSeen >= 2, $"Only {outcome.OwnRecordsSeen} of group A's records were readable by id.");
    }
}
