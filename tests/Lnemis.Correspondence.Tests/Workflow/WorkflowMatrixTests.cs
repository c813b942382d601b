using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;

namespace Lnemis.Correspondence.Tests.Workflow;

/// <summary>
/// Every (case type, state, role, event) combination, allowed or refused, against tables written
/// out here by hand — not read from the definitions — so a change to a definition that changes
/// who may do what fails this test until the table is changed on purpose.
///
/// Cells: M = manager, R = responder, A = approver, S = the system (scheduled tasks), - = nobody. Guards are satisfied throughout
/// (the actor is in the responding team and approves every step, a reason and file are given…),
/// so the tables test states and roles; guards have their own tests in WorkflowTests.
/// </summary>
public sealed class WorkflowMatrixTests
{
    // Every event of any case type: an event missing from a definition must be refused everywhere.
    private static readonly string[] AllEvents =
    [
        "assign", "accept", "reject", "reassign", "assign_responder", "flag_for_clearance", "unflag", "accept_approval", "approve",
        "approve_and_bypass", "request_amends", "upload_response", "upload_response_and_approve", "send_for_clearance",
        "mark_responded", "close", "extend", "remove_extension", "stop_clock", "restart_clock", "auto_close", "link_case",
        "add_message", "transfer_managing_team", "edit", "delete",
    ];

    // FOI: three clearance steps, public-interest test extensions, no clock stops.
    private const string FoiTable = """
        event                        unassigned awaiting_responder drafting pending_disclosure pending_press_office pending_private_office awaiting_dispatch responded closed
        assign                       M          -                  -        -                  -                    -                      -                 -         -
        accept                       -          R                  -        -                  -                    -                      -                 -         -
        reject                       -          R                  -        -                  -                    -                      -                 -         -
        reassign                     -          M                  M        -                  -                    -                      M                 -         -
        assign_responder             -          MR                 MR       -                  -                    -                      MR                -         -
        flag_for_clearance           M          M                  M        -                  -                    -                      -                 -         -
        unflag                       A          A                  A        -                  -                    -                      -                 -         -
        accept_approval              -          -                  -        A                  A                    A                      -                 -         -
        approve                      -          -                  -        A                  A                    A                      -                 -         -
        approve_and_bypass           -          -                  -        A                  A                    -                      -                 -         -
        request_amends               -          -                  -        A                  A                    A                      -                 -         -
        upload_response              -          -                  R        -                  -                    -                      R                 -         -
        upload_response_and_approve  -          -                  -        A                  A                    A                      -                 -         -
        send_for_clearance           -          -                  R        -                  -                    -                      -                 -         -
        mark_responded               -          -                  R        -                  -                    -                      R                 -         -
        close                        -          -                  -        -                  -                    -                      -                 M         -
        extend                       M          M                  M        M                  M                    M                      M                 -         -
        remove_extension             M          M                  M        M                  M                    M                      M                 -         -
        stop_clock                   -          -                  -        -                  -                    -                      -                 -         -
        restart_clock                -          -                  -        -                  -                    -                      -                 -         -
        auto_close                   -          -                  -        -                  -                    -                      -                 -         -
        link_case                    MRA        MRA                MRA      MRA                MRA                  MRA                    MRA               MRA       MRA
        add_message                  MRA        MRA                MRA      MRA                MRA                  MRA                    MRA               MRA       -
        transfer_managing_team       MS         MS                 MS       MS                 MS                   MS                     MS                MS        -
        edit                         M          M                  M        M                  M                    M                      M                 M         M
        delete                       M          M                  M        M                  M                    M                      M                 M         M
        """;

    // FOI internal review and ICO appeal on an FOI: FOI's steps, but no extension.
    private const string FoiReviewTable = """
        event                        unassigned awaiting_responder drafting pending_disclosure pending_press_office pending_private_office awaiting_dispatch responded closed
        assign                       M          -                  -        -                  -                    -                      -                 -         -
        accept                       -          R                  -        -                  -                    -                      -                 -         -
        reject                       -          R                  -        -                  -                    -                      -                 -         -
        reassign                     -          M                  M        -                  -                    -                      M                 -         -
        assign_responder             -          MR                 MR       -                  -                    -                      MR                -         -
        flag_for_clearance           M          M                  M        -                  -                    -                      -                 -         -
        unflag                       A          A                  A        -                  -                    -                      -                 -         -
        accept_approval              -          -                  -        A                  A                    A                      -                 -         -
        approve                      -          -                  -        A                  A                    A                      -                 -         -
        approve_and_bypass           -          -                  -        A                  A                    -                      -                 -         -
        request_amends               -          -                  -        A                  A                    A                      -                 -         -
        upload_response              -          -                  R        -                  -                    -                      R                 -         -
        upload_response_and_approve  -          -                  -        A                  A                    A                      -                 -         -
        send_for_clearance           -          -                  R        -                  -                    -                      -                 -         -
        mark_responded               -          -                  R        -                  -                    -                      R                 -         -
        close                        -          -                  -        -                  -                    -                      -                 M         -
        extend                       -          -                  -        -                  -                    -                      -                 -         -
        remove_extension             -          -                  -        -                  -                    -                      -                 -         -
        stop_clock                   -          -                  -        -                  -                    -                      -                 -         -
        restart_clock                -          -                  -        -                  -                    -                      -                 -         -
        auto_close                   -          -                  -        -                  -                    -                      -                 -         -
        link_case                    MRA        MRA                MRA      MRA                MRA                  MRA                    MRA               MRA       MRA
        add_message                  MRA        MRA                MRA      MRA                MRA                  MRA                    MRA               MRA       -
        transfer_managing_team       MS         MS                 MS       MS                 MS                   MS                     MS                MS        -
        edit                         M          M                  M        M                  M                    M                      M                 M         M
        delete                       M          M                  M        M                  M                    M                      M                 M         M
        """;

    // SAR: disclosure clearance only (so nothing to bypass), one extension, clock stops.
    private const string SarTable = """
        event                        unassigned awaiting_responder drafting pending_disclosure awaiting_dispatch responded closed
        assign                       M          -                  -        -                  -                 -         -
        accept                       -          R                  -        -                  -                 -         -
        reject                       -          R                  -        -                  -                 -         -
        reassign                     -          M                  M        -                  M                 -         -
        assign_responder             -          MR                 MR       -                  MR                -         -
        flag_for_clearance           M          M                  M        -                  -                 -         -
        unflag                       A          A                  A        -                  -                 -         -
        accept_approval              -          -                  -        A                  -                 -         -
        approve                      -          -                  -        A                  -                 -         -
        approve_and_bypass           -          -                  -        -                  -                 -         -
        request_amends               -          -                  -        A                  -                 -         -
        upload_response              -          -                  R        -                  R                 -         -
        upload_response_and_approve  -          -                  -        A                  -                 -         -
        send_for_clearance           -          -                  R        -                  -                 -         -
        mark_responded               -          -                  R        -                  R                 -         -
        close                        -          -                  -        -                  -                 M         -
        extend                       M          M                  M        M                  M                 -         -
        remove_extension             M          M                  M        M                  M                 -         -
        stop_clock                   M          M                  M        M                  M                 -         -
        restart_clock                M          M                  M        M                  M                 -         -
        auto_close                   S          S                  S        S                  S                 -         -
        link_case                    MRA        MRA                MRA      MRA                MRA               MRA       MRA
        add_message                  MRA        MRA                MRA      MRA                MRA               MRA       -
        transfer_managing_team       MS         MS                 MS       MS                 MS                MS        -
        edit                         M          M                  M        M                  M                 M         M
        delete                       M          M                  M        M                  M                 M         M
        """;

    // SAR internal review, ICO appeal on a SAR, overturned FOI and SAR: disclosure only, no extension, no clock stops.
    private const string DisclosureOnlyTable = """
        event                        unassigned awaiting_responder drafting pending_disclosure awaiting_dispatch responded closed
        assign                       M          -                  -        -                  -                 -         -
        accept                       -          R                  -        -                  -                 -         -
        reject                       -          R                  -        -                  -                 -         -
        reassign                     -          M                  M        -                  M                 -         -
        assign_responder             -          MR                 MR       -                  MR                -         -
        flag_for_clearance           M          M                  M        -                  -                 -         -
        unflag                       A          A                  A        -                  -                 -         -
        accept_approval              -          -                  -        A                  -                 -         -
        approve                      -          -                  -        A                  -                 -         -
        approve_and_bypass           -          -                  -        -                  -                 -         -
        request_amends               -          -                  -        A                  -                 -         -
        upload_response              -          -                  R        -                  R                 -         -
        upload_response_and_approve  -          -                  -        A                  -                 -         -
        send_for_clearance           -          -                  R        -                  -                 -         -
        mark_responded               -          -                  R        -                  R                 -         -
        close                        -          -                  -        -                  -                 M         -
        extend                       -          -                  -        -                  -                 -         -
        remove_extension             -          -                  -        -                  -                 -         -
        stop_clock                   -          -                  -        -                  -                 -         -
        restart_clock                -          -                  -        -                  -                 -         -
        auto_close                   -          -                  -        -                  -                 -         -
        link_case                    MRA        MRA                MRA      MRA                MRA               MRA       MRA
        add_message                  MRA        MRA                MRA      MRA                MRA               MRA       -
        transfer_managing_team       MS         MS                 MS       MS                 MS                MS        -
        edit                         M          M                  M        M                  M                 M         M
        delete                       M          M                  M        M                  M                 M         M
        """;

    private static string TableFor(CaseType type) => type switch
    {
        CaseType.Foi => FoiTable,
        CaseType.FoiInternalReview or CaseType.IcoAppealFoi => FoiReviewTable,
        CaseType.Sar => SarTable,
        CaseType.SarInternalReview or CaseType.IcoAppealSar or CaseType.OverturnedFoi or CaseType.OverturnedSar => DisclosureOnlyTable,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static (string[] States, Dictionary<(string State, string Event), string> Cells) Parse(string table)
    {
        var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var states = rows[0][1..];
        var cells = new Dictionary<(string, string), string>();
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(states.Length + 1, row.Length);
            for (var i = 0; i < states.Length; i++)
            {
                cells[(states[i], row[0])] = row[i + 1];
            }
        }
        Assert.Equal(AllEvents, rows.Skip(1).Select(r => r[0]));
        return (states, cells);
    }

    private static char Letter(CaseRole role) => role switch
    {
        CaseRole.Manager => 'M',
        CaseRole.Responder => 'R',
        CaseRole.Approver => 'A',
        CaseRole.System => 'S',
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static TheoryData<CaseType> CaseTypes() => new(Domain.CaseTypes.All);

    [Theory]
    [MemberData(nameof(CaseTypes))]
    public void EveryStateRoleAndEvent_IsAllowedOrRefused_AsTheTableSays(CaseType type)
    {
        var definition = WorkflowDefinitions.For(type);
        var (states, cells) = Parse(TableFor(type));
        Assert.Equal(states, definition.States.Select(s => s.Name));
        Assert.Empty(definition.Events.Select(e => e.Name).Except(AllEvents));

        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var state in states)
        {
            foreach (var role in Enum.GetValues<CaseRole>())
            {
                foreach (var name in AllEvents)
                {
                    var decision = Domain.Workflow.Workflow.Decide(definition, Satisfied(definition, type, state, name), role, name, Input);
                    var expected = cells[(state, name)].Contains(Letter(role), StringComparison.Ordinal);
                    checkedCount++;
                    if (decision.Allowed != expected)
                    {
                        wrong.Add($"{type.Code()} {state} {Domain.Workflow.Workflow.Name(role)} {name}: expected {(expected ? "allowed" : "refused")}, got {(decision.Allowed ? "allowed" : "refused: " + decision.Reason)}");
                    }
                    else if (!decision.Allowed && decision.Refusal == Refusal.Guard)
                    {
                        wrong.Add($"{type.Code()} {state} {Domain.Workflow.Workflow.Name(role)} {name}: refused by guard {decision.Guard}, but the table tests states and roles only");
                    }
                }
            }
        }

        Assert.Equal(states.Length * Enum.GetValues<CaseRole>().Length * AllEvents.Length, checkedCount);
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static readonly EventInput Input = new()
    {
        Reason = "because",
        HasFile = true,
        Team = "Responding team",
        Responder = "A named responder",
        ManagingTeam = "Another manager unit",
        ClearanceSteps = [WorkflowDefinitions.Disclosure],
        LinkedCase = "260319001",
        Closure = new Closure { InformationHeld = InformationHeld.Yes, Outcome = CaseOutcome.Granted, AppealOutcome = AppealOutcome.Upheld },
    };

    /// <summary>A case in <paramref name="state"/> on which every guard of <paramref name="eventName"/> holds.</summary>
    private static CaseSnapshot Satisfied(WorkflowDefinition definition, CaseType type, string state, string eventName)
    {
        var steps = definition.ClearanceSteps.ToHashSet();
        return new CaseSnapshot(type, state)
        {
            HasResponseFile = true,
            FlaggedSteps = steps,
            // Responding straight from drafting needs clearance done; everything else wants it still to do.
            ApprovedSteps = eventName == "mark_responded" ? steps : new HashSet<string>(),
            ClockStopped = eventName is "restart_clock" or "auto_close",
            ClockStopExpired = true,
            IsExtended = true,
            CanExtend = true,
            ActorInRespondingTeam = true,
            ActorApprovesSteps = steps,
        };
    }
}
