using System.Net;
using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Notifications.Sending;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Notifications.Tests;

/// <summary>Makes the e-mail sender "die" right after a send, before the dispatcher records it: the process-crash case.</summary>
public sealed class CrashSwitch
{
    private int sends;

    /// <summary>The send after which the worker dies (1-based); 0 for never.</summary>
    public int DieAfterSend { get; set; }
    public CancellationTokenSource Worker { get; set; } = new();

    public void Sent()
    {
        if (DieAfterSend > 0 && Interlocked.Increment(ref sends) == DieAfterSend)
        {
            Worker.Cancel();
            throw new OperationCanceledException("The worker died.", Worker.Token);
        }
    }
}

internal sealed class CrashingEmailSender(SmtpEmailSender inner, CrashSwitch crash) : IEmailSender
{
    public async Task<string?> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var reference = await inner.SendAsync(message, ct);
        crash.Sent();
        return reference;
    }
}

/// <summary>SMTP to the real maildev (through a relay the test can take down), SMS to a fake provider; the test drives the dispatcher.</summary>
public class DeliveryFactory : LnemisFactory
{
    public TcpRelay Smtp { get; } = new(MailDev.Smtp);
    public FakeProviders Providers { get; } = FakeProviders.Start();
    public CrashSwitch Crash { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Notifications:AutomaticDispatch"] = "false",
        ["Lnemis:Notifications:LeaseSeconds"] = "1",
        ["Lnemis:Notifications:MaxAttempts"] = "5",
        ["Lnemis:Notifications:Email:Provider"] = "Smtp",
        ["Lnemis:Notifications:Email:Smtp:Host"] = "127.0.0.1",
        ["Lnemis:Notifications:Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lnemis:Notifications:Email:Smtp:Security"] = "None",
        ["Lnemis:Notifications:Email:Smtp:TimeoutSeconds"] = "5",
        ["Lnemis:Notifications:Sms:Provider"] = "Http",
        ["Lnemis:Notifications:Sms:Url"] = Providers.Url + "/sms",
        ["Lnemis:Notifications:Sms:Token"] = "sms-token",
        ["Lnemis:Notifications:Sms:QuietHoursStart"] = "",
        ["Lnemis:Notifications:Sms:QuietHoursEnd"] = "",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Crash);
        services.AddScoped<IEmailSender>(sp => new CrashingEmailSender(sp.GetRequiredService<SmtpEmailSender>(), Crash));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
        await Providers.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class DeliveryTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private readonly Given given = new(factory);

    private static string Address() => $"{Guid.NewGuid():N}@mail.test".ToLowerInvariant();

    private Task<List<Delivery>> DeliveriesAsync(Guid requestId) =>
        factory.WithDbAsync(db => db.Deliveries().AsNoTracking().Where(d => d.RequestId == requestId).ToListAsync());

    [Fact]
    public async Task WorkerKilledMidBatch_AndAfterASendBeforeMarkingIt_RestartDeliversEverything_OnlyTheCutMessageRepeats_WithItsStableId()
    {
        var (_, user) = await Notifications.UserWithPhoneAsync(given, "+254712000001");
        var plain = Enumerable.Range(0, 5).Select(_ => Address()).ToList();
        var request = await Notifications.RequestAsync(factory, "correspondence.case_assigned", [user.Id], plain);
        var deliveries = await DeliveriesAsync(request);
        Assert.Equal(7, deliveries.Count); // 6 e-mails (5 plain + the user), 1 SMS
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Queued, d.Status));

        // The worker dies right after handing the 3rd e-mail to SMTP, before recording it; the rest of its batch is never reached.
        factory.Crash.DieAfterSend = 3;
        factory.Crash.Worker = new CancellationTokenSource();
        var dying = ActivatorUtilities.CreateInstance<DeliveryDispatcher>(factory.Services);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying.RunBatchAsync(factory.Crash.Worker.Token));
        factory.Crash.DieAfterSend = 0;

        var afterCrash = await DeliveriesAsync(request);
        var cut = Assert.Single(afterCrash, d => d.Status == DeliveryStatus.Sending);
        Assert.Equal(Channel.Email, cut.Channel);
        Assert.Equal(2, afterCrash.Count(d => d.Status == DeliveryStatus.Sent && d.Channel == Channel.Email));
        Assert.Contains(afterCrash, d => d.Status == DeliveryStatus.Queued);

        // A restarted worker takes over once the dead one's lease has run out.
        await Task.Delay(1200);
        await Notifications.DrainAsync(factory);

        var final = await DeliveriesAsync(request);
        Assert.All(final, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        var emails = final.Where(d => d.Channel == Channel.Email).ToList();
        var received = await MailDev.MessagesToAsync(emails.Select(e => e.Address));
        Assert.Equal(emails.Count + 1, received.Count); // every e-mail arrived; exactly one twice
        var repeated = Assert.Single(received.GroupBy(r => r.MessageId), g => g.Count() > 1);
        Assert.Equal(2, repeated.Count());
        Assert.Equal(SmtpEmailSender.MessageIdFor(cut.Id, "lnemis.local"), repeated.Key);
        Assert.Equal(
            emails.Select(e => SmtpEmailSender.MessageIdFor(e.Id, "lnemis.local")).Order(StringComparer.Ordinal),
            received.Select(r => r.MessageId).Distinct().Order(StringComparer.Ordinal));

        var sms = Assert.Single(final, d => d.Channel == Channel.Sms);
        var smsReceived = Assert.Single(factory.Providers.Received, r => r.Body?["reference"]?.GetValue<string>() == sms.Id.ToString());
        Assert.Equal("/sms", smsReceived.Path);
        Assert.Equal("Bearer sms-token", smsReceived.Authorization);
        Assert.Equal("+254712000001", smsReceived.Body!["to"]!.GetValue<string>());
        Assert.Contains("FOI-20261123-0007", smsReceived.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpDown_LeavesMessagesQueuedWithTheError_NothingLost_AndTheyGoWhenItIsBack()
    {
        var to = new[] { Address(), Address() };
        factory.Smtp.Stop();
        try
        {
            var request = await Notifications.RequestAsync(factory, "correspondence.case_closed", [], to);
            await Notifications.DrainAsync(factory);
            var waiting = await DeliveriesAsync(request);
            Assert.Equal(2, waiting.Count);
            Assert.All(waiting, d =>
            {
                Assert.Equal(DeliveryStatus.Queued, d.Status);
                Assert.Equal(1, d.Attempts);
                Assert.False(string.IsNullOrEmpty(d.LastError));
                Assert.True(d.NextAttemptAt > d.CreatedAt.AddSeconds(1), "the retry backs off");
            });
            Assert.Empty(await MailDev.MessagesToAsync(to));

            // Administrators see them waiting, with the reason.
            var (admin, _) = await given.SignedInAsync(Identity.Domain.RoleCatalog.SystemAdministrator);
            var listed = await admin.GetJsonAsync($"/api/v1/notifications/deliveries?requestId={request}&status=Queued");
            Assert.Equal(2, listed["items"]!.AsArray().Count);
            Assert.All(listed["items"]!.AsArray(), i => Assert.False(string.IsNullOrEmpty(i!["lastError"]?.GetValue<string>())));

            factory.Smtp.Start();
            await Notifications.EventuallyAsync(async () =>
            {
                await Notifications.DrainAsync(factory);
                return (await DeliveriesAsync(request)).All(d => d.Status == DeliveryStatus.Sent);
            }, "the queued e-mails were not sent once SMTP was back", 30);
            var received = await MailDev.MessagesToAsync(to);
            Assert.Equal(2, received.Count);
            Assert.Equal(2, received.Select(r => r.MessageId).Distinct().Count());
        }
        finally
        {
            factory.Smtp.Stop();
            factory.Smtp.Start();
        }
    }

    [Fact]
    public async Task ProviderFailingEveryAttempt_EndsFailed_ListedForAdministrators_WhoCanRetryIt()
    {
        var (_, user) = await Notifications.UserWithPhoneAsync(given, "+254712000002");
        var userClient = await given.ClientForAsync(user);
        await (await userClient.PutAsync("/api/v1/notifications/preferences", new
        {
            events = new[] { new { @event = "correspondence.deadline_missed", email = false, sms = true, inApp = false } },
        })).ReadJsonAsync(HttpStatusCode.OK);
        var request = await Notifications.RequestAsync(factory, "correspondence.deadline_missed", [user.Id]);
        var sms = Assert.Single(await DeliveriesAsync(request));
        Assert.Equal(Channel.Sms, sms.Channel);

        // Five attempts (the configured maximum), each due at once for the test.
        factory.Providers.FailWith = 503;
        try
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await factory.WithDbAsync(db => db.Deliveries().Where(d => d.Id == sms.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
                await Notifications.DrainAsync(factory);
            }
        }
        finally
        {
            factory.Providers.FailWith = null;
        }

        var failed = Assert.Single(await DeliveriesAsync(request));
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(5, failed.Attempts);
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);

        var (admin, _) = await given.SignedInAsync(Identity.Domain.RoleCatalog.SystemAdministrator);
        var failures = await admin.GetJsonAsync("/api/v1/notifications/deliveries?status=Failed&pageSize=200");
        Assert.Contains(failures["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == sms.Id);
        await (await userClient.GetAsync("/api/v1/notifications/deliveries")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await userClient.PostAsync($"/api/v1/notifications/deliveries/{sms.Id}/retry")).ReadProblemAsync(HttpStatusCode.Forbidden);

        var retried = await admin.PostAsync($"/api/v1/notifications/deliveries/{sms.Id}/retry");
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        await (await admin.PostAsync($"/api/v1/notifications/deliveries/{sms.Id}/retry")).ReadProblemAsync(HttpStatusCode.Conflict);
        await Notifications.DrainAsync(factory);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await DeliveriesAsync(request)).Status);
        Assert.Equal(6, factory.Providers.Received.Count(r => r.Body?["reference"]?.GetValue<string>() == sms.Id.ToString())); // 5 refused, 1 taken
    }

    [Fact]
    public async Task QuietHours_DeferAnSmsToTheEndOfTheWindow_EmailStillGoes()
    {
        var (client, user) = await Notifications.UserWithPhoneAsync(given, "+254712000003");
        var now = DateTimeOffset.UtcNow;
        var start = now.AddHours(-1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var end = now.AddHours(1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var saved = await (await client.PutAsync("/api/v1/notifications/preferences", new { events = Array.Empty<object>(), quietHoursStart = start, quietHoursEnd = end }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(start, saved["quietHoursStart"]!.GetValue<string>());

        var request = await Notifications.RequestAsync(factory, "correspondence.redraft_requested", [user.Id]);
        await Notifications.DrainAsync(factory);
        var deliveries = await DeliveriesAsync(request);
        var sms = Assert.Single(deliveries, d => d.Channel == Channel.Sms);
        Assert.Equal(DeliveryStatus.Deferred, sms.Status);
        Assert.Equal(0, sms.Attempts);
        Assert.InRange(sms.NextAttemptAt, now.AddMinutes(58), now.AddMinutes(61));
        Assert.DoesNotContain(factory.Providers.Received, r => r.Body?["reference"]?.GetValue<string>() == sms.Id.ToString());
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(deliveries, d => d.Channel == Channel.Email).Status);

        // When the window is over (here: the user drops their quiet hours and the deferral falls due), it goes.
        await (await client.PutAsync("/api/v1/notifications/preferences", new { events = Array.Empty<object>(), quietHoursStart = "00:00", quietHoursEnd = "00:00" })).ReadJsonAsync(HttpStatusCode.OK);
        await factory.WithDbAsync(db => db.Deliveries().Where(d => d.Id == sms.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await Notifications.DrainAsync(factory);
        Assert.Equal(DeliveryStatus.Sent, (await DeliveriesAsync(request)).Single(d => d.Channel == Channel.Sms).Status);
    }

    [Fact]
    public async Task Preferences_DecideTheChannels_AndSmsNeedsAPhone_AndDeactivatedUsersGetNothing()
    {
        var (client, withPhone) = await Notifications.UserWithPhoneAsync(given, "+254712000004");
        var withoutPhone = await given.UserAsync(Identity.Domain.RoleCatalog.Viewer);
        var prefs = await client.GetJsonAsync("/api/v1/notifications/preferences");
        Assert.Contains(prefs["events"]!.AsArray(), e => e!["event"]!.GetValue<string>() == "correspondence.case_assigned" && e["email"]!.GetValue<bool>());
        await (await client.PutAsync("/api/v1/notifications/preferences", new
        {
            events = new[] { new { @event = "correspondence.case_assigned", email = false, sms = true, inApp = true } },
            version = prefs["version"]!.GetValue<long>(),
        })).ReadJsonAsync(HttpStatusCode.OK);
        var bad = await (await client.PutAsync("/api/v1/notifications/preferences", new
        {
            events = new[] { new { @event = "no.such_event", email = false, sms = true, inApp = true } },
            quietHoursStart = "25:00",
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["events[0].event"]);
        Assert.NotNull(bad["errors"]!["quietHoursStart"]);
        Assert.NotNull(bad["errors"]!["quietHoursEnd"]);

        var (admin, _) = await given.SignedInAsync(Identity.Domain.RoleCatalog.SystemAdministrator);
        var deactivated = await given.UserAsync(Identity.Domain.RoleCatalog.Viewer);
        await (await admin.PostAsync($"/api/v1/users/{deactivated.Id}/deactivate")).ReadJsonAsync(HttpStatusCode.OK);

        var request = await Notifications.RequestAsync(factory, "correspondence.case_assigned", [withPhone.Id, withoutPhone.Id, deactivated.Id]);
        var deliveries = await DeliveriesAsync(request);
        Assert.Equal(
            new[] { (withPhone.Id, Channel.Sms), (withoutPhone.Id, Channel.Email) }.Order(),
            deliveries.Select(d => (d.UserId!.Value, d.Channel)).Order());
        var inApp = await factory.WithDbAsync(db => db.InAppNotifications().Where(n => n.RequestId == request).Select(n => n.UserId).ToListAsync());
        Assert.Equal(new[] { withPhone.Id, withoutPhone.Id }.Order(), inApp.Order());

        // The same request again (a repeated outbox job) adds nothing.
        var before = deliveries.Count;
        await factory.AsSystemAsync(sp => ActivatorUtilities.CreateInstance<NotificationFanOut>(sp).HandleAsync(
            new Platform.Notifications.NotificationRequest(request, "correspondence.case_assigned", [withPhone.Id, withoutPhone.Id], [], Notifications.Sample("correspondence.case_assigned"), null, DateTimeOffset.UtcNow),
            new Platform.Jobs.JobContext(request, 2), CancellationToken.None));
        Assert.Equal(before, (await DeliveriesAsync(request)).Count);
    }
}
