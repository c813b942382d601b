using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Lnemis.Notifications.Data;
using Lnemis.Notifications.Domain;
using Lnemis.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Notifications.Tests;

/// <summary>E-mail and SMS through a GOV.UK Notify-compatible API, here a fake on 127.0.0.1 that keeps what it was sent.</summary>
public class NotifyFactory : LnemisFactory
{
    public const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    public const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";

    public FakeProviders Notify { get; } = FakeProviders.Start();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lnemis:Notifications:AutomaticDispatch"] = "false",
        ["Lnemis:Notifications:Email:Provider"] = "Notify",
        ["Lnemis:Notifications:Sms:Provider"] = "Notify",
        ["Lnemis:Notifications:Sms:QuietHoursStart"] = "",
        ["Lnemis:Notifications:Sms:QuietHoursEnd"] = "",
        ["Lnemis:Notifications:Notify:BaseUrl"] = Notify.Url,
        ["Lnemis:Notifications:Notify:ApiKey"] = $"lnemis_test-{ServiceId}-{Secret}",
        ["Lnemis:Notifications:Notify:EmailTemplateId"] = "f33517ff-2a88-4f6e-b855-c550268ce08a",
        ["Lnemis:Notifications:Notify:SmsTemplateId"] = "289eb4f6-2bc9-4c41-a39c-2a4c3ba35f6e",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Notify.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class NotifyTests(NotifyFactory factory) : IClassFixture<NotifyFactory>
{
    private readonly Given given = new(factory);

    [Fact]
    public async Task NotifyApi_GetsTheWireFormat_AValidJwt_AndTheStableIdAsReference()
    {
        var (_, user) = await Notifications.UserWithPhoneAsync(given, "+447700900123");
        var started = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = await Notifications.RequestAsync(factory, "correspondence.ready_for_clearance", [user.Id]);
        await Notifications.DrainAsync(factory);
        var deliveries = await factory.WithDbAsync(db => db.Deliveries().AsNoTracking().Where(d => d.RequestId == request).ToListAsync());
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.All(deliveries, d => Assert.False(string.IsNullOrEmpty(d.ProviderReference)));

        var email = deliveries.Single(d => d.Channel == Channel.Email);
        var sentEmail = Assert.Single(factory.Notify.Received, r => r.Body?["reference"]?.GetValue<string>() == email.Id.ToString());
        Assert.Equal("/v2/notifications/email", sentEmail.Path);
        Assert.StartsWith("application/json", sentEmail.ContentType, StringComparison.Ordinal);
        Assert.Equal(user.Email, sentEmail.Body!["email_address"]!.GetValue<string>());
        Assert.Equal("f33517ff-2a88-4f6e-b855-c550268ce08a", sentEmail.Body["template_id"]!.GetValue<string>());
        Assert.Equal("Case FOI-20261123-0007 is ready for clearance", sentEmail.Body["personalisation"]!["subject"]!.GetValue<string>());
        Assert.Contains("Press office", sentEmail.Body["personalisation"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertValidJwt(sentEmail.Authorization, started);

        var sms = deliveries.Single(d => d.Channel == Channel.Sms);
        var sentSms = Assert.Single(factory.Notify.Received, r => r.Body?["reference"]?.GetValue<string>() == sms.Id.ToString());
        Assert.Equal("/v2/notifications/sms", sentSms.Path);
        Assert.Equal("+447700900123", sentSms.Body!["phone_number"]!.GetValue<string>());
        Assert.Equal("289eb4f6-2bc9-4c41-a39c-2a4c3ba35f6e", sentSms.Body["template_id"]!.GetValue<string>());
        AssertValidJwt(sentSms.Authorization, started);
    }

    /// <summary>Checks the token as Notify does, independently of the client's code: HS256 over header.claims with the key's secret; iss and a fresh iat.</summary>
    private static void AssertValidJwt(string? authorization, long notBefore)
    {
        Assert.NotNull(authorization);
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        var parts = authorization["Bearer ".Length..].Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(FromBase64Url(parts[0]))!;
        Assert.Equal("HS256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        var claims = JsonNode.Parse(FromBase64Url(parts[1]))!;
        Assert.Equal(NotifyFactory.ServiceId, claims["iss"]!.GetValue<string>());
        Assert.InRange(claims["iat"]!.GetValue<long>(), notBefore - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(NotifyFactory.Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(expected, FromBase64Url(parts[2]));
        var forged = HMACSHA256.HashData(Encoding.UTF8.GetBytes("another-secret"), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.NotEqual(forged, FromBase64Url(parts[2]));
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }
}
