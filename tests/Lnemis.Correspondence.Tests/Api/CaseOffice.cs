using System.Net;
using System.Text.Json.Nodes;
using Lnemis.Correspondence.Domain.Workflow;
using Lnemis.Identity.Domain;
using Lnemis.Testing;

namespace Lnemis.Correspondence.Tests.Api;

/// <summary>
/// A business group with a directorate holding a manager unit, a responder unit and a disclosure
/// (approver) unit, and one signed-in user in each, granted their role at the group.
/// </summary>
internal sealed class CaseOffice
{
    private CaseOffice(CorrespondenceCommands.TeamRef group, CorrespondenceCommands.TeamRef managers, CorrespondenceCommands.TeamRef responders, CorrespondenceCommands.TeamRef disclosure)
    {
        Group = group;
        Managers = managers;
        Responders = responders;
        Disclosure = disclosure;
    }

    public CorrespondenceCommands.TeamRef Group { get; }
    public CorrespondenceCommands.TeamRef Managers { get; }
    public CorrespondenceCommands.TeamRef Responders { get; }
    public CorrespondenceCommands.TeamRef Disclosure { get; }
    public TestClient Manager { get; private set; } = null!;
    public TestUser ManagerUser { get; private set; } = null!;
    public TestClient Responder { get; private set; } = null!;
    public TestUser ResponderUser { get; private set; } = null!;
    public TestClient Approver { get; private set; } = null!;
    public TestUser ApproverUser { get; private set; } = null!;

    public static async Task<CaseOffice> CreateAsync(LnemisFactory factory)
    {
        var given = new Given(factory);
        var (group, managers, responders, disclosure) = await factory.AsSystemAsync(async sp =>
        {
            var ct = CancellationToken.None;
            var group = await CorrespondenceCommands.AddTeamAsync(sp, Given.Unique("BG"), "Group", null, null, null, ct);
            var directorate = await CorrespondenceCommands.AddTeamAsync(sp, Given.Unique("DIR"), "Directorate", group, null, null, ct);
            var managers = await CorrespondenceCommands.AddTeamAsync(sp, Given.Unique("MGR"), "Triage", directorate, CaseRole.Manager, null, ct);
            var responders = await CorrespondenceCommands.AddTeamAsync(sp, Given.Unique("RSP"), "Responders", directorate, CaseRole.Responder, null, ct);
            var disclosure = await CorrespondenceCommands.AddTeamAsync(sp, Given.Unique("DSC"), "Disclosure", directorate, CaseRole.Approver, WorkflowDefinitions.Disclosure, ct);
            return (group, managers, responders, disclosure);
        });
        var office = new CaseOffice(group, managers, responders, disclosure);
        (office.Manager, office.ManagerUser) = await office.MemberAsync(factory, given, RoleCatalog.CaseManager, managers, CaseRole.Manager);
        (office.Responder, office.ResponderUser) = await office.MemberAsync(factory, given, RoleCatalog.CaseResponder, responders, CaseRole.Responder);
        (office.Approver, office.ApproverUser) = await office.MemberAsync(factory, given, RoleCatalog.CaseApprover, disclosure, CaseRole.Approver);
        return office;
    }

    public async Task<(TestClient, TestUser)> MemberAsync(LnemisFactory factory, Given given, string role, CorrespondenceCommands.TeamRef team, CaseRole caseRole)
    {
        var user = await given.UserAtAsync(role, Group);
        await factory.AsSystemAsync(sp => CorrespondenceCommands.AddMemberAsync(sp, team, user.Id, caseRole, CancellationToken.None));
        return (await given.ClientForAsync(user), user);
    }

    public async Task<JsonNode> CreateCaseAsync(string type, DateOnly receivedOn, DateOnly? icoDeadline = null)
    {
        var response = await Manager.PostAsync("/api/v1/cases", new
        {
            type,
            subject = "School transport contracts",
            requesterName = "A. Requester",
            requesterEmail = "requester@example.org",
            receivedOn,
            managingTeamId = Managers.Id,
            icoDeadline,
        });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonNode> FireAsync(TestClient client, JsonNode c, string eventName, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var payload = JsonSerializerNode(body);
        payload["version"] = c["version"]!.GetValue<long>();
        var response = await client.PostAsync($"/api/v1/cases/{c["id"]}/events/{eventName}", payload);
        return await response.ReadJsonAsync(expected);
    }

    /// <summary>A small PDF, enough for the Documents module's type check.</summary>
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>Uploads a file to the case (multipart, part "file") as <paramref name="client"/>; the raw answer.</summary>
    public static async Task<HttpResponseMessage> UploadFileAsync(TestClient client, Guid caseId, byte[] content, string fileName, string kind = "response")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync($"/api/v1/correspondence/cases/{caseId}/files?kind={kind}", form);
    }

    /// <summary>Uploads a response file to the case, then fires <paramref name="eventName"/> with it.</summary>
    public static async Task<JsonNode> UploadResponseAsync(TestClient client, JsonNode c, string eventName = "upload_response", string fileName = "response.pdf")
    {
        var file = await (await UploadFileAsync(client, c["id"]!.GetValue<Guid>(), Pdf, fileName)).ReadJsonAsync(HttpStatusCode.Created);
        return await FireAsync(client, c, eventName, new { fileId = file["id"]!.GetValue<Guid>() });
    }

    public static JsonObject JsonSerializerNode(object? body) =>
        body is null ? [] : System.Text.Json.JsonSerializer.SerializeToNode(body, TestClient.Json)!.AsObject();
}
