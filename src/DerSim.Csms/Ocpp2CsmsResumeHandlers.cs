using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DerSim.Ocpp.Rpc;

namespace DerSim.Csms;

/// <summary>
/// OCPP 2.1 E17 on the CSMS side: the TxProfile the CSMS set for a transaction is set again when the station resumes
/// that transaction after a power loss or reboot (TransactionEvent Updated, triggerReason TxResumed), since a station
/// need not keep TxProfiles across one (SmartChargingCtrlr.ChargingProfilePersistence; TC_E_117_CSMS).
/// </summary>
internal static class Ocpp2CsmsResumeHandlers
{
    // The last TxProfile SetChargingProfile payload sent per transaction, per station (kept across its connections).
    private static readonly ConditionalWeakTable<CsmsStationState, ConcurrentDictionary<string, JsonElement>> TxProfiles = [];

    public static void Register(CsmsContext context)
    {
        var peer = context.Peer;
        var sent = TxProfiles.GetValue(context.State, _ => new ConcurrentDictionary<string, JsonElement>(StringComparer.Ordinal));
        var toRestore = new ConcurrentQueue<JsonElement?>();
        peer.Frame += frame =>
        {
            if (frame is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.Call, Action: "SetChargingProfile" }
                && Payload(frame.Raw, 3) is { } set
                && set.TryGetProperty("chargingProfile", out var profile)
                && profile.TryGetProperty("chargingProfilePurpose", out var purpose) && purpose.GetString() == "TxProfile"
                && profile.TryGetProperty("transactionId", out var tx) && tx.GetString() is { } transactionId)
            {
                sent[transactionId] = set.Clone();
            }
            else if (frame is { Direction: FrameDirection.Inbound, MessageType: OcppMessageType.Call, Action: "TransactionEvent" }
                && Payload(frame.Raw, 3) is { } ev)
            {
                // One entry per TransactionEvent, in order, so the answer below pairs with its own event.
                toRestore.Enqueue(ev.TryGetProperty("triggerReason", out var trigger) && trigger.GetString() == "TxResumed"
                    && ev.GetProperty("transactionInfo").GetProperty("transactionId").GetString() is { } resumed
                    && sent.TryGetValue(resumed, out var again)
                        ? again
                        : null);
            }
            else if (frame is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.CallResult or OcppMessageType.CallError, Action: "TransactionEvent" }
                && toRestore.TryDequeue(out var restore) && restore is { } payload)
            {
                // After the answer is on the wire, off the sending path: the CALL waits for its own answer.
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await peer.CallRawAsync("SetChargingProfile", payload).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException or OcppConnectionClosedException or OperationCanceledException)
                    {
                        // The station's answer (or its absence) is in the recorded traffic.
                    }
                });
            }
        };
    }

    // The payload of a frame (element 3 of a CALL, 2 of a CALLRESULT), or null when the frame is not readable.
    private static JsonElement? Payload(string raw, int index)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.GetArrayLength() > index ? document.RootElement[index].Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
