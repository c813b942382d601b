using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Identity.Domain;
using Lnemis.Integrations.Domain;
using Lnemis.Integrations.Payments;
using Lnemis.Platform.Jobs;
using Lnemis.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Integrations.Tests;

public sealed class PaymentTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    private readonly Given given = new(factory);

    private static async Task<JsonNode> CreateAsync(TestClient client, long amountMinor = 150_000, string description = "Exam fee 2026") =>
        await (await client.PostAsync("/api/v1/payments", new
        {
            purpose = "ExamFee",
            amountMinor,
            currency = "KES",
            payerReference = Given.Unique("LRN"),
            description,
            method = "Redirect",
            returnUrl = "https://portal.example/paid",
        })).ReadJsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Create_HandsThePaymentToTheGateway_AndAnswersTheRedirect()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var payment = await CreateAsync(admin);
        var id = payment["id"]!.GetValue<Guid>();
        Assert.Equal("Pending", payment["state"]!.GetValue<string>());
        var record = factory.Gateway.Find(id);
        Assert.Equal(record.Reference, payment["gatewayReference"]!.GetValue<string>());
        Assert.EndsWith($"/pay/{record.Reference}", payment["redirectUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(150_000, record.AmountMinor);
        Assert.Equal("KES", record.Currency);

        var read = await admin.GetJsonAsync($"/api/v1/payments/{id}");
        Assert.Equal(150_000, read["amountMinor"]!.GetValue<long>());
        var list = await admin.GetJsonAsync($"/api/v1/payments?payerReference={payment["payerReference"]}");
        Assert.Equal(id, Assert.Single(list["items"]!.AsArray())!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Create_WithBadFields_IsRefusedFieldByField_AndAGatewayFailureLeavesAFailedPayment()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var problem = await (await admin.PostAsync("/api/v1/payments", new { purpose = "ExamFee", amountMinor = 0, currency = "kes", payerReference = "", method = "Push" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "amountMinor", "currency", "payerReference", "payerPhone" })
        {
            Assert.True(problem["errors"]![field] is not null, $"no error for {field}: {problem.ToJsonString()}");
        }

        var failed = await (await admin.PostAsync("/api/v1/payments", new { purpose = "CertificateRequest", amountMinor = 500, currency = "KES", payerReference = "X1", description = "GATEWAY-DOWN", method = "Redirect" }))
            .ReadProblemAsync(HttpStatusCode.BadGateway);
        var stored = await admin.GetJsonAsync($"/api/v1/payments/{failed["paymentId"]}");
        Assert.Equal("Failed", stored["state"]!.GetValue<string>());
        Assert.Contains("503", stored["failureReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_ForgedTamperedOrReplayed_IsRefused_AndChangesNothing()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var payment = await CreateAsync(admin);
        var id = payment["id"]!.GetValue<Guid>();
        var record = factory.Gateway.Find(id);
        using var gateway = factory.CreateClient();

        var forged = await FakeGateway.CallBackAsync(gateway, record.Wire("paid"), secret: "not-the-secret");
        await forged.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var tampered = await FakeGateway.CallBackAsync(gateway, record.Wire("failed"), tamper: body => body.Replace("failed", "paid", StringComparison.Ordinal));
        await tampered.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var replayed = await FakeGateway.CallBackAsync(gateway, record.Wire("paid"), at: DateTimeOffset.UtcNow.AddMinutes(-10));
        await replayed.ReadProblemAsync(HttpStatusCode.Unauthorized);
        using var unsigned = new StringContent(System.Text.Json.JsonSerializer.Serialize(record.Wire("paid")), System.Text.Encoding.UTF8, "application/json");
        await (await gateway.PostAsync("/api/v1/payments/callback", unsigned)).ReadProblemAsync(HttpStatusCode.Unauthorized);

        var after = await admin.GetJsonAsync($"/api/v1/payments/{id}");
        Assert.Equal("Pending", after["state"]!.GetValue<string>());
        Assert.Equal(payment["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Callback_PaysOnce_RepeatsAreIgnored_AndWrongAmountsRefused()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var payment = await CreateAsync(admin);
        var id = payment["id"]!.GetValue<Guid>();
        var record = factory.Gateway.Find(id);
        using var gateway = factory.CreateClient();

        var wrongAmount = await (await FakeGateway.CallBackAsync(gateway, record.Wire("paid", amountMinor: 1))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongAmount["errors"]!["amountMinor"]);
        await (await FakeGateway.CallBackAsync(gateway, record.Wire("paid", currency: "USD"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Pending", (await admin.GetJsonAsync($"/api/v1/payments/{id}"))["state"]!.GetValue<string>());

        var paid = await (await FakeGateway.CallBackAsync(gateway, record.Wire("paid"))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(paid["changed"]!.GetValue<bool>());
        var once = await admin.GetJsonAsync($"/api/v1/payments/{id}");
        Assert.Equal("Paid", once["state"]!.GetValue<string>());
        Assert.NotNull(once["paidAt"]);

        var repeat = await (await FakeGateway.CallBackAsync(gateway, record.Wire("paid"))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(repeat["changed"]!.GetValue<bool>());
        await (await FakeGateway.CallBackAsync(gateway, record.Wire("failed"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var still = await admin.GetJsonAsync($"/api/v1/payments/{id}");
        Assert.Equal("Paid", still["state"]!.GetValue<string>());
        Assert.Equal(once["version"]!.GetValue<long>(), still["version"]!.GetValue<long>());
        Assert.Equal(once["paidAt"]!.GetValue<DateTimeOffset>(), still["paidAt"]!.GetValue<DateTimeOffset>());

        // One payment.paid event for webhooks, however many callbacks came.
        var events = await factory.WithDbAsync(db => Task.FromResult(db.Jobs.Count(j => j.Type == JobRegistry.NameOf(typeof(Lnemis.Platform.Events.IntegrationEvent)) && j.Payload.Contains(id.ToString()) && j.Payload.Contains("payment.paid"))));
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task Reconciliation_AsksTheGatewayAboutPendingPayments()
    {
        var (admin, _) = await given.SignedInAsync(RoleCatalog.SystemAdministrator);
        var paid = await CreateAsync(admin);
        var cancelled = await CreateAsync(admin);
        var open = await CreateAsync(admin);
        factory.Gateway.Find(paid["id"]!.GetValue<Guid>()).Status = "paid";
        factory.Gateway.Find(cancelled["id"]!.GetValue<Guid>()).Status = "cancelled";

        await factory.AsSystemAsync(sp => sp.GetServices<IRecurringTask>().OfType<PaymentReconciliation>().Single().RunAsync(sp, CancellationToken.None));

        Assert.Equal("Paid", (await admin.GetJsonAsync($"/api/v1/payments/{paid["id"]}"))["state"]!.GetValue<string>());
        Assert.Equal("Cancelled", (await admin.GetJsonAsync($"/api/v1/payments/{cancelled["id"]}"))["state"]!.GetValue<string>());
        Assert.Equal("Pending", (await admin.GetJsonAsync($"/api/v1/payments/{open["id"]}"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Viewer_CannotSeeOrTakePayments()
    {
        var (viewer, _) = await given.SignedInAsync(RoleCatalog.Viewer);
        await (await viewer.GetAsync("/api/v1/payments")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.PostAsync("/api/v1/payments", new { purpose = "ExamFee", amountMinor = 100, currency = "KES", payerReference = "X", method = "Redirect" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(PaymentState.Pending, PaymentState.Paid, PaymentChange.Changed)]
    [InlineData(PaymentState.Paid, PaymentState.Paid, PaymentChange.Unchanged)]
    [InlineData(PaymentState.Paid, PaymentState.Pending, PaymentChange.Unchanged)]
    [InlineData(PaymentState.Paid, PaymentState.Failed, PaymentChange.Contradicted)]
    [InlineData(PaymentState.Cancelled, PaymentState.Paid, PaymentChange.Contradicted)]
    [InlineData(PaymentState.Created, PaymentState.Pending, PaymentChange.Changed)]
    public void Apply_MovesOnlyForward(PaymentState from, PaymentState reported, PaymentChange expected)
    {
        var payment = new Payment { Currency = "KES", AmountMinor = 100, PayerReference = "X", ScopePath = "/", CreatedBy = "t", State = from };
        Assert.Equal(expected, payment.Apply(reported, 100, "KES", DateTimeOffset.UtcNow));
        Assert.Equal(PaymentChange.Mismatch, payment.Apply(reported, 101, "KES", DateTimeOffset.UtcNow));
    }
}
