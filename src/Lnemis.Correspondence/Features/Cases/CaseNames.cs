using Lnemis.Platform.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>
/// Names the users a case view shows by id (responder, history actors) through Identity's
/// <see cref="IUserDirectory"/>: one batched lookup per response, never one per row.
/// </summary>
internal static class CaseNames
{
    public static string? Of(IReadOnlyDictionary<Guid, UserContact> names, Guid? id) =>
        id is { } known && names.TryGetValue(known, out var user) ? user.DisplayName : null;

    public static async Task<CaseDetail> AddAsync(CaseDetail detail, IUserDirectory users, CancellationToken ct)
    {
        var ids = detail.History.Where(h => h.ActorId is not null).Select(h => h.ActorId!.Value);
        var names = await users.FindAsync(detail.ResponderId is { } responder ? ids.Append(responder) : ids, ct);
        return detail with
        {
            ResponderName = Of(names, detail.ResponderId),
            History = detail.History.Select(h => h with { ActorName = Of(names, h.ActorId) }).ToList(),
        };
    }

    /// <summary>Adds the names to the case an endpoint answers with (200 or 201 with a <see cref="CaseDetail"/>).</summary>
    public static RouteHandlerBuilder WithUserNames(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var users = context.HttpContext.RequestServices.GetRequiredService<IUserDirectory>();
            var ct = context.HttpContext.RequestAborted;
            return result switch
            {
                Ok<CaseDetail> { Value: { } detail } => TypedResults.Ok(await AddAsync(detail, users, ct)),
                Created<CaseDetail> { Value: { } detail } created => TypedResults.Created(created.Location, await AddAsync(detail, users, ct)),
                _ => result,
            };
        });
}
