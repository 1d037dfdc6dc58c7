using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>TriggerMessage for a message, optionally about one EVSE.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="RequestedMessage">The message asked for (StatusNotification, MeterValues, Heartbeat, BootNotification, …).</param>
/// <param name="EvseId">The EVSE (1.6: its connector id) it is about, or null for the station.</param>
public sealed record TriggerMessageCommand(string StationId, OcppVersion Version, string RequestedMessage, int? EvseId = null) : CsmsCommand(StationId, Version)
{
    /// <summary>
    /// 1.6: send the security extension's ExtendedTriggerMessage, as for a message only it can ask for
    /// (SignChargePointCertificate, LogStatusNotification). The default value is false: TriggerMessage.
    /// </summary>
    public bool Extended { get; init; }

    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.TriggerMessage;

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 && Extended ? "ExtendedTriggerMessage" : "TriggerMessage";

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16 && Extended
        ? new V16.ExtendedTriggerMessageRequest(Wire<V16.MessageTriggerEnumType>(RequestedMessage, "requested message")) { ConnectorId = EvseId }
        : Version == OcppVersion.V16
        ? new V16.TriggerMessageRequest(Wire<V16.RequestedMessage>(RequestedMessage, "requested message")) { ConnectorId = EvseId }
        : new Ocpp2.TriggerMessageRequest(Wire<Ocpp2.MessageTriggerEnumType>(RequestedMessage, "requested message"))
        {
            Evse = EvseId is { } on ? new Ocpp2.EVSEType(on) : null,
        };
}
