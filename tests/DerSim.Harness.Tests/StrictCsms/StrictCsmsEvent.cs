using System.Text.Json;

namespace DerSim.Harness.Tests.StrictCsms;

/// <summary>One line of the strict CSMS's stdout: <c>{"event":"call","identity":...}</c>.</summary>
/// <param name="Kind">The <c>event</c> field: listening, connected, call, callResult, callError, violation, disconnected, error, fatal; <c>unparsed</c> for a non-JSON line.</param>
/// <param name="Json">The whole line.</param>
public sealed record StrictCsmsEvent(string Kind, JsonElement Json)
{
    /// <summary>Station id (last URL path segment), when the event concerns a station.</summary>
    public string? Identity => Text("identity");

    /// <summary>Negotiated subprotocol, e.g. <c>ocpp2.1</c>.</summary>
    public string? Protocol => Text("protocol");

    /// <summary>OCPP action, for call, callResult, callError and violation events.</summary>
    public string? Action => Text("action");

    /// <summary>OCPP-J message id, when known.</summary>
    public string? MessageId => Text("messageId");

    /// <summary>A string property of the event, or <see langword="null"/>.</summary>
    public string? Text(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Parses one stdout line; lines that are not a JSON object become <c>unparsed</c> events.</summary>
    public static StrictCsmsEvent Parse(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement.Clone();
            var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : "unparsed";
            return new StrictCsmsEvent(kind, root);
        }
        catch (JsonException)
        {
            return new StrictCsmsEvent("unparsed", JsonSerializer.SerializeToElement(line));
        }
    }

    /// <inheritdoc />
    public override string ToString() => Json.GetRawText();
}
