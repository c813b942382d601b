using FluentValidation;
using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lnemis.Notifications.Features.Preferences;

/// <summary>
/// The signed-in person's choices: which events reach them on which channel (all on until turned
/// off), and their own SMS quiet hours (both empty: the configured default; start = end: none).
/// </summary>
public static class Preferences
{
    public sealed record EventChoice(string Event, bool Email, bool Sms, bool InApp);


    public sealed record DefaultQuietHours(string? Start, string? End, string TimeZone);

    public sealed record EventView(string Event, string Description, bool Email, bool Sms, bool InApp);

    public sealed record Response(IReadOnlyList<EventView> Events, string? QuietHoursStart, string? QuietHoursEnd, DefaultQuietHours Default, long Version);

    public sealed record Request(IReadOnlyList<EventChoice> Events, string? QuietHoursStart, string? QuietHoursEnd, long? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Events).NotNull();
            RuleForEach(r => r.Events).ChildRules(e => e.RuleFor(c => c.Event)
                .Must(name => TemplateCatalog.Find(name) is not null).WithMessage("No such event."));
            RuleFor(r => r.QuietHoursStart).Must(BeTime!).When(r => !string.IsNullOrEmpty(r.QuietHoursStart)).WithMessage("Use HH:mm, e.g. 21:30.");
            RuleFor(r => r.QuietHoursEnd).Must(BeTime!).When(r => !string.IsNullOrEmpty(r.QuietHoursEnd)).WithMessage("Use HH:mm, e.g. 07:00.");
            RuleFor(r => r.QuietHoursEnd).NotEmpty().When(r => !string.IsNullOrEmpty(r.QuietHoursStart)).WithMessage("Give both ends of the quiet hours, or neither.");
            RuleFor(r => r.QuietHoursStart).NotEmpty().When(r => !string.IsNullOrEmpty(r.QuietHoursEnd)).WithMessage("Give both ends of the quiet hours, or neither.");
        }

        private static bool BeTime(string value) =>
            TimeOnly.TryParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications/preferences", GetAsync).RequireAuthorization().WithTags("Notifications");
        api.MapPut("/notifications/preferences", SaveAsync).RequireAuthorization().Validate<Request>().WithTags("Notifications");
    }

    internal static async Task<IResult> GetAsync(CurrentActor actor, LnemisDbContext db, IOptions<NotificationOptions> options, CancellationToken ct)
    {
        if (actor.UserId is not { } user)
        {
            return Inbox.Inbox.OnlyPeople();
        }

        var preference = await db.NotificationPreferences().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == user, ct);
        return TypedResults.Ok(ToResponse(preference, options.Value));
    }

    internal static async Task<IResult> SaveAsync(Request request, CurrentActor actor, LnemisDbContext db, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (actor.UserId is not { } user)
        {
            return Inbox.Inbox.OnlyPeople();
        }

        var preference = await db.NotificationPreferences().FirstOrDefaultAsync(p => p.UserId == user, ct);
        if (preference is null)
        {
            preference = new NotificationPreference { UserId = user };
            db.NotificationPreferences().Add(preference);
        }
        else if (request.Version is { } version)
        {
            db.Entry(preference).Property(p => p.Version).OriginalValue = version;
        }

        var disabled = preference.DisabledSet();
        foreach (var choice in request.Events)
        {
            Set(disabled, choice.Event, Channel.Email, choice.Email);
            Set(disabled, choice.Event, Channel.Sms, choice.Sms);
            Set(disabled, choice.Event, Channel.InApp, choice.InApp);
        }

        preference.Disabled = string.Join(';', disabled.Order(StringComparer.Ordinal));
        preference.QuietHoursStart = Time(request.QuietHoursStart);
        preference.QuietHoursEnd = Time(request.QuietHoursEnd);
        preference.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(preference, options.Value));
    }

    private static void Set(ISet<string> disabled, string @event, Channel channel, bool on)
    {
        var key = NotificationPreference.Key(@event, channel);
        if (on)
        {
            disabled.Remove(key);
        }
        else
        {
            disabled.Add(key);
        }
    }

    private static TimeOnly? Time(string? value) =>
        string.IsNullOrEmpty(value) ? null : TimeOnly.ParseExact(value, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static Response ToResponse(NotificationPreference? preference, NotificationOptions options)
    {
        var disabled = preference?.DisabledSet() ?? new HashSet<string>();
        bool On(string e, Channel c) => !disabled.Contains(NotificationPreference.Key(e, c));
        return new Response(
            TemplateCatalog.All.Select(d => new EventView(d.Event, d.Description, On(d.Event, Channel.Email), On(d.Event, Channel.Sms), On(d.Event, Channel.InApp))).ToList(),
            preference?.QuietHoursStart?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            preference?.QuietHoursEnd?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            new DefaultQuietHours(options.Sms.QuietHoursStart, options.Sms.QuietHoursEnd, options.Sms.TimeZone),
            preference?.Version ?? 0);
    }
}
