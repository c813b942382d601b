using System.Globalization;
using Lnemis.Correspondence.Data;
using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Deadlines;
using Lnemis.Correspondence.Domain.Letters;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Cases;
using Lnemis.Platform.Access;
using Lnemis.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lnemis.Correspondence.Features.Letters;

/// <summary>The letterhead and the configuration of letters (<c>Lnemis:Correspondence:Letters</c>).</summary>
public sealed class LetterOptions
{
    public const string Section = "Lnemis:Correspondence:Letters";

    public string MinistryName { get; set; } = "Ministry of Education";

    /// <summary>The letterhead's address, one entry per line.</summary>
    public List<string> Address { get; set; } = [];

    public string? Telephone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
}

/// <summary>A rendered letter and the template version it was written from.</summary>
public sealed record RenderedLetter(string FileName, string ContentType, byte[] Content, Guid TemplateId, Guid TemplateVersionId, int TemplateVersion);

/// <summary>
/// Renders letters: a case's letter of a kind from the latest version of its type's template, or
/// any template text with a case or with sample values (previews). One call gives the file, so
/// saving it to the case's files is one more.
/// </summary>
internal sealed class LetterRenderer(LnemisDbContext db, CaseClock caseClock, IUserDirectory users, IOptions<LetterOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The case's letter of this kind, or null when its type has no template of that kind.</summary>
    public async Task<RenderedLetter?> RenderAsync(Case c, string kind, LetterFormat format, CancellationToken ct)
    {
        var latest = await (from t in db.LetterTemplates().AsNoTracking()
                            where t.Type == c.Type && t.Kind == kind
                            join v in db.LetterTemplateVersions().AsNoTracking() on new { TemplateId = t.Id, Number = t.LatestVersion } equals new { v.TemplateId, v.Number }
                            select v).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }

        var letter = Compose(latest.Title, latest.Body, c.Number, await ValuesAsync(c, ct));
        return new RenderedLetter($"{c.Number}-{kind}.{format.Extension()}", format.ContentType(), format.Write(letter), latest.TemplateId, latest.Id, latest.Number);
    }

    /// <summary>A letter from a template text and field values, with the configured letterhead.</summary>
    public LetterDocument Compose(string title, string body, string reference, IReadOnlyDictionary<string, string> values)
    {
        var o = options.Value;
        var letterhead = o.Address.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        letterhead.AddRange(new[] { ("Telephone", o.Telephone), ("Email", o.Email), ("Web", o.Website) }
            .Where(x => !string.IsNullOrWhiteSpace(x.Item2)).Select(x => $"{x.Item1}: {x.Item2}"));
        return new LetterDocument(
            o.MinistryName,
            letterhead,
            Date(Today()),
            $"Our reference: {reference}",
            LetterPlaceholders.Fill(title, values),
            LetterPlaceholders.Paragraphs(body, values));
    }

    /// <summary>The sample values previews use without a case (the case type's name from <paramref name="type"/> when given).</summary>
    public IReadOnlyDictionary<string, string> SampleValues(CaseType? type)
    {
        var values = new Dictionary<string, string>(LetterPlaceholders.Samples, StringComparer.Ordinal)
        {
            ["ministry_name"] = options.Value.MinistryName,
            ["today"] = Date(Today()),
        };
        if (type is { } t)
        {
            values["case_type"] = t.Title();
        }

        return values;
    }

    /// <summary>Every placeholder's value for a case, read now: its deadline as the history derives it, names from the teams and Identity.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ValuesAsync(Case c, CancellationToken ct)
    {
        var today = Today();
        var facts = await CaseFacts.LoadAsync(db, c, caseClock, today, ct);
        var final = facts.Deadlines.FirstOrDefault(d => d.Kind == DeadlineKind.Final);
        var teamIds = c.RespondingTeamId is { } responding ? new[] { c.ManagingTeamId, responding } : [c.ManagingTeamId];
        var teams = await db.Teams().IgnoreQueryFilters().AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var responder = c.ResponderId is { } id ? CaseNames.Of(await users.FindAsync([id], ct), id) : null;
        var managing = teams.GetValueOrDefault(c.ManagingTeamId) ?? options.Value.MinistryName;
        const string NotYet = "not yet known";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ministry_name"] = options.Value.MinistryName,
            ["case_number"] = c.Number,
            ["case_type"] = c.Type.Title(),
            ["received_date"] = Date(c.ReceivedOn),
            ["requester_name"] = c.RequesterName,
            ["subject"] = c.Subject,
            ["final_deadline"] = final is null ? NotYet : Date(final.Date),
            ["deadline_explanation"] = final?.Explanation ?? "the deadline has not been set yet",
            ["managing_team"] = managing,
            ["responding_team"] = c.RespondingTeamId is { } r ? teams.GetValueOrDefault(r) ?? managing : managing,
            ["responder_name"] = responder ?? "The correspondence team",
            ["today"] = Date(today),
            ["response_date"] = c.RespondedOn is { } responded ? Date(responded) : NotYet,
            ["information_held"] = c.InformationHeld switch
            {
                InformationHeld.Yes => "held",
                InformationHeld.No => "not held",
                InformationHeld.InPart => "held in part",
                _ => NotYet,
            },
            ["outcome"] = c.Outcome switch
            {
                CaseOutcome.Granted => "granted in full",
                CaseOutcome.RefusedInPart => "granted in part",
                CaseOutcome.Refused => "refused",
                _ => NotYet,
            },
            ["exemptions"] = c.Exemptions.Count == 0 ? "none" : string.Join(", ", c.Exemptions),
            ["appeal_outcome"] = c.AppealOutcome switch
            {
                AppealOutcome.Upheld => "upheld",
                AppealOutcome.UpheldInPart => "upheld in part",
                AppealOutcome.Overturned => "overturned",
                _ => NotYet,
            },
            ["closed_date"] = c.ClosedOn is { } closed ? Date(closed) : NotYet,
        };
    }

    private DateOnly Today() => CaseDetails.Today(clock);

    private static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", British);
}
