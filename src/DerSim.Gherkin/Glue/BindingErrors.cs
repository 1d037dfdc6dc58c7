using System.Text.RegularExpressions;
using Reqnroll.Bindings;

namespace DerSim.Gherkin.Glue;

/// <summary>
/// Reqnroll's binding errors, said so a user can act on them. Parameter type names are global to a run, so a binding
/// library that declares a name DerSim's steps (or another library) already declare makes Reqnroll report only "An item
/// with the same key has already been added. Key: name" and fail every step; here that becomes one line naming both
/// declarations.
/// </summary>
public static partial class BindingErrors
{
    /// <summary>Every binding error of <paramref name="registry"/>, duplicate parameter types named by their declarations.</summary>
    public static IReadOnlyList<string> Of(IBindingRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        // The same method seen twice (its assembly is both the test assembly and a bindingAssemblies entry) is no conflict.
        var duplicates = registry.GetStepTransformations()
            .Where(t => !string.IsNullOrEmpty(t.Name))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Methods: g.Select(t => $"{t.Method.Type.FullName}.{t.Method.Name}").Distinct(StringComparer.Ordinal).ToList()))
            .Where(g => g.Methods.Count > 1)
            .ToDictionary(
                g => g.Name,
                g => $"parameter type {{{g.Name}}} is declared more than once ({string.Join(", ", g.Methods)}); a name can be declared once per run: rename one",
                StringComparer.Ordinal);
        var errors = new List<string>(duplicates.Values);
        foreach (var error in registry.GetErrorMessages().Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            if (DuplicateKey().Match(error) is not { Success: true } match || !duplicates.ContainsKey(match.Groups[1].Value))
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    [GeneratedRegex(@"same key has already been added\. Key: (\S+)")]
    private static partial Regex DuplicateKey();
}
