namespace Lnemis.Institutions.Domain;

/// <summary>
/// One entry of the learner name-word index (PostgreSQL only, ADR 0032): a distinct word of an active
/// learner's search text, or (keys beginning with a space) a pair of them " x y" or the many-words key " *", with what the list orders by (family name, given name, learner number) and
/// what a search filters on and the list shows, so a search reads index entries alone. Written only by the triggers on
/// the learners table; read only by the learner search.
/// </summary>
public sealed class LearnerNameWord
{
    public required string Word { get; init; }
    public required string FamilyName { get; init; }
    public required string GivenName { get; init; }
    public required string LearnerNumber { get; init; }
    public Guid LearnerId { get; init; }
    public required string SearchText { get; init; }
    public Guid InstitutionId { get; init; }
    public Sex Sex { get; init; }
    public DateOnly DateOfBirth { get; init; }
}
