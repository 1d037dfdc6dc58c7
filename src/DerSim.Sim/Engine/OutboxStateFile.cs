using System.Text.Json;
using System.Text.Json.Nodes;

namespace DerSim.Sim.Engine;

/// <summary>
/// The undelivered transaction messages of one station on disk (<c>./sim --state_dir DIR</c> → <c>DIR/ID.outbox.json</c>):
/// <c>{"version":1,"messages":[{"action","messageId","delivery","wasSent","payload","provisionalId"?}, …]}</c> in delivery
/// order (<c>provisionalId</c>: the station's own id of a 1.6 transaction started offline, on its StartTransaction). Written
/// whole to a temporary file that then replaces the old one, so a crash mid-write leaves the previous state intact.
/// </summary>
internal sealed class OutboxStateFile(string path)
{
    /// <summary>The format written; a file of another version is refused rather than misread.</summary>
    public const int Version = 1;

    public string Path { get; } = path;

    /// <summary>The messages the file holds; none when it does not exist.</summary>
    /// <exception cref="OutboxStateException">The file is unreadable, not JSON, or not an outbox state of <see cref="Version"/>.</exception>
    public IReadOnlyList<Entry> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != Version)
            {
                throw Corrupt($"expected an object with \"version\": {Version}");
            }

            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                throw Corrupt("expected a \"messages\" array");
            }

            var list = new List<Entry>();
            foreach (var m in messages.EnumerateArray())
            {
                if (m.ValueKind != JsonValueKind.Object
                    || Text(m, "action") is not { Length: > 0 } action
                    || Text(m, "messageId") is not { Length: > 0 and <= 36 } id
                    || !Enum.TryParse<OutboxDelivery>(Text(m, "delivery"), out var delivery)
                    || delivery is not (OutboxDelivery.Transaction or OutboxDelivery.TransactionAwaitingAnswer)
                    || !m.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
                {
                    throw Corrupt($"message {list.Count + 1} needs action, messageId (at most 36 characters), delivery (Transaction or TransactionAwaitingAnswer) and an object payload");
                }

                var wasSent = m.TryGetProperty("wasSent", out var s) && s.ValueKind == JsonValueKind.True;
                list.Add(new Entry(action, payload.Clone(), delivery, id, wasSent, Text(m, "provisionalId")));
            }

            return list;
        }
        catch (JsonException ex)
        {
            throw Corrupt($"not JSON ({ex.Message})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutboxStateException($"outbox state {Path}: cannot read it ({ex.Message})", ex);
        }
    }

    /// <summary>Replaces the file with <paramref name="entries"/>.</summary>
    /// <exception cref="OutboxStateException">The directory is not writable.</exception>
    public void Save(IReadOnlyList<Entry> entries)
    {
        var messages = new JsonArray();
        foreach (var e in entries)
        {
            var message = new JsonObject
            {
                ["action"] = e.Action,
                ["messageId"] = e.MessageId,
                ["delivery"] = e.Delivery.ToString(),
                ["wasSent"] = e.WasSent,
                ["payload"] = JsonNode.Parse(e.Payload.GetRawText()),
            };
            if (e.ProvisionalId is not null)
            {
                message["provisionalId"] = e.ProvisionalId;
            }

            messages.Add(message);
        }

        var temp = Path + ".tmp";
        try
        {
            File.WriteAllText(temp, new JsonObject { ["version"] = Version, ["messages"] = messages }.ToJsonString());
            File.Move(temp, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutboxStateException($"outbox state {Path}: cannot write it ({ex.Message})", ex);
        }
    }

    private OutboxStateException Corrupt(string what) => new($"outbox state {Path} is not readable: {what}; move it away to start with an empty outbox");

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>One undelivered message.</summary>
    public sealed record Entry(string Action, JsonElement Payload, OutboxDelivery Delivery, string MessageId, bool WasSent, string? ProvisionalId = null);
}
