using Lnemis.Integrations.Data;
using Lnemis.Integrations.Domain;
using Lnemis.Platform.Access;
using Lnemis.Platform.Api;
using Lnemis.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lnemis.Integrations.Features.Payments;

/// <summary>One payment and its state.</summary>
public static class GetPayment
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments/{id:guid}", HandleAsync).RequirePermission(IntegrationPermissions.PaymentsRead).WithTags("Payments");

    internal static async Task<IResult> HandleAsync(Guid id, LnemisDbContext db, CancellationToken ct) =>
        await db.Payments().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } payment
            ? TypedResults.Ok(PaymentView.From(payment))
            : Problems.NotFound("The payment");
}

/// <summary>Payments the caller may see, newest first, by state and payer reference.</summary>
public static class ListPayments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments", HandleAsync).RequirePermission(IntegrationPermissions.PaymentsRead).WithTags("Payments");

    internal static async Task<IResult> HandleAsync(ReplicaDbContext db, PaymentState? state, string? payerReference, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.Payments().AsNoTracking();
        if (state is { } wanted)
        {
            query = query.Where(p => p.State == wanted);
        }

        if (!string.IsNullOrWhiteSpace(payerReference))
        {
            var reference = payerReference.Trim();
            query = query.Where(p => p.PayerReference == reference);
        }

        var result = await query.ToCappedPageAsync(q => q.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id), PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(result.Map(PaymentView.From));
    }
}
