using System.Globalization;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Correspondence.Features.Reports;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence.Seeding;

/// <summary>
/// The correspondence part of a generated country: business groups with their manager, responder
/// and approver units and members (users who can sign in), and cases received over the last
/// months or years in every state, each with the history that brought it there (assignment,
/// acceptance, clearance, response, closure with outcome), its final deadline derived by the
/// deadline rules, and case numbers with their per-day counters. Older cases are mostly closed,
/// recent ones open; about one in eight is answered late. Deterministic for a seed.
/// </summary>
internal sealed class CorrespondenceSeeder(LnemisDbContext db, CaseClock caseClock) : ISeedContributor
{
    /// <summary>The password of every generated correspondence user (fictional data only).</summary>
    public const string Password = "Seed-Correspondence-Password-2026";

    private const int Chunk = 20_000;

    /// <summary>Counts the ids handed out (their time part), so ids sort in the order they were made.</summary>
    private long sequence;

    private static readonly (CaseType Type, double Share)[] Mix =
    [
        (CaseType.Foi, 0.55), (CaseType.Sar, 0.25), (CaseType.FoiInternalReview, 0.07), (CaseType.SarInternalReview, 0.04),
        (CaseType.IcoAppealFoi, 0.03), (CaseType.IcoAppealSar, 0.02), (CaseType.OverturnedFoi, 0.02), (CaseType.OverturnedSar, 0.02),
    ];

    private static readonly string[] Topics =
    [
        "school feeding programme spending", "teacher recruitment in the northern counties", "examination results by district",
        "the school construction tender", "textbook procurement contracts", "bursary allocations", "the curriculum review",
        "classroom overcrowding reports", "school inspection findings", "special needs provision", "the ministry's vehicle fleet",
        "consultancy contracts", "water and sanitation in schools", "digital learning devices", "teacher training colleges",
    ];

    public int Order => 200;

    public string Name => "correspondence";

    public async Task<string?> RefusalAsync(SeedContext context, CancellationToken ct) =>
        await db.Teams().IgnoreQueryFilters().AnyAsync(ct) || await db.Cases().IgnoreQueryFilters().AnyAsync(ct)
            ? "Correspondence already holds teams or cases: seed into an empty database."
            : null;

    private sealed record Unit(Guid Id, string Path, string Name, CaseRole Role, string? Step, List<Guid> Members);

    private sealed record Group(Guid Id, string Path, string Name, Unit Manager, List<Unit> Responders, List<Unit> Approvers);

    public async Task SeedAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Profile.Cases == 0)
        {
            return;
        }

        var groups = await SeedTeamsAsync(context, ct);
        await SeedCasesAsync(context, groups, ct);

        // The reports read model, as the case observer keeps it for cases made through the API.
        var reports = context.Start("correspondence.case_report_rows", context.Profile.Cases);
        reports.Add(await RebuildCaseReports.RunAsync(db, context.Services.GetRequiredService<TimeProvider>(), 5_000, null, ct));
        reports.Done();
        await BulkInsert.AnalyzeAsync<Case>(db, ct);
        await BulkInsert.AnalyzeAsync<CaseTransition>(db, ct);
    }

    private async Task<List<Group>> SeedTeamsAsync(SeedContext context, CancellationToken ct)
    {
        var services = context.Services;
        var random = context.RandomFor("correspondence.teams");
        var count = context.Profile.Scale switch { SeedScale.Small => 1, SeedScale.District => 2, _ => 4 };
        var groups = new List<Group>();
        var timer = context.Start("correspondence.teams", count * 8);
        var users = 0;
        for (var g = 1; g <= count; g++)
        {
            var groupName = SeedTopicsName(g);
            var group = await CorrespondenceCommands.AddTeamAsync(services, $"BG{g}", groupName, null, null, null, ct);
            var directorate = await CorrespondenceCommands.AddTeamAsync(services, $"BG{g}-D1", $"{groupName} Directorate", group, null, null, ct);
            async Task<Unit> UnitAsync(string code, string name, CaseRole role, string? step, int members)
            {
                var team = await CorrespondenceCommands.AddTeamAsync(services, code, name, directorate, role, step, ct);
                var unit = new Unit(team.Id, team.Path, team.Name, role, step, []);
                for (var m = 1; m <= members; m++)
                {
                    var email = $"{code.ToLowerInvariant()}-{m}@correspondence.lnemis.local";
                    var roleName = role switch { CaseRole.Manager => "CaseManager", CaseRole.Responder => "CaseResponder", _ => "CaseApprover" };
                    var person = $"{Pick(random, FirstNames)} {Pick(random, FamilyNames)}";
                    var id = await Identity.CreateUserAsync(services, email, person, Password, roleName, group, ct);
                    await CorrespondenceCommands.AddMemberAsync(services, team, id, role, ct);
                    unit.Members.Add(id);
                    users++;
                }

                return unit;
            }

            var manager = await UnitAsync($"BG{g}-MGR", "Correspondence Management Unit", CaseRole.Manager, null, 2);
            var responders = new List<Unit>();
            foreach (var (code, name) in new[] { ("POL", "Policy Unit"), ("FIN", "Finance Unit"), ("OPS", "Operations Unit") })
            {
                responders.Add(await UnitAsync($"BG{g}-{code}", name, CaseRole.Responder, null, 3));
            }

            var approvers = new List<Unit>
            {
                await UnitAsync($"BG{g}-DIS", "Disclosure Team", CaseRole.Approver, WorkflowDefinitions.Disclosure, 1),
                await UnitAsync($"BG{g}-PRS", "Press Office", CaseRole.Approver, WorkflowDefinitions.PressOffice, 1),
                await UnitAsync($"BG{g}-PVT", "Private Office", CaseRole.Approver, WorkflowDefinitions.PrivateOffice, 1),
            };
            groups.Add(new Group(group.Id, group.Path, groupName, manager, responders, approvers));
        }

        timer.Add(count * 9);
        timer.Done();
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {users} correspondence users (password {Password}), e.g. bg1-mgr-1@correspondence.lnemis.local"));
        return groups;
    }

    private static string SeedTopicsName(int g) => g switch
    {
        1 => "Basic Education Group",
        2 => "Higher Education Group",
        3 => "Corporate Services Group",
        _ => $"Regional Services Group {g - 3}",
    };

    private async Task SeedCasesAsync(SeedContext context, List<Group> groups, CancellationToken ct)
    {
        var random = context.RandomFor("correspondence.cases");
        var total = context.Profile.Cases;
        var span = context.Profile.Scale switch { SeedScale.Small => 120, SeedScale.District => 365, _ => 4 * 365 };
        var caseTimer = context.Start("correspondence.cases", total);
        var historyTimer = context.Start("correspondence.case_transitions", total * 6L);
        var cases = new List<Case>(Chunk + 1000);
        var history = new List<CaseTransition>((Chunk * 7) + 7000);
        var documents = new List<CaseSearchDocument>(Chunk + 1000);
        var counters = new List<CaseNumberCounter>();
        var made = 0;

        async Task FlushAsync()
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, cases, ct);
            await BulkInsert.InsertAsync(db, history, ct);

            // The search index the case observer keeps for cases made through the API.
            foreach (var c in cases)
            {
                documents.Add(new CaseSearchDocument { CaseId = c.Id, CaseWords = CaseSearchIndexer.WordsOf(c) });
            }

            var byCase = documents.ToDictionary(d => d.CaseId);
            foreach (var entry in history.Where(e => e.Message is not null))
            {
                var document = byCase[entry.CaseId];
                document.HistoryWords = SearchWords.Add(document.HistoryWords, entry.Message);
            }

            await BulkInsert.InsertAsync(db, documents, ct);
            await transaction.CommitAsync(ct);
            caseTimer.Add(cases.Count);
            historyTimer.Add(history.Count);
            cases.Clear();
            history.Clear();
            documents.Clear();
        }

        for (var d = span - 1; d >= 0 && made < total; d--)
        {
            var day = context.Today.AddDays(-d);
            var remainingDays = d + 1;
            var today = (int)Math.Round((total - made) / (double)remainingDays * (0.8 + (random.NextDouble() * 0.4)));
            today = d == 0 ? total - made : Math.Clamp(today, 0, total - made);
            for (var n = 1; n <= today; n++)
            {
                var group = groups[random.Next(groups.Count)];
                NewCase(context, random, group, day, n, cases, history);
            }

            if (today > 0)
            {
                counters.Add(new CaseNumberCounter { Day = day, LastSequence = today });
            }

            made += today;
            if (cases.Count >= Chunk)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertAsync(db, counters, ct);
            await transaction.CommitAsync(ct);
        }

        caseTimer.Done();
        historyTimer.Done();
    }

    /// <summary>How far a case has gone, by its age: most cases older than two months are closed.</summary>
    private static int StageFor(Random random, int ageDays)
    {
        var r = random.NextDouble();
        return ageDays switch
        {
            > 60 => r < 0.92 ? 7 : r < 0.96 ? 6 : random.Next(0, 6),
            > 20 => r < 0.5 ? 7 : r < 0.7 ? 6 : random.Next(1, 6),
            > 5 => r < 0.1 ? 6 : random.Next(0, 6),
            _ => random.Next(0, 3),
        };
    }

    private void NewCase(SeedContext context, Random random, Group group, DateOnly received, int number, List<Case> cases, List<CaseTransition> history)
    {
        var type = PickType(random);
        var definition = WorkflowDefinitions.For(type);
        var created = new DateTimeOffset(received.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddMinutes(random.Next(0, 480));
        DeadlineChange? dateSet = type is CaseType.IcoAppealFoi or CaseType.IcoAppealSar
            ? new DeadlineChange(DeadlineChange.DateSet, received, Date: received.AddDays(28))
            : null;
        var deadlines = caseClock.Deadlines(type, received, dateSet is null ? [] : [dateSet.ToEvent()]);
        var final = deadlines.FirstOrDefault(x => x.Kind == DeadlineKind.Final)?.Date;
        var responder = group.Responders[random.Next(group.Responders.Count)];
        var requesterGiven = Pick(random, FirstNames);
        var requesterFamily = Pick(random, FamilyNames);
        var c = new Case
        {
            Id = SeedContext.IdFrom(random, sequence++),
            Number = CaseNumber.Format(received, number),
            Type = type,
            Subject = $"{(type is CaseType.Sar or CaseType.SarInternalReview or CaseType.IcoAppealSar or CaseType.OverturnedSar ? "Personal data held about me" : "Information about")} {Pick(random, Topics)}",
            RequesterName = $"{requesterGiven} {requesterFamily}",
            RequesterEmail = random.NextDouble() < 0.8 ? $"{requesterGiven}.{requesterFamily}{random.Next(1, 99)}@example.org".ToLowerInvariant().Replace(' ', '.') : null,
            ReceivedOn = received,
            State = definition.Initial,
            ManagingTeamId = group.Manager.Id,
            FinalDeadline = final,
            ScopePath = group.Path,
            CreatedAt = created,
            LastEventAt = created,
        };
        var manager = group.Manager.Members[random.Next(group.Manager.Members.Count)];
        var at = created;
        var step = 0;
        var today = context.Today;
        var ageDays = today.DayNumber - received.DayNumber;
        var stage = StageFor(random, ageDays);
        var late = random.NextDouble() < 0.12;
        var respondedOn = final is { } due
            ? (late ? due.AddDays(random.Next(1, 15)) : received.AddDays(Math.Max(1, (int)((due.DayNumber - received.DayNumber) * (0.4 + (random.NextDouble() * 0.6))))))
            : received.AddDays(random.Next(5, 25));
        if (respondedOn > today)
        {
            respondedOn = today;
        }

        void Add(string @event, string to, Guid actor, CaseRole role, Guid actorTeam, Guid? team = null, string? message = null, DeadlineChange? change = null, DateOnly? on = null)
        {
            var when = on is { } date ? new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero).AddMinutes(step * 7) : at.AddMinutes(30 + random.Next(0, 600));
            if (when < at)
            {
                when = at.AddMinutes(5);
            }

            at = when;
            history.Add(new CaseTransition
            {
                Id = SeedContext.IdFrom(random, sequence++),
                CaseId = c.Id,
                Sequence = ++step,
                Event = @event,
                FromState = step == 1 ? null : c.State,
                ToState = to,
                ActorId = actor,
                ActorRole = role,
                ActorTeamId = actorTeam,
                TeamId = team,
                Message = message,
                DeadlineChange = change,
                DeadlineBefore = step == 1 ? null : c.FinalDeadline,
                DeadlineAfter = c.FinalDeadline,
                At = when,
            });
            c.State = to;
            c.LastEventAt = when;
        }

        Add("create", c.State, manager, CaseRole.Manager, group.Manager.Id, group.Manager.Id, change: dateSet, on: received);
        if (stage >= 1)
        {
            Add("assign", WorkflowDefinitions.AwaitingResponder, manager, CaseRole.Manager, group.Manager.Id, responder.Id);
            c.RespondingTeamId = responder.Id;
        }

        var person = responder.Members[random.Next(responder.Members.Count)];
        if (stage >= 2)
        {
            Add("accept", WorkflowDefinitions.Drafting, person, CaseRole.Responder, responder.Id, responder.Id);
            c.ResponderId = person;
        }

        var flagged = stage >= 2 && random.NextDouble() < 0.2;
        if (flagged)
        {
            c.FlaggedSteps = definition.ClearanceSteps.Take(random.Next(1, definition.ClearanceSteps.Count + 1)).ToList();
            Add("flag_for_clearance", c.State, manager, CaseRole.Manager, group.Manager.Id, message: "sensitive subject");
        }

        if (stage >= 3)
        {
            // Demo data names the response but stores no document (ResponseFileId stays null, and the case has
            // no case_files row): generating and encrypting a file per case would dominate seeding at scale.
            // The case page shows the name; the files panel is empty until someone uploads one.
            c.ResponseFileName = $"response-{c.Number}.pdf";
            Add("upload_response", c.State, person, CaseRole.Responder, responder.Id);
        }

        if (stage >= 4 && flagged)
        {
            Add("send_for_clearance", WorkflowDefinition.ClearanceState(c.FlaggedSteps[0]), person, CaseRole.Responder, responder.Id);
            var steps = stage >= 5 ? c.FlaggedSteps.Count : random.Next(0, c.FlaggedSteps.Count);
            for (var s = 0; s < steps; s++)
            {
                var approver = group.Approvers.First(a => a.Step == c.FlaggedSteps[s]);
                var next = s + 1 < c.FlaggedSteps.Count ? WorkflowDefinition.ClearanceState(c.FlaggedSteps[s + 1]) : WorkflowDefinitions.AwaitingDispatch;
                c.ApprovedSteps = [.. c.ApprovedSteps, c.FlaggedSteps[s]];
                Add("approve", next, approver.Members[0], CaseRole.Approver, approver.Id);
            }
        }

        if (stage >= 6 && c.State is WorkflowDefinitions.Drafting or WorkflowDefinitions.AwaitingDispatch)
        {
            c.RespondedOn = respondedOn;
            Add("mark_responded", WorkflowDefinitions.Responded, person, CaseRole.Responder, responder.Id, on: respondedOn);
            if (stage >= 7)
            {
                var appeal = type is CaseType.IcoAppealFoi or CaseType.IcoAppealSar;
                c.InformationHeld = Pick(random, [InformationHeld.Yes, InformationHeld.Yes, InformationHeld.InPart, InformationHeld.No]);
                c.Outcome = Pick(random, [CaseOutcome.Granted, CaseOutcome.Granted, CaseOutcome.RefusedInPart, CaseOutcome.Refused]);
                c.Exemptions = c.Outcome == CaseOutcome.Granted ? [] : [Pick(random, ["s21", "s22", "s31", "s35", "s36", "s40", "s41", "s43"])];
                c.AppealOutcome = appeal ? Pick(random, [AppealOutcome.Upheld, AppealOutcome.Upheld, AppealOutcome.UpheldInPart, AppealOutcome.Overturned]) : null;
                c.LateTeam = final is { } f && respondedOn > f ? responder.Name : null;
                var closedOn = respondedOn.AddDays(random.Next(0, 5));
                c.ClosedOn = closedOn > today ? today : closedOn;
                Add("close", WorkflowDefinitions.Closed, manager, CaseRole.Manager, group.Manager.Id, on: c.ClosedOn);
            }
        }

        cases.Add(c);
    }

    private static CaseType PickType(Random random)
    {
        var r = random.NextDouble();
        foreach (var (type, share) in Mix)
        {
            if ((r -= share) < 0)
            {
                return type;
            }
        }

        return CaseType.Foi;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static readonly string[] FirstNames = ["Amina", "Brian", "Cynthia", "Daniel", "Esther", "Farouk", "Grace", "Hassan", "Irene", "James", "Khadija", "Leon", "Mercy", "Nelson", "Olive", "Peter", "Rose", "Samuel", "Tabitha", "Victor"];

    private static readonly string[] FamilyNames = ["Achieng", "Barasa", "Chebet", "Dida", "Ekiru", "Farah", "Gitau", "Huka", "Ireri", "Juma", "Kamau", "Langat", "Mwangi", "Njoroge", "Otieno", "Rotich", "Simiyu", "Tanui", "Wafula", "Yusuf"];

    /// <summary>Creating users belongs to Identity: this module reaches it through the host's seeding helper.</summary>
    private static class Identity
    {
        public static async Task<Guid> CreateUserAsync(IServiceProvider services, string email, string name, string password, string role, CorrespondenceCommands.TeamRef group, CancellationToken ct) =>
            await services.GetRequiredService<ISeedUsers>().CreateAsync(email, name, password, role, ScopeKind.Team, group.Id, group.Path, group.Name, ct);
    }
}
