// Notifications: turns the notification requests other modules put in the outbox into e-mail,
// SMS and in-app messages. Owns the templates (versioned, per event and channel), the delivery
// of each message (stable id, status, retries), in-app notifications, users' preferences and, in
// the embedded default, the dev mailbox where every e-mail and SMS lands instead of being sent.
using FluentValidation;
using Lnemis.Notifications.Data;
using Lnemis.Notifications.Features.Deliveries;
using Lnemis.Notifications.Features.DevMailbox;
using Lnemis.Notifications.Features.Inbox;
using Lnemis.Notifications.Features.Preferences;
using Lnemis.Notifications.Features.Templates;
using Lnemis.Notifications.Sending;
using Lnemis.Platform.Data;
using Lnemis.Platform.Jobs;
using Lnemis.Platform.Notifications;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lnemis.Notifications;

public static class NotificationPermissions
{
    /// <summary>See templates, deliveries (failures included) and the dev mailbox.</summary>
    public const string Read = "notifications.read";

    /// <summary>Edit templates, retry failed deliveries.</summary>
    public const string Manage = "notifications.manage";
}

public static class NotificationsModule
{
    /// <summary>The module's part of the data model (for design-time tools).</summary>
    public static IModelContributor Model { get; } = new NotificationsModel();

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services)
    {
        services.AddSingleton(Model);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => o.Email.Provider is Providers.DevMailbox or Providers.Smtp or Providers.Notify, "Lnemis:Notifications:Email:Provider is DevMailbox, Smtp or Notify.")
            .Validate(o => o.Sms.Provider is Providers.DevMailbox or Providers.Http or Providers.Notify, "Lnemis:Notifications:Sms:Provider is DevMailbox, Http or Notify.")
            .Validate(o => QuietHoursParse(o), "Lnemis:Notifications:Sms: QuietHoursStart/End are HH:mm and TimeZone an IANA zone.")
            .ValidateOnStart();

        services.AddJobHandler<NotificationRequest, NotificationFanOut>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddRecurringTask<DeliveryDispatch>();
        services.AddRecurringTask<DeliveryRetention>();
        services.AddScoped<DevMailbox>();
        services.AddHttpClient<NotifyClient>(NotifyClient.HttpClientName, (sp, c) => c.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Notify.TimeoutSeconds));
        services.AddHttpClient<HttpSmsSender>(HttpSmsSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<SmtpEmailSender>();
        services.AddScoped<IEmailSender>(sp => Settings(sp).Email.Provider switch
        {
            Providers.Smtp => sp.GetRequiredService<SmtpEmailSender>(),
            Providers.Notify => sp.GetRequiredService<NotifyClient>(),
            _ => ActivatorUtilities.CreateInstance<DevMailboxEmailSender>(sp),
        });
        services.AddScoped<ISmsSender>(sp => Settings(sp).Sms.Provider switch
        {
            Providers.Http => sp.GetRequiredService<HttpSmsSender>(),
            Providers.Notify => sp.GetRequiredService<NotifyClient>(),
            _ => ActivatorUtilities.CreateInstance<DevMailboxSmsSender>(sp),
        });
        services.AddValidatorsFromAssemblyContaining<SaveTemplate.Validator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    /// <summary>Maps the module's endpoints; the dev mailbox only where it is in use (the embedded default).</summary>
    public static void MapNotificationsEndpoints(this IEndpointRouteBuilder api)
    {
        ListTemplates.Map(api);
        ListTemplateVersions.Map(api);
        SaveTemplate.Map(api);
        PreviewTemplate.Map(api);
        ListDeliveries.Map(api);
        RetryDelivery.Map(api);
        Inbox.Map(api);
        Preferences.Map(api);

        var settings = api.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value;
        if (settings.Email.Provider == Providers.DevMailbox || settings.Sms.Provider == Providers.DevMailbox)
        {
            ListDevMailbox.Map(api);
        }
    }

    private static NotificationOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<NotificationOptions>>().Value;

    private static bool QuietHoursParse(NotificationOptions o)
    {
        try
        {
            _ = QuietHours.From(o.Sms);
            _ = TimeZoneInfo.FindSystemTimeZoneById(o.Sms.TimeZone);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
