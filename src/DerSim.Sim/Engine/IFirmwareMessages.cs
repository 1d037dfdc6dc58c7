using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

/// <summary>One OCPP version's messages for a firmware update; the <see cref="FirmwareUpdater"/> decides when.</summary>
public interface IFirmwareMessages
{
    /// <summary>Whether the station is connected and booted, so its reports reach the CSMS.</summary>
    bool IsOnline { get; }

    /// <summary>Reports a new state of the update of <paramref name="requestId"/> (2.x FirmwareStatusNotification, L01.FR.01).</summary>
    Task StatusAsync(FirmwareStatus status, int requestId, CancellationToken ct);

    /// <summary>Reports a security event of that type (2.x SecurityEventNotification).</summary>
    Task SecurityEventAsync(string type, string techInfo, CancellationToken ct);

    /// <summary>Reports a connector's status (it turned Unavailable or Available for the update).</summary>
    Task ConnectorStatusAsync(StationConnector connector, CancellationToken ct);
}
