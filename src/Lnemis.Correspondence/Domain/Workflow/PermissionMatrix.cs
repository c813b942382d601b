using System.Text;

namespace Lnemis.Correspondence.Domain.Workflow;

/// <summary>
/// The workflow definitions as documentation: per definition, a state × event table of the
/// roles that may fire each event, then each event's target, guards and effects. Generated, so
/// the documentation is the definitions and cannot drift from them.
/// </summary>
public static class PermissionMatrix
{
    public const string DocumentPath = "docs/correspondence-permissions.md";

    public static string ToMarkdown(IEnumerable<WorkflowDefinition> definitions)
    {
        var text = new StringBuilder();
        foreach (var definition in definitions)
        {
            Append(text, definition);
        }
        return text.ToString();
    }

    /// <summary>The whole of <see cref="DocumentPath"/>: the tables for the shipped definitions, guards and effects.</summary>
    public static string Document()
    {
        var text = new StringBuilder();
        text.Append("# Correspondence: who may do what\n\n");
        text.Append("Generated from the workflow definitions (`WorkflowDefinitions`) by `PermissionMatrix.Document()`; do not edit by hand.\n");
        text.Append("A test fails when this file differs from the definitions; regenerate it with\n");
        text.Append("`LNEMIS_WRITE_DOCS=1 dotnet test tests/Lnemis.Correspondence.Tests --filter PermissionsDocument`.\n\n");
        text.Append("Each table gives, for every state and event, the roles that may fire the event from that state (— for none).\n");
        text.Append("A role may have guards of its own: a responder must be in the responding team assigned to the case;\n");
        text.Append("an approver must approve the clearance step the case is at (or, for messages, links and unflagging, a step flagged on the case).\n\n");
        text.Append(ToMarkdown(WorkflowDefinitions.All));
        text.Append("## Guards\n\n| guard | holds when | checks |\n| --- | --- | --- |\n");
        foreach (var guard in WorkflowGuards.All.Values.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            text.Append($"| `{guard.Name}` | {guard.Description} | {(guard.OnInput ? "what the user supplies" : "the case")} |\n");
        }
        text.Append("\n## Effects\n\n| effect | what the application does |\n| --- | --- |\n");
        foreach (var (name, description) in WorkflowEffects.All.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append($"| `{name}` | {description} |\n");
        }
        return text.ToString();
    }

    /// <summary>Writes <see cref="Document"/> to a file (e.g. the repository's <see cref="DocumentPath"/>).</summary>
    public static void WriteDocument(string path) => File.WriteAllText(path, Document(), new UTF8Encoding(false));

    private static void Append(StringBuilder text, WorkflowDefinition definition)
    {
        text.Append($"## {string.Join(", ", definition.CaseTypes.Select(t => t.Title()))} (`{definition.Name}`)\n\n");
        text.Append($"Case types: {string.Join(", ", definition.CaseTypes.Select(t => $"`{t.Code()}`"))}. ");
        text.Append(definition.ClearanceSteps.Count == 0
            ? "No clearance steps. "
            : $"Clearance steps, in order: {string.Join(" → ", definition.ClearanceSteps)}. ");
        text.Append($"Starts in `{definition.Initial}`; ends in {string.Join(", ", definition.States.Where(s => s.Terminal).Select(s => $"`{s.Name}`"))}.\n\n");

        text.Append("| event | ").AppendJoin(" | ", definition.States.Select(s => s.Name)).Append(" |\n");
        text.Append("| --- |").Append(string.Concat(definition.States.Select(_ => " --- |"))).Append('\n');
        foreach (var e in definition.Events)
        {
            text.Append($"| `{e.Name}` |");
            foreach (var state in definition.States)
            {
                var roles = e.From.Contains(state.Name) ? e.Permissions.Select(p => Workflow.Name(p.Role)).ToList() : [];
                text.Append(' ').Append(roles.Count == 0 ? "—" : string.Join(", ", roles)).Append(" |");
            }
            text.Append('\n');
        }

        text.Append("\n| event | what it does | leads to | who | guards | effects |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var e in definition.Events)
        {
            var to = e.To switch
            {
                WorkflowDefinition.Same => "(same state)",
                WorkflowDefinition.NextClearance => $"next flagged clearance step, else `{definition.AfterClearance}`",
                _ => $"`{e.To}`",
            };
            var who = string.Join("; ", e.Permissions.Select(p => Workflow.Name(p.Role) + (p.Guards.Count == 0 ? "" : $" ({string.Join(", ", p.Guards.Select(g => $"`{g}`"))})")));
            text.Append($"| `{e.Name}` | {e.Description} | {to} | {who} | {Codes(e.Guards)} | {Codes(e.Effects)} |\n");
        }
        text.Append('\n');
    }

    private static string Codes(IReadOnlyList<string> names) => names.Count == 0 ? "—" : string.Join(", ", names.Select(n => $"`{n}`"));
}
