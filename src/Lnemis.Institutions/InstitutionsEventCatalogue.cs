using Lnemis.Institutions.Domain;
using Lnemis.Institutions.Features.Census;
using Lnemis.Institutions.Features.Enrolments;
using Lnemis.Institutions.Features.Institutions;
using Lnemis.Institutions.Features.Learners;
using Lnemis.Platform.Events;

namespace Lnemis.Institutions;

/// <summary>
/// The integration events this module publishes, for the event catalogue. Institution and census
/// examples come from the same mapping the handlers publish with; the others are checked against
/// every publish (EventPublisher refuses a payload whose fields differ from the example's).
/// </summary>
internal static class InstitutionsEventCatalogue
{
    private const string Module = "Institutions";

    private static readonly Guid InstitutionId = Guid.Parse("0199a1b2-0000-7000-8000-000000000042");
    private static readonly Guid AreaId = Guid.Parse("0199a1b2-0000-7000-8000-000000000007");
    private static readonly Guid LearnerId = Guid.Parse("0199a1b2-0000-7000-8000-000000000101");
    private static readonly Guid RoundId = Guid.Parse("0199a1b2-0000-7000-8000-000000000026");

    private static Institution SampleInstitution(InstitutionStatus status) => new()
    {
        Id = InstitutionId,
        Code = "NYR-PRI-0042",
        Name = "Kiganjo Primary School",
        Type = InstitutionType.Primary,
        Ownership = Ownership.Public,
        Status = status,
        AreaId = AreaId,
        ScopePath = "/",
    };

    private static object SampleCensus(CensusReturnStatus status) => CensusMapping.EventData(
        new CensusReturn
        {
            Id = Guid.Parse("0199a1b2-0000-7000-8000-000000000301"),
            RoundId = RoundId,
            InstitutionId = InstitutionId,
            ScopePath = "/",
            Status = status,
            Findings = [new CensusFinding { Check = "pupil_teacher_ratio", Severity = CheckSeverity.Warning, Message = "More than 60 pupils per teacher." }],
        },
        "NYR-PRI-0042");

    public static IEnumerable<IntegrationEventDefinition> All { get; } =
    [
        new(InstitutionEvents.Created, Module, "An institution was registered (by hand or by an import).",
            InstitutionMapping.EventData(SampleInstitution(InstitutionStatus.Open))),
        new(InstitutionEvents.Updated, Module, "An institution's details changed, or it was reopened.",
            InstitutionMapping.EventData(SampleInstitution(InstitutionStatus.Open))),
        new(InstitutionEvents.Closed, Module, "An institution was closed or merged into a successor.",
            InstitutionMapping.EventData(SampleInstitution(InstitutionStatus.Closed))),
        new(LearnerEvents.Created, Module, "A learner was registered at an institution.",
            new { Id = LearnerId, LearnerNumber = "2026000042", InstitutionId }),
        new(EnrolmentEvents.Transferred, Module, "A learner moved to another institution.",
            new { learnerId = LearnerId, LearnerNumber = "2026000042", from = Guid.Parse("0199a1b2-0000-7000-8000-000000000043"), to = InstitutionId, on = new DateOnly(2026, 9, 1) }),
        new(CensusEvents.Submitted, Module, "An institution submitted its census return.", SampleCensus(CensusReturnStatus.Submitted)),
        new(CensusEvents.Returned, Module, "A reviewer returned a census return for correction.", SampleCensus(CensusReturnStatus.Returned)),
        new(CensusEvents.Approved, Module, "A reviewer approved a census return.", SampleCensus(CensusReturnStatus.Approved)),
        new(CensusEvents.ReminderDue, Module, "A census deadline is near (or passed) and the institution has not submitted.",
            new
            {
                RoundId,
                Round = "Annual school census 2026",
                Deadline = new DateOnly(2026, 3, 31),
                DaysLeft = 7,
                Overdue = false,
                InstitutionId,
                InstitutionCode = "NYR-PRI-0042",
                InstitutionName = "Kiganjo Primary School",
                Email = "head@kiganjo.example",
            }),
    ];
}
