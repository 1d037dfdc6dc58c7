using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// Masks the passwords a frame can carry before it is printed or stored: the Basic-auth password set through 2.x
/// SetVariables (SecurityCtrlr.BasicAuthPassword, OCPP 2.0.1 A01) and 1.6 ChangeConfiguration AuthorizationKey (1.6
/// security whitepaper), and any <c>basicAuthPassword</c> field (2.1 network profiles). Nothing else changes.
/// </summary>
public static class FrameSecrets
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary><paramref name="raw"/> with its secrets masked; the same string when it has none.</summary>
    public static string Masked(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.IndexOf("BasicAuthPassword", StringComparison.OrdinalIgnoreCase) < 0 && raw.IndexOf("AuthorizationKey", StringComparison.Ordinal) < 0)
        {
            return raw;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            // Not JSON: no field to find, but the secret may still be there; hide the whole text.
            return Mask;
        }

        return MaskNode(root) ? root!.ToJsonString() : raw;
    }

    private static bool MaskNode(JsonNode? node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                // 2.x SetVariableData {component, variable{name}, attributeValue}; 1.6 ChangeConfiguration {key, value}.
                if (obj["variable"] is JsonObject { } variable && IsName(variable["name"], "BasicAuthPassword") && obj.ContainsKey("attributeValue"))
                {
                    obj["attributeValue"] = Mask;
                    changed = true;
                }

                if (IsName(obj["key"], "AuthorizationKey") && obj.ContainsKey("value"))
                {
                    obj["value"] = Mask;
                    changed = true;
                }

                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (string.Equals(name, "basicAuthPassword", StringComparison.OrdinalIgnoreCase) && obj[name] is JsonValue)
                    {
                        obj[name] = Mask;
                        changed = true;
                    }
                    else
                    {
                        changed |= MaskNode(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    changed |= MaskNode(item);
                }

                break;
        }

        return changed;
    }

    private static bool IsName(JsonNode? node, string name) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && string.Equals(text, name, StringComparison.Ordinal);
}
