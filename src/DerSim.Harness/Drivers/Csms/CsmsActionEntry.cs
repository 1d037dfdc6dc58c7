using DerSim.Ocpp;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>One action the Http driver can be configured for (<c>dersim.http.actions.&lt;Name&gt;</c>).</summary>
/// <param name="Name">The template name (<see cref="HttpPlaceholders.TemplateName"/>).</param>
/// <param name="Kind">The action it performs.</param>
/// <param name="OcppActions">The OCPP action per version; null where the version has none (never performed there).</param>
/// <param name="Placeholders">Placeholders every command of this action provides.</param>
/// <param name="OptionalPlaceholders">Placeholders provided only when the step gives the value (a limit in A), or only on some versions (1.6 connectorId).</param>
public sealed record CsmsActionEntry(
    string Name,
    CsmsActionKind Kind,
    IReadOnlyDictionary<OcppVersion, string?> OcppActions,
    IReadOnlyList<string> Placeholders,
    IReadOnlyList<string> OptionalPlaceholders)
{
    /// <summary>Whether <paramref name="placeholder"/> can be used in this action's template.</summary>
    public bool Provides(string placeholder) =>
        placeholder == CsmsActionCatalogue.BaseUrl || Placeholders.Contains(placeholder) || OptionalPlaceholders.Contains(placeholder);
}
