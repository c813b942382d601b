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
/// recent ones open; about one in eight is answered late. Histories are as rich as real ones
/// (about ten events a case: rejections and reassignments, messages, extensions and clock stops,
/// clearance with approvals taken on, amends requested and redrafts), each one the workflow
/// permits. The search documents and report rows the case observer keeps are written with the
/// cases; the big tables load without their secondary indexes (ADR 0025). Deterministic for a seed.
/// </summary>
internal sealed class CorrespondenceSeeder(LnemisDbContext db, CaseClock caseClock) : ISeedContributor
{
    /// <summary>The password of every generated correspondence user (fictional data only).</summary>
    public const string Password = "Seed-Correspondence-Password-2026";

    private const int Chunk = 20_000;

    /// <summary>Counts the ids handed out (their time part), so ids sort in the order they were made.</summary>
    private long sequence;

    /// <summary>Final deadlines by case type and received day, for cases without deadline events (most of them).</summary>
    private readonly Dictionary<(CaseType, DateOnly), DateOnly?> plainFinals = [];

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
        await using (var suspended = await SuspendedIndexes.SuspendAsync(db, [typeof(Case), typeof(CaseTransition), typeof(CaseSearchDocument), typeof(CaseReportRow)], [CaseSearch.WordsTable], context.Log, ct))
        {
            await SeedCasesAsync(context, groups, ct);
            await suspended.RestoreAsync(ct);
        }

        // The reports' monthly buckets, from the rows written with the cases (as a rebuild ends).
        await CaseReportMonths.RebuildAsync(db, ct);
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
        var historyTimer = context.Start("correspondence.case_transitions", total * 10L);
        var documentTimer = context.Start("correspondence.case_search_documents", total);
        var reportTimer = context.Start("correspondence.case_report_rows", total);
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var cases = new List<Case>(Chunk + 1000);
        var history = new List<CaseTransition>((Chunk * 11) + 11_000);
        var counters = new List<CaseNumberCounter>();
        var made = 0;
        await using var writer = new SeedWriter("cases and their histories", context.Log, ct);

        // Hands the batch to the writer (which COPYs it while the next one is generated) and starts a new one.
        async Task FlushAsync()
        {
            var (batch, batchHistory) = (cases, history);
            cases = new List<Case>(Chunk + 1000);
            history = new List<CaseTransition>((Chunk * 11) + 11_000);
            await writer.WriteAsync(async token =>
            {
                // The search index and report rows the case observer keeps for cases made through the API.
                var documents = batch.ToDictionary(c => c.Id, c => new CaseSearchDocument { CaseId = c.Id, CaseWords = CaseSearchIndexer.WordsOf(c), ScopeKeys = CaseSearchIndexer.ScopeKeysOf(c) });
                foreach (var entry in batchHistory.Where(e => e.Message is not null))
                {
                    var document = documents[entry.CaseId];
                    document.HistoryWords = SearchWords.Add(document.HistoryWords, entry.Message);
                }

                var reports = batch.ConvertAll(c => CaseReportRow.For(c, now));
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await BulkInsert.InsertAsync(db, batch, token);
                await BulkInsert.InsertAsync(db, batchHistory, token);
                await BulkInsert.InsertAsync(db, documents.Values.ToList(), token);
                await BulkInsert.InsertAsync(db, reports, token);
                await transaction.CommitAsync(token);
                caseTimer.Add(batch.Count);
                historyTimer.Add(batchHistory.Count);
                documentTimer.Add(documents.Count);
                reportTimer.Add(reports.Count);
            }, ct);
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
        await writer.CompleteAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertAsync(db, counters, ct);
            await transaction.CommitAsync(ct);
        }

        caseTimer.Done();
        historyTimer.Done();
        documentTimer.Done();
        reportTimer.Done();
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
        var today = context.Today;
        var ageDays = today.DayNumber - received.DayNumber;
        var stage = StageFor(random, ageDays);

        // The deadline events come first, as dates: a clock stop and restart (a SAR awaiting
        // identification), then an extension, each after the one before and none after today.
        var rule = caseClock.Rules.Find(type, DeadlineKind.Final, received);
        var changes = new List<DeadlineChange>();
        if (dateSet is not null)
        {
            changes.Add(dateSet);
        }

        var lastChange = received;
        if (stage >= 2 && rule?.ClockCanStop == true && random.NextDouble() < 0.3 && received.AddDays(2) < today)
        {
            var stoppedOn = received.AddDays(random.Next(1, 3));
            var restartedOn = stoppedOn.AddDays(random.Next(3, 21));
            restartedOn = restartedOn > today ? today : restartedOn;
            changes.Add(new DeadlineChange(DeadlineChange.Stop, stoppedOn, Reason: "awaiting proof of identity", Category: ClockStopCategory.AwaitingIdentification));
            changes.Add(new DeadlineChange(DeadlineChange.Restart, restartedOn));
            lastChange = restartedOn;
        }

        if (stage >= 2 && rule?.Extension is { } policy && random.NextDouble() < 0.15 && lastChange.AddDays(3) < today)
        {
            lastChange = lastChange.AddDays(random.Next(1, 4));
            changes.Add(new DeadlineChange(DeadlineChange.Extension, lastChange, policy.MaxTotal, "public interest test needed"));
        }

        var final = FinalDeadline(type, received, changes);
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
            FinalDeadline = FinalDeadline(type, received, []),
            ScopePath = group.Path,
            CreatedAt = created,
            LastEventAt = created,
        };
        var manager = group.Manager.Members[random.Next(group.Manager.Members.Count)];
        var applied = new List<DeadlineChange>();
        var at = created;
        var step = 0;
        var late = random.NextDouble() < 0.12;
        var respondedOn = final is { } due
            ? (late ? due.AddDays(random.Next(1, 15)) : received.AddDays(Math.Max(1, (int)((due.DayNumber - received.DayNumber) * (0.4 + (random.NextDouble() * 0.6))))))
            : received.AddDays(random.Next(5, 25));
        respondedOn = respondedOn < lastChange ? lastChange : respondedOn;
        respondedOn = respondedOn > today ? today : respondedOn;

        void Add(string @event, string to, Guid actor, CaseRole role, Guid actorTeam, Guid? team = null, string? message = null, DeadlineChange? change = null, DateOnly? on = null)
        {
            var when = on is { } date ? new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero).AddMinutes(step * 7) : at.AddMinutes(30 + random.Next(0, 600));
            if (when < at)
            {
                when = at.AddMinutes(5);
            }

            at = when;
            var before = c.FinalDeadline;
            if (change is not null)
            {
                // The deadline is derived from the history, as the app does after every deadline event.
                applied.Add(change);
                c.FinalDeadline = FinalDeadline(type, received, applied);
            }

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
                DeadlineBefore = step == 1 ? null : before,
                DeadlineAfter = c.FinalDeadline,
                At = when,
            });
            c.State = to;
            c.LastEventAt = when;
        }

        // The deadline events, written while the case is drafted (all are dated on or before the response).
        void DeadlineEvents()
        {
            foreach (var change in changes.Where(x => x != dateSet))
            {
                var name = change.Kind switch { DeadlineChange.Stop => "stop_clock", DeadlineChange.Restart => "restart_clock", _ => "extend" };
                Add(name, c.State, manager, CaseRole.Manager, group.Manager.Id, message: change.Reason, change: change, on: change.On);
            }
        }

        Guid Member(Unit unit) => unit.Members[random.Next(unit.Members.Count)];
        void Message(Guid actor, CaseRole role, Guid team, string text)
        {
            if (random.NextDouble() < 0.55)
            {
                Add("add_message", c.State, actor, role, team, message: text);
            }
        }

        Add("create", c.State, manager, CaseRole.Manager, group.Manager.Id, group.Manager.Id, change: dateSet, on: received);
        if (random.NextDouble() < 0.1)
        {
            Add("edit", c.State, manager, CaseRole.Manager, group.Manager.Id);
        }

        if (stage >= 1)
        {
            if (stage >= 2 && random.NextDouble() < 0.15)
            {
                // The first team gives it back, saying why; the manager assigns it elsewhere.
                var first = group.Responders.First(r => r != responder);
                Add("assign", WorkflowDefinitions.AwaitingResponder, manager, CaseRole.Manager, group.Manager.Id, first.Id);
                Add("reject", WorkflowDefinitions.Unassigned, Member(first), CaseRole.Responder, first.Id, first.Id, message: $"not ours: {first.Name} does not hold this information");
            }

            Add("assign", WorkflowDefinitions.AwaitingResponder, manager, CaseRole.Manager, group.Manager.Id, responder.Id);
            c.RespondingTeamId = responder.Id;
            Message(manager, CaseRole.Manager, group.Manager.Id, "please check the records of the last two years");
        }

        var person = Member(responder);
        if (stage >= 2)
        {
            Add("accept", WorkflowDefinitions.Drafting, person, CaseRole.Responder, responder.Id, responder.Id);
            c.ResponderId = person;
            if (random.NextDouble() < 0.08)
            {
                // The manager moves it to another unit, which takes it on.
                responder = group.Responders.First(r => r != responder);
                person = Member(responder);
                Add("reassign", WorkflowDefinitions.AwaitingResponder, manager, CaseRole.Manager, group.Manager.Id, responder.Id, message: "another unit leads on this subject");
                c.RespondingTeamId = responder.Id;
                c.ResponderId = null;
                Add("accept", WorkflowDefinitions.Drafting, person, CaseRole.Responder, responder.Id, responder.Id);
                c.ResponderId = person;
            }

            Message(person, CaseRole.Responder, responder.Id, "searching the files; the draft follows this week");
        }

        var flagged = stage >= 2 && random.NextDouble() < 0.3;
        if (flagged)
        {
            c.FlaggedSteps = definition.ClearanceSteps.Take(random.Next(1, definition.ClearanceSteps.Count + 1)).ToList();
            Add("flag_for_clearance", c.State, manager, CaseRole.Manager, group.Manager.Id, message: "sensitive subject");
        }

        DeadlineEvents();
        if (stage >= 3)
        {
            // Demo data names the response but stores no document (ResponseFileId stays null, and the case has
            // no case_files row): generating and encrypting a file per case would dominate seeding at scale.
            // The case page shows the name; the files panel is empty until someone uploads one.
            c.ResponseFileName = $"response-{c.Number}.pdf";
            Add("upload_response", c.State, person, CaseRole.Responder, responder.Id);
            if (random.NextDouble() < 0.15)
            {
                Add("upload_response", c.State, person, CaseRole.Responder, responder.Id);
            }
        }

        if (stage >= 4 && flagged)
        {
            Add("send_for_clearance", WorkflowDefinition.ClearanceState(c.FlaggedSteps[0]), person, CaseRole.Responder, responder.Id);
            var amends = random.NextDouble() < 0.25;
            var amendsAt = random.Next(c.FlaggedSteps.Count);
            var steps = stage >= 5 || amends ? c.FlaggedSteps.Count : random.Next(0, c.FlaggedSteps.Count);
            for (var s = 0; s < steps; s++)
            {
                var approver = group.Approvers.First(a => a.Step == c.FlaggedSteps[s]);
                if (random.NextDouble() < 0.7)
                {
                    c.AcceptedSteps = [.. c.AcceptedSteps, c.FlaggedSteps[s]];
                    Add("accept_approval", c.State, approver.Members[0], CaseRole.Approver, approver.Id);
                }

                if (amends && s == amendsAt)
                {
                    // The approver sends the draft back; the redraft goes through every flagged step again.
                    amends = false;
                    c.ApprovedSteps = [];
                    c.AcceptedSteps = [];
                    Add("request_amends", WorkflowDefinitions.Drafting, approver.Members[0], CaseRole.Approver, approver.Id, message: "please redact the names of junior officials");
                    Add("upload_response", c.State, person, CaseRole.Responder, responder.Id);
                    Add("send_for_clearance", WorkflowDefinition.ClearanceState(c.FlaggedSteps[0]), person, CaseRole.Responder, responder.Id);
                    steps = stage >= 5 ? c.FlaggedSteps.Count : random.Next(0, c.FlaggedSteps.Count);
                    s = -1;
                    continue;
                }

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

    /// <summary>
    /// The final deadline the rules give for the received day and deadline events (as the app derives it),
    /// remembered for the common case of no events: counting working days over the holiday calendars
    /// (and writing every deadline's explanation) for every generated case dominated seeding.
    /// </summary>
    private DateOnly? FinalDeadline(CaseType type, DateOnly received, List<DeadlineChange> changes)
    {
        if (changes.Count == 0 && plainFinals.TryGetValue((type, received), out var known))
        {
            return known;
        }

        var final = caseClock.FinalDeadline(type, received, changes.ConvertAll(x => x.ToEvent()));
        if (changes.Count == 0)
        {
            plainFinals[(type, received)] = final;
        }

        return final;
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
