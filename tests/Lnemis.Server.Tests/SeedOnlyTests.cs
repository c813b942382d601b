using Lnemis.Correspondence.Domain;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Server.Tests;

/// <summary>`Lnemis.Server seed --only MODULE`: one module's part of the country (the harness loads correspondence alone at national size).</summary>
public sealed class SeedOnlyTests
{
    private static readonly SeedProfile Tiny = new(SeedScale.Small, Counties: 1, DistrictsPerCounty: 2, Institutions: 8, Learners: 400, Cases: 30);
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task SeedOnlyCorrespondence_LoadsTheCases_AndLeavesTheRegistryEmpty()
    {
        var factory = new LnemisFactory();
        await factory.InitializeAsync();
        try
        {
            var log = new StringWriter();
            var exit = await factory.AsSystemAsync(sp => Seed.RunAsync(sp, Tiny, 3, Today, log, "Correspondence", CancellationToken.None));
            Assert.True(exit == 0, log.ToString());
            await factory.WithDbAsync(async db =>
            {
                Assert.Equal(30, await db.Set<Case>().CountAsync());
                Assert.Equal(30, await db.Set<CaseReportRow>().CountAsync());
                Assert.Equal(0, await db.Set<Institution>().CountAsync());
                Assert.Equal(0, await db.Set<Learner>().CountAsync());
                return true;
            });
            Assert.DoesNotContain("institutions:", log.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    [Fact]
    public async Task SeedOnlyAnUnknownModule_IsRefused_AndSeedsNothing()
    {
        var factory = new LnemisFactory();
        await factory.InitializeAsync();
        try
        {
            var log = new StringWriter();
            var exit = await factory.AsSystemAsync(sp => Seed.RunAsync(sp, Tiny, 3, Today, log, "lms", CancellationToken.None));
            Assert.Equal(1, exit);
            Assert.Contains("--only takes one of institutions, correspondence", log.ToString(), StringComparison.Ordinal);
            await factory.WithDbAsync(async db =>
            {
                Assert.Equal(0, await db.Set<Case>().CountAsync());
                Assert.Equal(0, await db.Set<Institution>().CountAsync());
                return true;
            });
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}
