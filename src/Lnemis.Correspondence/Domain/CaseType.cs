namespace Lnemis.Correspondence.Domain;

/// <summary>
/// The kinds of correspondence case. Each has its own clock (see <c>DeadlineRules</c>) and its
/// own workflow definition (see <c>WorkflowDefinitions</c>); overturned FOI and SAR cases share one.
/// An FOI internal review is one type whether it is about timeliness or compliance: both have the
/// same clock and lifecycle, and the kind of review is a fact of the case.
/// </summary>
public enum CaseType
{
    Foi,
    FoiInternalReview,
    Sar,
    SarInternalReview,
    IcoAppealFoi,
    IcoAppealSar,
    OverturnedFoi,
    OverturnedSar,
}

public static class CaseTypes
{
    public static IReadOnlyList<CaseType> All { get; } = Enum.GetValues<CaseType>();

    /// <summary>The stable code used in data, documents and URLs (e.g. "foi_internal_review").</summary>
    public static string Code(this CaseType type) => type switch
    {
        CaseType.Foi => "foi",
        CaseType.FoiInternalReview => "foi_internal_review",
        CaseType.Sar => "sar",
        CaseType.SarInternalReview => "sar_internal_review",
        CaseType.IcoAppealFoi => "ico_appeal_foi",
        CaseType.IcoAppealSar => "ico_appeal_sar",
        CaseType.OverturnedFoi => "overturned_foi",
        CaseType.OverturnedSar => "overturned_sar",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The name people use for the type.</summary>
    public static string Title(this CaseType type) => type switch
    {
        CaseType.Foi => "FOI request",
        CaseType.FoiInternalReview => "FOI internal review",
        CaseType.Sar => "Subject access request (SAR)",
        CaseType.SarInternalReview => "SAR internal review",
        CaseType.IcoAppealFoi => "ICO appeal (FOI)",
        CaseType.IcoAppealSar => "ICO appeal (SAR)",
        CaseType.OverturnedFoi => "Overturned FOI",
        CaseType.OverturnedSar => "Overturned SAR",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The type as a noun with its article, for sentences ("a SAR may be extended once").</summary>
    public static string Noun(this CaseType type) => type switch
    {
        CaseType.Foi => "an FOI request",
        CaseType.FoiInternalReview => "an FOI internal review",
        CaseType.Sar => "a SAR",
        CaseType.SarInternalReview => "a SAR internal review",
        CaseType.IcoAppealFoi => "an ICO appeal on an FOI request",
        CaseType.IcoAppealSar => "an ICO appeal on a SAR",
        CaseType.OverturnedFoi => "an overturned FOI",
        CaseType.OverturnedSar => "an overturned SAR",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
