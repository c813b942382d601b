using Lnemis.Institutions.Domain;

namespace Lnemis.Institutions.Features.Structure;

public static class StructurePermissions
{
    /// <summary>Edit levels, grades and academic years (national data).</summary>
    public const string Manage = "structure.manage";
}

public sealed record GradeView(Guid Id, string Code, string Name, int Sequence, int OfficialAge, long Version);

public sealed record LevelView(Guid Id, string Code, string Name, int IscedLevel, int EntranceAge, int DurationYears, int Sequence, long Version, IReadOnlyList<GradeView> Grades)
{
    public static LevelView From(EducationLevel l) => new(
        l.Id, l.Code, l.Name, l.IscedLevel, l.EntranceAge, l.DurationYears, l.Sequence, l.Version,
        l.Grades.OrderBy(g => g.Sequence).Select(g => new GradeView(g.Id, g.Code, g.Name, g.Sequence, l.EntranceAge + g.Sequence - 1, g.Version)).ToList());
}

public sealed record TermView(string Name, DateOnly StartsOn, DateOnly EndsOn);

public sealed record AcademicYearView(Guid Id, string Code, string Name, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<TermView> Terms, long Version)
{
    public static AcademicYearView From(AcademicYear y) =>
        new(y.Id, y.Code, y.Name, y.StartsOn, y.EndsOn, y.Terms.OrderBy(t => t.StartsOn).Select(t => new TermView(t.Name, t.StartsOn, t.EndsOn)).ToList(), y.Version);
}
