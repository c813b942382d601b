using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Reports;
using Lnemis.Platform.Data;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>The monthly pre-aggregate (ADR 0020): it follows every change of the rows, a rebuild gives the same buckets, and the reports read from it give what the rows give.</summary>
public sealed class ReportMonthTests(LnemisFactory factory) : IClassFixture<LnemisFactory>
{
    private static readonly DateOnly Thursday19March = new(2026, 3, 19);

    /// <summary>The buckets as stored (empty ones left out) must equal the live rows counted afresh.</summary>
    internal static async Task AssertBucketsMatchRowsAsync(LnemisFactory factory)
    {
        var (expected, stored) = await factory.WithDbAsync(async db =>
        {
            var rows = await db.Set<CaseReportRow>().IgnoreQueryFilters().AsNoTracking().ToListAsync();
            var months = await db.Set<CaseReportMonth>().IgnoreQueryFilters().AsNoTracking().Where(m => m.Cases != 0).ToListAsync();
            return (
                rows.Select(CaseReportMonth.KeyOf).OfType<CaseReportMonth.Key>().GroupBy(k => k).ToDictionary(g => g.Key.SortKey, g => g.Count()),
                months.ToDictionary(m => new CaseReportMonth.Key(m.ScopePath, m.ReceivedMonth, m.Type, m.ManagingTeamId, m.TeamId, m.Timeliness, m.AppealResult).SortKey, m => m.Cases));
        });
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), stored.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Buckets_FollowCreateAssignRespondCloseAppealEditAndDelete_AndARebuildGivesTheSame()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var c = await office.CreateCaseAsync("foi", Thursday19March);
        await AssertBucketsMatchRowsAsync(factory);
        c = await CaseOffice.FireAsync(office.Manager, c, "assign", new { teamId = office.Responders.Id });
        await AssertBucketsMatchRowsAsync(factory);
        c = await CaseOffice.FireAsync(office.Responder, c, "accept");
        c = await CaseOffice.UploadResponseAsync(office.Responder, c);
        c = await CaseOffice.FireAsync(office.Responder, c, "mark_responded", new { on = new DateOnly(2026, 4, 22) });
        await AssertBucketsMatchRowsAsync(factory);
        await CaseOffice.FireAsync(office.Manager, c, "close", new { closure = new { informationHeld = "Yes", outcome = "Granted", lateTeam = "Responders" } });
        await AssertBucketsMatchRowsAsync(factory);

        // An ICO appeal: open, then closed as overturned, which opens an overturned FOI in the same transaction.
        var appeal = await ReportTests.RespondedAsync(office, "ico_appeal_foi", Thursday19March, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1));
        await AssertBucketsMatchRowsAsync(factory);
        await CaseOffice.FireAsync(office.Manager, appeal, "close", new { closure = new { appealOutcome = "Overturned" } });
        await AssertBucketsMatchRowsAsync(factory);
        var appeals = (await office.Manager.GetJsonAsync("/api/v1/correspondence/reports/appeals"))["lines"]!.AsArray();
        Assert.Contains(appeals, l => l!["outcome"]!.GetValue<string>() == "overturned" && l["cases"]!.GetValue<int>() == 1);

        // Edited (same bucket), then deleted: it leaves every bucket.
        var edited = await office.CreateCaseAsync("sar", Thursday19March);
        edited = await CaseOffice.FireAsync(office.Manager, edited, "edit", new { subject = "A clearer subject" });
        await AssertBucketsMatchRowsAsync(factory);
        await CaseOffice.FireAsync(office.Manager, edited, "delete", new { reason = "Duplicate of another request" });
        await AssertBucketsMatchRowsAsync(factory);

        // A rebuild from the rows gives exactly the buckets kept one change at a time.
        var before = await BucketsAsync();
        await factory.AsSystemAsync(sp => CaseReportMonths.RebuildAsync(sp.GetRequiredService<LnemisDbContext>(), CancellationToken.None));
        Assert.Equal(before, await BucketsAsync());
    }

    [Fact]
    public async Task Reports_FromBuckets_EqualReports_FromRows_OnRandomData()
    {
        var office = await CaseOffice.CreateAsync(factory);
        var random = new Random(20261123);
        Guid[] teams = [office.Managers.Id, office.Responders.Id, office.Disclosure.Id, Guid.NewGuid()];
        var rows = new List<CaseReportRow>();
        for (var i = 0; i < 600; i++)
        {
            var type = CaseTypes.All[random.Next(CaseTypes.All.Count)];
            var received = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 900));
            var responded = random.Next(3) == 0 ? (DateOnly?)null : received.AddDays(random.Next(5, 40));
            var open = responded is null || random.Next(4) == 0;
            rows.Add(new CaseReportRow
            {
                CaseId = Guid.NewGuid(),
                Number = $"R{i:D6}{random.Next(1000):D3}",
                Type = type,
                ManagingTeamId = teams[random.Next(2)],
                RespondingTeamId = random.Next(3) == 0 ? null : teams[random.Next(teams.Length)],
                ReceivedOn = received,
                ReceivedMonth = CaseReportRow.MonthOf(received),
                FinalDeadline = received.AddDays(20),
                RespondedOn = responded,
                Timeliness = responded is not { } r ? ReportTimeliness.Pending : r > received.AddDays(20) ? ReportTimeliness.Late : ReportTimeliness.InTime,
                ClosedOn = open ? null : responded,
                Outcome = random.Next(4) switch { 0 => null, 1 => CaseOutcome.Granted, 2 => CaseOutcome.Refused, _ => CaseOutcome.RefusedInPart },
                AppealOutcome = random.Next(4) switch { 0 => null, 1 => AppealOutcome.Upheld, 2 => AppealOutcome.Overturned, _ => AppealOutcome.UpheldInPart },
                State = open ? "drafting" : "closed",
                IsOpen = open,
                ScopePath = random.Next(5) == 0 ? office.Group.Path + "elsewhere/" : office.Group.Path,
                DeletedAt = random.Next(20) == 0 ? DateTimeOffset.UtcNow : null,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            rows[^1].TeamId = rows[^1].RespondingTeamId ?? rows[^1].ManagingTeamId;
        }

        await factory.WithDbAsync(async db =>
        {
            db.Set<CaseReportRow>().AddRange(rows);
            return await db.SaveChangesAsync();
        });
        await factory.AsSystemAsync(sp => CaseReportMonths.RebuildAsync(sp.GetRequiredService<LnemisDbContext>(), CancellationToken.None));
        await AssertBucketsMatchRowsAsync(factory);

        for (var i = 0; i < 25; i++)
        {
            var from = random.Next(3) == 0 ? null : $"{2024 + random.Next(2)}-{random.Next(1, 13):D2}";
            var to = random.Next(3) == 0 ? null : $"2025-{random.Next(6, 13):D2}";
            var type = random.Next(2) == 0 ? null : CaseTypes.All[random.Next(CaseTypes.All.Count)].Code();
            Guid? team = random.Next(2) == 0 ? null : teams[random.Next(teams.Length)];
            var (filter, problem) = ReportFilter.Parse(from, to, type, team);
            Assert.Null(problem);
            await factory.AsSystemAsync(async sp =>
            {
                var db = sp.GetRequiredService<LnemisDbContext>();
                var byRows = await TimelinessReport.BuildAsync(db, filter!, CancellationToken.None, ReportSource.Rows);
                var byMonths = await TimelinessReport.BuildAsync(db, filter!, CancellationToken.None, ReportSource.Months);
                Assert.Equal(byRows.Lines, byMonths.Lines);
                Assert.Equal(byRows.Total, byMonths.Total);
                Assert.Equal(
                    await AppealsReport.BuildAsync(db, filter!, CancellationToken.None, ReportSource.Rows),
                    await AppealsReport.BuildAsync(db, filter!, CancellationToken.None, ReportSource.Months));
                return 0;
            });
        }

        // Some filter found something, so the comparison compared figures.
        await factory.AsSystemAsync(async sp =>
        {
            var all = await TimelinessReport.BuildAsync(sp.GetRequiredService<LnemisDbContext>(), ReportFilter.Parse(null, null, null, null).Filter!, CancellationToken.None, ReportSource.Months);
            Assert.True(all.Total.Answered > 300);
            return 0;
        });
    }

    private async Task<List<string>> BucketsAsync()
    {
        var months = await factory.WithDbAsync(db => db.Set<CaseReportMonth>().IgnoreQueryFilters().AsNoTracking().Where(m => m.Cases != 0).ToListAsync());
        return months.Select(m => $"{m.ScopePath}|{m.ReceivedMonth}|{m.Type}|{m.ManagingTeamId}|{m.TeamId}|{m.Timeliness}|{m.AppealResult}={m.Cases}").Order(StringComparer.Ordinal).ToList();
    }
}
