using System.Globalization;
using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Gherkin.Snippets;

/// <summary>Interim snippet generator (contract signature); removed when the expr branch is merged.</summary>
public static class SnippetGenerator
{
    /// <summary>A ready-to-paste step definition.</summary>
    public static string Generate(StepDefinitionType type, string stepText, bool hasDocString, bool hasDataTable, ParameterTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(stepText);
        var name = type + string.Concat(stepText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..])).Replace("\"", string.Empty, StringComparison.Ordinal);
        var parameter = hasDataTable ? "DataTable dataTable" : hasDocString ? "string docString" : string.Empty;
        return $"[{type}(\"{stepText}\")]\npublic void {name}({parameter})\n{{\n    throw new PendingStepException();\n}}";
    }
}
