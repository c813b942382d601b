using System.Text.RegularExpressions;

namespace Lnemis.Notifications.Domain;

/// <summary>The text of one channel's message: a subject (e-mail) or title (in-app), and a body.</summary>
public sealed record TemplateText(string? Subject, string Body);

/// <summary>
/// An event the platform notifies about: the placeholders its templates may use (with sample
/// values for previews) and the built-in default text per channel.
/// </summary>
public sealed record EventDefinition(string Event, string Description, IReadOnlyDictionary<string, string> Samples, TemplateText Email, TemplateText Sms, TemplateText InApp)
{
    public TemplateText Default(Channel channel) => channel switch
    {
        Channel.Email => Email,
        Channel.Sms => Sms,
        _ => InApp,
    };

    /// <summary>The event's own placeholders and the ones every template has.</summary>
    public IReadOnlyDictionary<string, string> AllSamples() =>
        Samples.Concat(TemplateCatalog.CommonSamples).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}

/// <summary>The events with templates, and rendering with "{{placeholder}}".</summary>
public static partial class TemplateCatalog
{
    public const int MaxSmsLength = 612;

    /// <summary>Placeholders every template may use: filled from the recipient and the request.</summary>
    public static readonly IReadOnlyDictionary<string, string> CommonSamples = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["recipientName"] = "Amina Otieno",
        ["link"] = "https://lnemis.example/correspondence/cases/0199",
    };

    private static readonly Dictionary<string, string> CaseSamples = new(StringComparer.Ordinal)
    {
        ["caseNumber"] = "FOI-20261123-0007",
        ["subject"] = "School inspection reports for Nyeri County",
        ["deadline"] = "2026-12-21",
    };

    public static IReadOnlyList<EventDefinition> All { get; } =
    [
        Case("correspondence.case_assigned", "A case was assigned to the recipient or their unit.",
            [("teamName", "FOI Unit")],
            "Case {{caseNumber}} assigned to you",
            "Hello {{recipientName}},\n\nCase {{caseNumber}} ({{subject}}) has been assigned to {{teamName}}. It is due by {{deadline}}.\n\n{{link}}",
            "LNEMIS: case {{caseNumber}} assigned to you, due {{deadline}}.",
            "Case {{caseNumber}} assigned", "{{subject}} — due {{deadline}}."),
        Case("correspondence.ready_for_clearance", "A draft response waits for the recipient's clearance.",
            [("clearanceStep", "Press office")],
            "Case {{caseNumber}} is ready for clearance",
            "Hello {{recipientName}},\n\nThe draft response to case {{caseNumber}} ({{subject}}) is ready for clearance ({{clearanceStep}}). The case is due by {{deadline}}.\n\n{{link}}",
            "LNEMIS: case {{caseNumber}} needs your clearance ({{clearanceStep}}), due {{deadline}}.",
            "Case {{caseNumber}} needs clearance", "{{clearanceStep}}: {{subject}}."),
        Case("correspondence.redraft_requested", "An approver asked for the response to be redrafted.",
            [("reason", "Please cite the exemption.")],
            "Redraft requested on case {{caseNumber}}",
            "Hello {{recipientName}},\n\nA redraft of the response to case {{caseNumber}} ({{subject}}) was requested:\n\n{{reason}}\n\nThe case is due by {{deadline}}.\n\n{{link}}",
            "LNEMIS: redraft requested on case {{caseNumber}}, due {{deadline}}.",
            "Redraft requested on {{caseNumber}}", "{{reason}}"),
        Case("correspondence.case_closed", "A case the recipient worked on was closed.",
            [("outcome", "Granted in full")],
            "Case {{caseNumber}} closed",
            "Hello {{recipientName}},\n\nCase {{caseNumber}} ({{subject}}) was closed: {{outcome}}.\n\n{{link}}",
            "LNEMIS: case {{caseNumber}} closed ({{outcome}}).",
            "Case {{caseNumber}} closed", "{{outcome}}: {{subject}}."),
        Case("correspondence.deadline_approaching", "A case's deadline is near.",
            [("daysLeft", "3")],
            "Case {{caseNumber}} is due in {{daysLeft}} days",
            "Hello {{recipientName}},\n\nCase {{caseNumber}} ({{subject}}) is due by {{deadline}}, in {{daysLeft}} working days.\n\n{{link}}",
            "LNEMIS: case {{caseNumber}} is due {{deadline}} ({{daysLeft}} days).",
            "{{caseNumber}} due in {{daysLeft}} days", "{{subject}} — due {{deadline}}."),
        Case("correspondence.deadline_missed", "A case passed its deadline without a response.",
            [],
            "Case {{caseNumber}} is late",
            "Hello {{recipientName}},\n\nCase {{caseNumber}} ({{subject}}) was due by {{deadline}} and has not been answered.\n\n{{link}}",
            "LNEMIS: case {{caseNumber}} missed its deadline ({{deadline}}).",
            "{{caseNumber}} is late", "{{subject}} was due {{deadline}}."),
        Census("census.reminder_due", "An institution has not submitted its census return and the deadline is near.",
            "Census {{round}}: return due in {{daysLeft}} days",
            "Hello,\n\nThe {{round}} census return of {{institutionName}} ({{institutionCode}}) is due by {{deadline}}, in {{daysLeft}} days. Please submit it in LNEMIS.\n\n{{link}}",
            "LNEMIS: {{institutionName}}'s {{round}} census return is due {{deadline}}.",
            "Census return due in {{daysLeft}} days", "{{institutionName}}: {{round}} is due {{deadline}}."),
        Census("census.reminder_overdue", "An institution's census return is past its deadline.",
            "Census {{round}}: return overdue",
            "Hello,\n\nThe {{round}} census return of {{institutionName}} ({{institutionCode}}) was due by {{deadline}} and has not been submitted. Please submit it in LNEMIS now.\n\n{{link}}",
            "LNEMIS: {{institutionName}}'s {{round}} census return is overdue (due {{deadline}}).",
            "Census return overdue", "{{institutionName}}: {{round}} was due {{deadline}}."),
    ];

    private static readonly Dictionary<string, EventDefinition> ByName = All.ToDictionary(e => e.Event, StringComparer.Ordinal);

    public static EventDefinition? Find(string @event) => ByName.GetValueOrDefault(@event);

    /// <summary>The placeholder names used in <paramref name="text"/>, in order of first use.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Placeholders in <paramref name="text"/> that <paramref name="definition"/> does not know.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(EventDefinition definition, string? text)
    {
        var known = definition.AllSamples();
        return PlaceholdersIn(text).Where(p => !known.ContainsKey(p)).ToList();
    }

    /// <summary>Text with each placeholder replaced by its value; a value the request lacks becomes empty.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : "");

    public static TemplateText Render(TemplateText template, IReadOnlyDictionary<string, string> values) =>
        new(template.Subject is null ? null : Render(template.Subject, values), Render(template.Body, values));

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    private static EventDefinition Case(string name, string description, (string Key, string Sample)[] extra, string emailSubject, string emailBody, string sms, string title, string inApp)
    {
        var samples = new Dictionary<string, string>(CaseSamples, StringComparer.Ordinal);
        foreach (var (key, sample) in extra)
        {
            samples[key] = sample;
        }

        return new(name, description, samples, new(emailSubject, emailBody), new(null, sms), new(title, inApp));
    }

    private static EventDefinition Census(string name, string description, string emailSubject, string emailBody, string sms, string title, string inApp)
    {
        var samples = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["round"] = "2027 annual school census",
            ["deadline"] = "2027-03-31",
            ["daysLeft"] = "7",
            ["institutionName"] = "Kiamwangi Primary School",
            ["institutionCode"] = "SCH-0042",
        };
        return new(name, description, samples, new(emailSubject, emailBody), new(null, sms), new(title, inApp));
    }
}
