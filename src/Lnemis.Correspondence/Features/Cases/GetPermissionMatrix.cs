using Lnemis.Correspondence.Domain;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Correspondence.Features.Teams;
using Lnemis.Platform.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lnemis.Correspondence.Features.Cases;

/// <summary>The workflow definitions as data for the UI: per case type, the states and for each event where it may be fired from, where it leads, who may fire it and with which guards.</summary>
public static class GetPermissionMatrix
{
    public sealed record RoleView(string Role, IReadOnlyList<string> Guards);

    public sealed record EventView(string Name, string Description, IReadOnlyList<string> From, string To, IReadOnlyList<RoleView> Roles, IReadOnlyList<string> Guards, IReadOnlyList<string> Effects);

    public sealed record StateView(string Name, bool Terminal, string Description);

    public sealed record DefinitionView(string Name, IReadOnlyList<string> CaseTypes, string Initial, IReadOnlyList<string> ClearanceSteps, IReadOnlyList<StateView> States, IReadOnlyList<EventView> Events);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/permission-matrix", Handle).RequirePermission(CorrespondencePermissions.CasesRead).WithTags("Cases");

    internal static IResult Handle() => TypedResults.Ok(WorkflowDefinitions.All.Select(d => new DefinitionView(
        d.Name,
        d.CaseTypes.Select(t => t.Code()).ToList(),
        d.Initial,
        d.ClearanceSteps,
        d.States.Select(s => new StateView(s.Name, s.Terminal, s.Description)).ToList(),
        d.Events.Select(e => new EventView(e.Name, e.Description, e.From, e.To, e.Permissions.Select(p => new RoleView(Workflow.Name(p.Role), p.Guards)).ToList(), e.Guards, e.Effects)).ToList())).ToList());
}
