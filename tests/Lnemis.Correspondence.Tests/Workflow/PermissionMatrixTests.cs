using System.Text;
using Lnemis.Correspondence.Domain.Workflow;

namespace Lnemis.Correspondence.Tests.Workflow;

public sealed class PermissionMatrixTests
{
    private static string Section(string markdown, string definition)
    {
        var start = markdown.IndexOf($"(`{definition}`)\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {definition}");
        var end = markdown.IndexOf("\n## ", start, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [Fact]
    public void ToMarkdown_HasATablePerDefinition_WithTheRolesPerStateAndEvent()
    {
        var markdown = PermissionMatrix.ToMarkdown(WorkflowDefinitions.All);

        var foi = Section(markdown, "foi");
        Assert.Contains("| event | unassigned | awaiting_responder | drafting | pending_disclosure | pending_press_office | pending_private_office | awaiting_dispatch | responded | closed |", foi, StringComparison.Ordinal);
        Assert.Contains("| `assign` | manager | — | — | — | — | — | — | — | — |", foi, StringComparison.Ordinal);
        Assert.Contains("| `approve_and_bypass` | — | — | — | approver | approver | — | — | — | — |", foi, StringComparison.Ordinal);
        Assert.Contains("| `link_case` | manager, responder, approver | manager, responder, approver |", foi, StringComparison.Ordinal);
        Assert.DoesNotContain("`stop_clock`", foi, StringComparison.Ordinal);

        var sar = Section(markdown, "sar");
        Assert.Contains("| `stop_clock` | manager | manager | manager | manager | manager | — | — |", sar, StringComparison.Ordinal);
        Assert.Contains("| `reject` | the responding team gives it back, saying why | `unassigned` | responder (`actor_in_responding_team`) | `reason_given` | `clear_responding_team`, `add_message` |", sar, StringComparison.Ordinal);

        Assert.Contains("## Overturned FOI, Overturned SAR (`overturned`)", markdown, StringComparison.Ordinal);
        Assert.Contains("Clearance steps, in order: disclosure → press_office → private_office.", foi, StringComparison.Ordinal);
    }

    [Fact]
    public void PermissionsDocument_IsUpToDate()
    {
        // The committed doc is generated; it must never drift from the definitions.
        var root = RepositoryRoot();
        var path = Path.Combine(root, PermissionMatrix.DocumentPath);
        if (Environment.GetEnvironmentVariable("LNEMIS_WRITE_DOCS") == "1")
        {
            PermissionMatrix.WriteDocument(path);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : "(missing)";

        Assert.True(committed == PermissionMatrix.Document(),
            $"{PermissionMatrix.DocumentPath} differs from the workflow definitions. Regenerate it with: "
            + "LNEMIS_WRITE_DOCS=1 dotnet test tests/Lnemis.Correspondence.Tests --filter PermissionsDocument — then review and commit the change.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lnemis.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Lnemis.slnx not found above " + AppContext.BaseDirectory);
    }
}
