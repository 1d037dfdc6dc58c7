using System.Text.Json;

namespace DerSim.Csms;

/// <summary>Reads a SetVariables exchange for a Basic-auth password the station accepted.</summary>
internal static class AcceptedPassword
{
    /// <summary>
    /// The SecurityCtrlr.BasicAuthPassword value of <paramref name="request"/> when <paramref name="answer"/> gives it
    /// attributeStatus Accepted; null otherwise.
    /// </summary>
    public static string? In(JsonElement request, JsonElement answer)
    {
        if (!request.TryGetProperty("setVariableData", out var data) || data.ValueKind != JsonValueKind.Array
            || !answer.TryGetProperty("setVariableResult", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? password = null;
        foreach (var item in data.EnumerateArray())
        {
            if (Names(item) && item.TryGetProperty("attributeValue", out var value) && value.ValueKind == JsonValueKind.String
                && results.EnumerateArray().Any(r => Names(r) && r.TryGetProperty("attributeStatus", out var status) && status.GetString() == "Accepted"))
            {
                password = value.GetString();
            }
        }

        return password;
    }

    /// <summary>
    /// The value of a 1.6 ChangeConfiguration of AuthorizationKey (security whitepaper) when <paramref name="answer"/>
    /// gives it status Accepted; null otherwise.
    /// </summary>
    public static string? InV16(JsonElement request, JsonElement answer) =>
        request.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString() == "AuthorizationKey"
        && request.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
        && answer.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "Accepted"
            ? value.GetString()
            : null;

    private static bool Names(JsonElement item) =>
        item.TryGetProperty("component", out var component) && component.TryGetProperty("name", out var c) && c.GetString() == "SecurityCtrlr"
        && item.TryGetProperty("variable", out var variable) && variable.TryGetProperty("name", out var v) && v.GetString() == "BasicAuthPassword";
}
