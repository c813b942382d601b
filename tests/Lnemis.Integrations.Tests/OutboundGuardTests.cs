using System.Net;
using Lnemis.Identity.Domain;
using Lnemis.Integrations.Outbound;
using Lnemis.Testing;
using Microsoft.Extensions.Options;

namespace Lnemis.Integrations.Tests;

public sealed class OutboundGuardTests(GuardedFactory factory) : IClassFixture<GuardedFactory>
{
    private readonly Given given = new(factory);

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.9.9.9", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fd12:3456::1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("8.8.8.8", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("2606:4700:4700::1111", false)]
    [InlineData("::ffff:8.8.8.8", false)]
    public void Addresses_AreInternalOrPublic(string address, bool internalAddress) =>
        Assert.Equal(internalAddress, OutboundGuard.IsInternal(IPAddress.Parse(address)));

    [Fact]
    public void AllowedNetwork_LetsItsAddressesThrough_AndNoOthers()
    {
        var options = Options.Create(new IntegrationsOptions { Outbound = new OutboundOptions { AllowedNetworks = ["10.20.0.0/16"] } });
        var guard = new OutboundGuard(new ScriptedResolver(), options);
        Assert.True(guard.IsAllowed(IPAddress.Parse("10.20.3.4")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("10.21.3.4")));
        Assert.False(guard.IsAllowed(IPAddress.Parse("127.0.0.1")));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://internal.test/hook")]
    public async Task Subscribe_ToAnInternalTarget_IsRefused(string url)
    {
        factory.Resolver.Script("internal.test", [IPAddress.Parse("93.184.216.34"), IPAddress.Loopback]);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var problem = await (await admin.PostAsync("/api/v1/webhooks/subscriptions", new { name = "X", url, eventTypes = new[] { "*" } })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("internal address", problem["errors"]!["url"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DnsRebinding_AfterSubscribe_IsCaughtAtConnectTime()
    {
        await using var receiver = new WebhookReceiver();
        // Public when the subscription is checked, loopback (where the receiver listens) when the delivery connects.
        factory.Resolver.Script("rebind.test", [IPAddress.Parse("93.184.216.34")], [IPAddress.Loopback]);
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var (subscription, _) = await WebhookTests.SubscribeAsync(admin, $"http://rebind.test:{receiver.Port}/hook", "rebind.happened");

        await Events.PublishAsync(factory, "rebind.happened");
        await Wait.UntilAsync(async () => (await WebhookTests.DeliveriesAsync(admin, subscription)).Any(d => d!["attempts"]!.GetValue<int>() >= 1), "the first attempt");
        var delivery = (await WebhookTests.DeliveriesAsync(admin, subscription))[0]!;
        Assert.Contains("internal addresses", delivery["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }
}
