using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;

namespace DerSim.Csms;

/// <summary>
/// The reference CSMS's side of OCPP 2.1 bidirectional power transfer (block Q): it remembers the energy-transfer modes
/// it allowed per transaction (NotifyAllowedEnergyTransfer) and the Dynamic charging profiles it installed, from what it
/// sent, so it can refuse charging needs asking for a mode it did not allow and answer a station's
/// PullDynamicScheduleUpdate with the profile's values.
/// </summary>
internal static class Ocpp2CsmsV2xHandlers
{
    private static readonly ConditionalWeakTable<CsmsStationState, V2xMemory> Memories = [];

    public static void Register(CsmsContext context)
    {
        var state = context.State;
        var memory = Memories.GetValue(state, _ => new V2xMemory());
        context.Peer.Frame += frame =>
        {
            if (frame is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.Call, Action: { } action })
            {
                memory.Sent(action, frame.Raw);
            }
        };

        context.Handle<NotifyEVChargingNeedsRequest, NotifyEVChargingNeedsResponse>(request =>
        {
            // V2X authorisation (2.1 Q01): charging needs asking for an energy transfer the CSMS did not allow for the
            // transaction running on the EVSE are refused; the EV then keeps to what it may do.
            var requested = request.ChargingNeeds.RequestedEnergyTransfer;
            var running = state.Transactions.Values.FirstOrDefault(t => t.EvseId == request.EvseId && t.EndedAt is null);
            if (running is not null && memory.Allowed.TryGetValue(running.TransactionId, out var allowed) && !allowed.Contains(requested))
            {
                return new NotifyEVChargingNeedsResponse(NotifyEVChargingNeedsStatusEnumType.Rejected)
                {
                    StatusInfo = new StatusInfoType("NotAllowed") { AdditionalInfo = $"transaction {running.TransactionId} is allowed {string.Join(", ", allowed)} only" },
                };
            }

            return new NotifyEVChargingNeedsResponse(NotifyEVChargingNeedsStatusEnumType.Accepted);
        });

        context.Handle<PullDynamicScheduleUpdateRequest, PullDynamicScheduleUpdateResponse>(request =>
            memory.Dynamic.TryGetValue(request.ChargingProfileId, out var values)
                ? new PullDynamicScheduleUpdateResponse(ChargingProfileStatusEnumType.Accepted) { ScheduleUpdate = values }
                : new PullDynamicScheduleUpdateResponse(ChargingProfileStatusEnumType.Rejected) { StatusInfo = new StatusInfoType("UnknownProfile") });
    }

    private sealed class V2xMemory
    {
        /// <summary>The modes allowed per transaction, as last sent.</summary>
        public ConcurrentDictionary<string, IReadOnlyList<EnergyTransferModeEnumType>> Allowed { get; } = new(StringComparer.Ordinal);

        /// <summary>The values of each Dynamic profile sent, by profile id, as last set or updated.</summary>
        public ConcurrentDictionary<int, ChargingScheduleUpdateType> Dynamic { get; } = new();

        public void Sent(string action, string raw)
        {
            using var frame = JsonDocument.Parse(raw);
            var payload = frame.RootElement[3];
            switch (action)
            {
                case "NotifyAllowedEnergyTransfer":
                    Allowed[payload.GetProperty("transactionId").GetString()!] =
                        [.. payload.GetProperty("allowedEnergyTransfer").EnumerateArray().Select(m => Ocpp.Json.OcppJson.ParseName<EnergyTransferModeEnumType>(m.GetString()!, Ocpp.Json.OcppActionTables.For(Ocpp.OcppVersion.V21)))];
                    break;
                case "SetChargingProfile" when payload.GetProperty("chargingProfile") is var profile
                    && profile.GetProperty("chargingProfileKind").GetString() == "Dynamic":
                    var period = profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0];
                    Dynamic[profile.GetProperty("id").GetInt32()] = new ChargingScheduleUpdateType
                    {
                        Limit = Number(period, "limit"),
                        DischargeLimit = Number(period, "dischargeLimit"),
                        Setpoint = Number(period, "setpoint"),
                    };
                    break;
                case "UpdateDynamicSchedule" when Dynamic.TryGetValue(payload.GetProperty("chargingProfileId").GetInt32(), out var known):
                    var update = payload.GetProperty("scheduleUpdate");
                    Dynamic[payload.GetProperty("chargingProfileId").GetInt32()] = known with
                    {
                        Limit = Number(update, "limit") ?? known.Limit,
                        DischargeLimit = Number(update, "dischargeLimit") ?? known.DischargeLimit,
                        Setpoint = Number(update, "setpoint") ?? known.Setpoint,
                    };
                    break;
                default:
                    break;
            }
        }

        private static decimal? Number(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
    }
}
