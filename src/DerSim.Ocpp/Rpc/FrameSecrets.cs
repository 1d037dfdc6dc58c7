using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// Masks the passwords a frame can carry before it is printed or stored: the Basic-auth password set through 2.x
/// SetVariables (SecurityCtrlr.BasicAuthPassword, OCPP 2.0.1 A01) and 1.6 ChangeConfiguration AuthorizationKey (1.6
/// security whitepaper), the secrets of a 2.1 network configuration (the WriteOnly variables BasicAuthPassword,
/// ApnPassword, SimPin, VpnPassword and VpnKey of any component), and the text fields of a network profile that hold
/// one (<c>basicAuthPassword</c>, <c>apn.apnPassword</c>, <c>vpn.password</c>, <c>vpn.key</c>; <c>apn.simPin</c> is a
/// number, and a mask in its place would make the frame break its schema). Nothing else changes.
/// </summary>
public static class FrameSecrets
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    // The device-model variables whose value is a secret, and the profile fields that hold one.
    private static readonly string[] SecretVariables = ["BasicAuthPassword", "ApnPassword", "SimPin", "VpnPassword", "VpnKey"];
    private static readonly string[] SecretFields = ["basicAuthPassword", "apnPassword"];

    // A frame without any of these cannot carry a secret: it is passed on untouched, unparsed.
    private static readonly string[] Markers = ["Password", "AuthorizationKey", "SimPin", "VpnKey", "\"vpn\""];

    /// <summary><paramref name="raw"/> with its secrets masked; the same string when it has none.</summary>
    public static string Masked(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!Markers.Any(m => raw.Contains(m, StringComparison.OrdinalIgnoreCase)))
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
                if (obj["variable"] is JsonObject { } variable && SecretVariables.Any(n => IsName(variable["name"], n)) && obj.ContainsKey("attributeValue"))
                {
                    obj["attributeValue"] = Mask;
                    changed = true;
                }

                // A 2.x network profile's VPN: {server, user, password, key, type}.
                if (obj["vpn"] is JsonObject vpn)
                {
                    foreach (var name in new[] { "password", "key" }.Where(n => vpn[n] is JsonValue))
                    {
                        vpn[name] = Mask;
                        changed = true;
                    }
                }

                if (IsName(obj["key"], "AuthorizationKey") && obj.ContainsKey("value"))
                {
                    obj["value"] = Mask;
                    changed = true;
                }

                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (SecretFields.Any(f => string.Equals(name, f, StringComparison.OrdinalIgnoreCase)) && obj[name] is JsonValue)
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

    // Case-insensitive, as a station looks names up: a secret sent as "basicauthpassword" is taken, so it is hidden too.
    private static bool IsName(JsonNode? node, string name) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && string.Equals(text, name, StringComparison.OrdinalIgnoreCase);
}
