using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Testing;

namespace Lnemis.Notifications.Tests;

/// <summary>The embedded default: e-mail and SMS land in the dev mailbox; in-app notifications in the inbox.</summary>
public class DevMailboxFactory : LnemisFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Notifications:DispatchIntervalSeconds"] = "1",
        ["Lnemis:Notifications:Sms:QuietHoursStart"] = "",
        ["Lnemis:Notifications:Sms:QuietHoursEnd"] = "",
    };
}

public sealed class InboxTests(DevMailboxFactory factory) : IClassFixture<DevMailboxFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task InApp_ListUnreadCountAndMarkRead_OnlyForTheirOwner()
    {
        var (client, user) = await given.SignedInAsync(RoleCatalog.Viewer);
        var (other, _) = await given.SignedInAsync(RoleCatalog.Viewer);
        await Notifications.RequestAsync(factory, "correspondence.case_assigned", [user.Id]);
        await Notifications.RequestAsync(factory, "correspondence.deadline_missed", [user.Id]);

        Assert.Equal(2, (await client.GetJsonAsync("/api/v1/notifications/inbox/unread-count"))["count"]!.GetValue<int>());
        var list = (await client.GetJsonAsync("/api/v1/notifications/inbox"))["items"]!.AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal("FOI-20261123-0007 is late", list[0]!["title"]!.GetValue<string>());
        Assert.Equal("/correspondence/cases/1", list[0]!["link"]!.GetValue<string>());
        var first = list[0]!["id"]!.GetValue<Guid>();

        Assert.Empty((await other.GetJsonAsync("/api/v1/notifications/inbox"))["items"]!.AsArray());
        await (await other.PostAsync($"/api/v1/notifications/inbox/{first}/read")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/notifications/inbox/{first}/read")).StatusCode);
        Assert.Equal(1, (await client.GetJsonAsync("/api/v1/notifications/inbox/unread-count"))["count"]!.GetValue<int>());
        Assert.Single((await client.GetJsonAsync("/api/v1/notifications/inbox?unread=true"))["items"]!.AsArray());
        var all = await (await client.PostAsync("/api/v1/notifications/inbox/read-all")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, all["marked"]!.GetValue<int>());
        Assert.Equal(0, (await client.GetJsonAsync("/api/v1/notifications/inbox/unread-count"))["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task EmbeddedDefault_EveryEmailAndSms_LandsInTheDevMailbox()
    {
        var (_, user) = await Notifications.UserWithPhoneAsync(given, "+254712000009");
        var plain = $"{Guid.NewGuid():N}@requester.test";
        await Notifications.RequestAsync(factory, "correspondence.case_closed", [user.Id], [plain]);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        await Notifications.EventuallyAsync(async () =>
            (await admin.GetJsonAsync($"/api/v1/dev/mailbox?to={Uri.EscapeDataString(plain)}"))["items"]!.AsArray().Count == 1
            && (await admin.GetJsonAsync($"/api/v1/dev/mailbox?to={Uri.EscapeDataString(user.Email)}"))["items"]!.AsArray().Count == 1
            && (await admin.GetJsonAsync("/api/v1/dev/mailbox?to=%2B254712000009"))["items"]!.AsArray().Count == 1,
            "the dev mailbox did not receive the e-mails and the SMS");
        var sms = (await admin.GetJsonAsync("/api/v1/dev/mailbox?to=%2B254712000009"))["items"]![0]!;
        Assert.Equal("Sms", sms["channel"]!.GetValue<string>());
        Assert.Contains("closed", sms["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhoneNumber_IsE164_OnTheProfile_AndByAnAdministrator()
    {
        var (client, user) = await given.SignedInAsync(RoleCatalog.Viewer);
        var bad = await (await client.PutAsync("/api/v1/account/phone-number", new { phoneNumber = "0712 345 678" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["phoneNumber"]);
        var set = await (await client.PutAsync("/api/v1/account/phone-number", new { phoneNumber = "+254712345678" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("+254712345678", set["phoneNumber"]!.GetValue<string>());
        Assert.Equal("+254712345678", (await client.GetJsonAsync("/api/v1/account/profile"))["phoneNumber"]!.GetValue<string>());

        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var changed = await (await admin.PutAsync($"/api/v1/users/{user.Id}/phone-number", new { phoneNumber = "+447700900001" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("+447700900001", changed["phoneNumber"]!.GetValue<string>());
        var cleared = await (await admin.PutAsync($"/api/v1/users/{user.Id}/phone-number", new { phoneNumber = (string?)null })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Null(cleared["phoneNumber"]);
        await (await client.PutAsync($"/api/v1/users/{user.Id}/phone-number", new { phoneNumber = "+447700900001" })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
