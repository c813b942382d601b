namespace Lnemis.Correspondence.Domain.Letters;

/// <summary>A template's wording as shipped: version 1 of every case type's acknowledgement and dispatch letter.</summary>
public sealed record DefaultLetterTemplate(CaseType Type, string Kind, string Title, string Body);

/// <summary>
/// The wording the system ships with, in plain British English. It is only a starting point: the
/// start-up seed inserts it once per case type and kind, and administrators edit it from there.
/// </summary>
public static class DefaultLetterTemplates
{
    private const string Greeting = "Dear {{requester_name}}";

    private const string SignOff = "Yours sincerely\n\n{{responder_name}}\n{{responding_team}}\n{{ministry_name}}";

    private const string Deadline =
        "We will respond by {{final_deadline}}. We count this date as follows: {{deadline_explanation}}.";

    public static IReadOnlyList<DefaultLetterTemplate> All { get; } =
        CaseTypes.All.SelectMany(t => new[] { Acknowledgement(t), Dispatch(t) }).ToList();

    public static DefaultLetterTemplate? Find(CaseType type, string kind) => All.FirstOrDefault(t => t.Type == type && t.Kind == kind);

    private static DefaultLetterTemplate Acknowledgement(CaseType type) => new(type, LetterKinds.Acknowledgement, type switch
    {
        CaseType.Foi or CaseType.OverturnedFoi => "Your request for information – reference {{case_number}}",
        CaseType.Sar or CaseType.OverturnedSar => "Your subject access request – reference {{case_number}}",
        CaseType.FoiInternalReview or CaseType.SarInternalReview => "Your request for an internal review – reference {{case_number}}",
        _ => "Information Commissioner's Office appeal – reference {{case_number}}",
    }, Join(Greeting, type switch
    {
        CaseType.Foi =>
            "Thank you for your request for information about {{subject}}, which we received on {{received_date}}. We are handling it under the Freedom of Information Act 2000.",
        CaseType.OverturnedFoi =>
            "Following the Information Commissioner's decision, we are looking again at your request for information about {{subject}}, received on {{received_date}}.",
        CaseType.Sar =>
            "Thank you for your subject access request about {{subject}}, which we received on {{received_date}}. We are handling it under the UK General Data Protection Regulation and the Data Protection Act 2018.",
        CaseType.OverturnedSar =>
            "Following the Information Commissioner's decision, we are looking again at your subject access request about {{subject}}, received on {{received_date}}.",
        CaseType.FoiInternalReview =>
            "Thank you for asking us to review how we handled your request for information about {{subject}}. We received your request for a review on {{received_date}}. Someone who was not involved in the original decision will carry it out.",
        CaseType.SarInternalReview =>
            "Thank you for asking us to review how we handled your subject access request about {{subject}}. We received your request for a review on {{received_date}}. Someone who was not involved in the original response will carry it out.",
        _ =>
            "We have received notice from the Information Commissioner's Office of your appeal about {{subject}}, dated {{received_date}}. We will work with the Commissioner's office to resolve it.",
    }, Deadline, type switch
    {
        CaseType.Sar or CaseType.OverturnedSar =>
            "If we need more information to confirm your identity or to find the information you want, we will contact you. The time we have to respond does not run while we wait for your reply.",
        _ => "If we need to clarify anything about your request, we will contact you.",
    }, "Please quote the reference {{case_number}} in any correspondence about this matter.", SignOff));

    private static DefaultLetterTemplate Dispatch(CaseType type) => new(type, LetterKinds.Dispatch, type switch
    {
        CaseType.Foi or CaseType.OverturnedFoi => "Response to your request for information – reference {{case_number}}",
        CaseType.Sar or CaseType.OverturnedSar => "Response to your subject access request – reference {{case_number}}",
        CaseType.FoiInternalReview or CaseType.SarInternalReview => "Outcome of your internal review – reference {{case_number}}",
        _ => "Information Commissioner's Office appeal: our response – reference {{case_number}}",
    }, Join(Greeting, type switch
    {
        CaseType.Foi or CaseType.OverturnedFoi =>
            "We have now completed our response to your request for information about {{subject}}, received on {{received_date}}.",
        CaseType.Sar or CaseType.OverturnedSar =>
            "We have now completed our response to your subject access request about {{subject}}, received on {{received_date}}. The personal data we hold about you is enclosed.",
        CaseType.FoiInternalReview or CaseType.SarInternalReview =>
            "We have completed the internal review you asked for on {{received_date}} about {{subject}}. The outcome of the review is: {{appeal_outcome}}.",
        _ =>
            "We have sent the Information Commissioner's Office our response to your appeal about {{subject}}. The outcome is: {{appeal_outcome}}.",
    }, type switch
    {
        CaseType.Foi or CaseType.OverturnedFoi =>
            "The information you asked for is {{information_held}}, and your request has been {{outcome}}. Exemptions applied: {{exemptions}}.",
        CaseType.Sar or CaseType.OverturnedSar =>
            "Your request has been {{outcome}}. Exemptions applied: {{exemptions}}.",
        _ => "Exemptions applied: {{exemptions}}.",
    }, type switch
    {
        CaseType.Foi or CaseType.OverturnedFoi =>
            "If you are unhappy with this response, you may ask for an internal review within 40 working days of the date of this letter. If you remain unhappy after the review, you may complain to the Information Commissioner's Office.",
        CaseType.Sar or CaseType.OverturnedSar =>
            "If you are unhappy with this response, you may ask for an internal review. You also have the right to complain to the Information Commissioner's Office.",
        CaseType.FoiInternalReview or CaseType.SarInternalReview =>
            "If you remain unhappy, you may complain to the Information Commissioner's Office, which can be contacted through its website.",
        _ => "The Commissioner will write to you with the decision on your appeal.",
    }, "Please quote the reference {{case_number}} in any correspondence about this matter.", SignOff));

    private static string Join(params string[] paragraphs) => string.Join("\n\n", paragraphs);
}
