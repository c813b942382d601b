using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Institutions.Domain;
using Lnemis.Platform.Data;
using Lnemis.Platform.Hosting;
using Lnemis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Server.Tests;

/// <summary>
/// What the generator writes is what the app could have written: every seeded case history replays
/// through its workflow definition, and a seed leaves the schema exactly as `migrate` made it
/// (indexes suspended for the load are rebuilt from the database's own definitions, ADR 0025).
/// </summary>
public sealed class SeedHistoryTests
{
    private static readonly SeedProfile Cases = new(SeedScale.Small, Counties: 1, DistrictsPerCounty: 1, Institutions: 4, Learners: 200, Cases: 1_500);
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task EverySeededHistory_IsOneTheWorkflowPermits_AndTheyAreRich()
    {
        await using var factory = await FactoryAsync();
        var log = new StringWriter();
        Assert.True(await factory.Factory.AsSystemAsync(sp => Seed.RunAsync(sp, Cases, 11, Today, log, CancellationToken.None)) == 0, log.ToString());
        var rules = factory.Factory.Services.GetRequiredService<DeadlineRuleSet>();

        await factory.Factory.WithDbAsync(async db =>
        {
            var teams = await db.Set<Team>().ToDictionaryAsync(t => t.Id);
            var cases = await db.Set<Case>().ToDictionaryAsync(c => c.Id);
            var histories = (await db.Set<CaseTransition>().ToListAsync()).GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Sequence).ToList());
            Assert.Equal(cases.Count, histories.Count);
            foreach (var (id, c) in cases)
            {
                Replay(c, histories[id], teams, rules);
            }

            // Rich histories: about ten events a case over a full span (this one is 120 days, so more are open).
            var transitions = histories.Values.Sum(h => h.Count);
            Assert.True(transitions >= cases.Count * 8, $"{transitions} transitions for {cases.Count} cases");
            var events = histories.Values.SelectMany(h => h).Select(t => t.Event).ToHashSet();
            foreach (var e in new[] { "assign", "reject", "reassign", "accept", "add_message", "edit", "flag_for_clearance", "extend", "stop_clock", "restart_clock", "upload_response", "send_for_clearance", "accept_approval", "request_amends", "approve", "mark_responded", "close" })
            {
                Assert.Contains(e, events);
            }

            // States still spread over the whole lifecycle, clearance included.
            var states = cases.Values.Select(c => c.State).ToHashSet();
            foreach (var s in new[] { WorkflowDefinitions.Unassigned, WorkflowDefinitions.AwaitingResponder, WorkflowDefinitions.Drafting, WorkflowDefinitions.Responded, WorkflowDefinitions.Closed })
            {
                Assert.Contains(s, states);
            }

            Assert.Contains(states, s => s.StartsWith("pending_", StringComparison.Ordinal));
            return true;
        });
    }

    /// <summary>Replays one history event by event through <see cref="Workflow.Decide"/>, applying each decision's effects as the app does.</summary>
    private static void Replay(Case c, List<CaseTransition> history, Dictionary<Guid, Team> teams, DeadlineRuleSet rules)
    {
        var definition = WorkflowDefinitions.For(c.Type);
        var rule = rules.Find(c.Type, DeadlineKind.Final, c.ReceivedOn);
        var first = history[0];
        Assert.Equal("create", first.Event);
        Assert.Equal(definition.Initial, first.ToState);
        var state = first.ToState;
        var events = new List<DeadlineEvent>();
        if (first.DeadlineChange is { } set)
        {
            events.Add(set.ToEvent());
        }

        HashSet<string> flagged = [], approved = [], accepted = [];
        var hasFile = false;
        Guid? responding = null;
        var at = first.At;
        for (var i = 1; i < history.Count; i++)
        {
            var t = history[i];
            var where = $"case {c.Number} ({c.Type}) #{t.Sequence} {t.Event}";
            Assert.True(t.Sequence == i + 1, where);
            Assert.True(t.FromState == state, $"{where}: from {t.FromState}, but the case was {state}");
            Assert.True(t.At >= at, $"{where}: dated before the event before it");
            at = t.At;
            var replay = rule is null ? null : DeadlineHistory.Replay(rule, c.ReceivedOn, events);
            var actorTeam = t.ActorTeamId is { } teamId ? teams[teamId] : null;
            var snapshot = new CaseSnapshot(c.Type, state)
            {
                HasResponseFile = hasFile,
                FlaggedSteps = flagged,
                ApprovedSteps = approved,
                AcceptedSteps = accepted,
                ClockStopped = replay?.CurrentStop is not null,
                IsExtended = replay?.Extensions.Count > 0,
                CanExtend = replay?.CanExtend == true,
                IsLate = t.DeadlineBefore is { } due && (c.RespondedOn ?? Today) > due,
                ActorInRespondingTeam = t.ActorTeamId is not null && t.ActorTeamId == responding,
                ActorApprovesSteps = actorTeam?.ClearanceStep is { } step ? new HashSet<string> { step } : new HashSet<string>(),
            };
            var input = new EventInput
            {
                Reason = t.Message,
                HasFile = true,
                Team = t.TeamId?.ToString(),
                ClearanceSteps = c.FlaggedSteps,
                Closure = new Closure { InformationHeld = c.InformationHeld, Outcome = c.Outcome, AppealOutcome = c.AppealOutcome, Exemptions = c.Exemptions, LateTeam = c.LateTeam },
            };
            var decision = Workflow.Decide(definition, snapshot, t.ActorRole ?? CaseRole.System, t.Event, input);
            Assert.True(decision.Allowed, $"{where}: {decision.Reason}");
            Assert.True(decision.To == t.ToState, $"{where}: to {t.ToState}, but the workflow leads to {decision.To}");
            foreach (var effect in decision.Effects)
            {
                switch (effect)
                {
                    case WorkflowEffects.SetRespondingTeam:
                        Assert.True(t.TeamId is { } chosen && teams[chosen].Role == CaseRole.Responder, where);
                        responding = t.TeamId;
                        break;
                    case WorkflowEffects.ClearRespondingTeam:
                        responding = null;
                        break;
                    case WorkflowEffects.AddClearanceSteps:
                        flagged = [.. c.FlaggedSteps];
                        break;
                    case WorkflowEffects.AcceptClearanceStep:
                        accepted.Add(definition.StepOf(state)!);
                        break;
                    case WorkflowEffects.ApproveClearanceStep:
                        approved.Add(definition.StepOf(state)!);
                        break;
                    case WorkflowEffects.ResetClearanceApprovals:
                        approved.Clear();
                        accepted.Clear();
                        break;
                    case WorkflowEffects.AttachResponse:
                        hasFile = true;
                        break;
                    case WorkflowEffects.RecordDeadlineEvent:
                        Assert.True(t.DeadlineChange is not null, where);
                        events.Add(t.DeadlineChange!.ToEvent());
                        Assert.True(t.DeadlineChange.On <= Today, where);
                        break;
                }
            }

            state = t.ToState;
        }

        if (rule is not null)
        {
            DeadlineHistory.Replay(rule, c.ReceivedOn, events); // throws at an event the deadline rule refuses
        }

        Assert.Equal(c.State, state);
        Assert.Equal(c.FinalDeadline, history[^1].DeadlineAfter);
    }

    [Fact]
    public async Task ASeed_LeavesTheSchemaAsMigrateMadeIt()
    {
        await using var migrated = await FactoryAsync();
        await using var seeded = await FactoryAsync();
        var log = new StringWriter();
        Assert.True(await seeded.Factory.AsSystemAsync(sp => Seed.RunAsync(sp, SeedProfile.For(SeedScale.Small) with { Learners = 300, Cases = 50 }, 5, Today, log, CancellationToken.None)) == 0, log.ToString());
        if (seeded.Factory.Database.IsPostgres)
        {
            Assert.Contains("suspended", log.ToString(), StringComparison.Ordinal);
            Assert.Contains("rebuilt the indexes", log.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(await CatalogAsync(migrated.Factory), await CatalogAsync(seeded.Factory));
    }

    [Fact]
    public async Task ALoadThatFails_OrIsKilled_LeavesNoIndexMissing()
    {
        await using var migrated = await FactoryAsync();
        await using var owner = await FactoryAsync();
        var failed = owner.Factory;
        var expected = await CatalogAsync(migrated.Factory);
        var log = new StringWriter();

        // A load that throws: the indexes come back on the way out.
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WithDbAsync<bool>(async db =>
        {
            await using var suspended = await SuspendedIndexes.SuspendAsync(db, [typeof(Learner), typeof(Enrolment)], log, CancellationToken.None);
            Assert.Equal(db.Provider == DatabaseProvider.Postgres, suspended.Dropped.Count > 0);
            throw new InvalidOperationException("the load failed");
        }));
        Assert.Equal(expected, await CatalogAsync(failed));

        // A load whose process dies: nothing restores them then, but the next seed does first.
        await failed.WithDbAsync(async db => await SuspendedIndexes.SuspendAsync(db, [typeof(Learner), typeof(Enrolment)], log, CancellationToken.None));
        if (failed.Database.IsPostgres)
        {
            Assert.NotEqual(expected, await CatalogAsync(failed));
        }

        Assert.Equal(0, await failed.AsSystemAsync(sp => Seed.RunAsync(sp, SeedProfile.For(SeedScale.Small) with { Learners = 100, Cases = 10 }, 5, Today, log, CancellationToken.None)));
        Assert.Equal(expected, await CatalogAsync(failed));
    }

    private sealed record Owned(LnemisFactory Factory) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)Factory).DisposeAsync();
    }

    private static async Task<Owned> FactoryAsync()
    {
        var factory = new LnemisFactory();
        await factory.InitializeAsync();
        return new Owned(factory);
    }

    /// <summary>Every index, constraint and trigger as the database defines it (PostgreSQL's catalog, or SQLite's schema), in a stable order.</summary>
    private static Task<string> CatalogAsync(LnemisFactory factory) => factory.WithDbAsync(async db =>
    {
        var rows = db.Provider == DatabaseProvider.Postgres
            ? await db.Database.SqlQueryRaw<string>("""
                SELECT 'table ' || tablename AS "Value" FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
                UNION ALL SELECT 'index ' || tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
                UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated::text FROM pg_constraint WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
                UNION ALL SELECT 'trigger ' || tgrelid::regclass::text || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
                """).ToListAsync()
            : await db.Database.SqlQueryRaw<string>("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS \"Value\" FROM sqlite_master").ToListAsync();
        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    });
}
