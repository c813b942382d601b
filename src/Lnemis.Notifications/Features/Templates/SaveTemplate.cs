using FluentValidation;
using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Notifications.Sending;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Notifications.Features.Templates;

/// <summary>
/// Saves a new version of an event's template on a channel. A placeholder the event does not
/// know is refused (it would render empty in every message). <c>Version</c> is the version the
/// editor started from: if someone saved since, 409 rather than overwriting their text.
/// </summary>
public static class SaveTemplate
{
    public sealed record Request(string? Subject, string Body, int? Version);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Body).NotEmpty().MaximumLength(20000);
            RuleFor(r => r.Subject).MaximumLength(300);
            RuleFor(r => r.Version).GreaterThanOrEqualTo(0);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/notifications/templates/{event}/{channel}", HandleAsync).RequirePermission(NotificationPermissions.Manage).Validate<Request>().WithTags("Notifications");

    internal static async Task<IResult> HandleAsync(string @event, string channel, Request request, LnemisDbContext db, CurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (TemplateRules.Find(@event, channel) is not (EventDefinition definition, Channel kind))
        {
            return Problems.NotFound("The event or channel");
        }

        if (TemplateRules.Check(definition, kind, request.Subject, request.Body) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        var current = (await TemplateStore.CurrentAsync(db, definition, ct))[kind];
        if (request.Version is { } seen && seen != current.Version)
        {
            return Problems.Conflict($"The template was changed since you opened it (now version {current.Version}); reload it and apply your edit again.");
        }

        var template = new NotificationTemplate
        {
            Id = Guid.CreateVersion7(),
            Event = @event,
            Channel = kind,
            Version = current.Version + 1,
            Subject = kind == Channel.Sms ? null : request.Subject?.Trim(),
            Body = request.Body,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserId,
        };
        db.NotificationTemplates().Add(template);
        await db.SaveChangesAsync(ct); // a concurrent save of the same version hits the unique index: 409
        return TypedResults.Ok(new ListTemplates.ChannelTemplate(kind, template.Version, false, template.Subject, template.Body));
    }
}

/// <summary>What a template must be on its channel, field by field; shared by save and preview.</summary>
internal static class TemplateRules
{
    /// <summary>The event and channel named in a template route; null (answered 404) when either is unknown.</summary>
    public static (EventDefinition Definition, Channel Channel)? Find(string @event, string channel) =>
        TemplateCatalog.Find(@event) is { } definition && Enum.TryParse<Channel>(channel, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? (definition, parsed)
            : null;

    public static Dictionary<string, string[]> Check(EventDefinition definition, Channel kind, string? subject, string? body)
    {
        var errors = new Dictionary<string, string[]>();
        void Unknown(string field, string? text)
        {
            if (TemplateCatalog.UnknownPlaceholders(definition, text) is { Count: > 0 } unknown)
            {
                errors[field] = [$"Unknown placeholder(s): {string.Join(", ", unknown.Select(u => "{{" + u + "}}"))}. This event has: {string.Join(", ", definition.AllSamples().Keys.Order(StringComparer.Ordinal))}."];
            }
        }

        Unknown("subject", subject);
        Unknown("body", body);
        if (kind == Channel.Email && string.IsNullOrWhiteSpace(subject))
        {
            errors.TryAdd("subject", ["An e-mail needs a subject."]);
        }

        if (kind == Channel.Sms && !string.IsNullOrEmpty(subject))
        {
            errors.TryAdd("subject", ["An SMS has no subject."]);
        }

        if (kind == Channel.Sms && body is { Length: > TemplateCatalog.MaxSmsLength })
        {
            errors.TryAdd("body", [$"An SMS template is at most {TemplateCatalog.MaxSmsLength} characters (four messages)."]);
        }

        return errors;
    }
}
