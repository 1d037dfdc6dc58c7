using System.Collections.Concurrent;
using System.Text.Json;
using DerSim.Ocpp;

namespace DerSim.Csms;

/// <summary>What the reference CSMS knows of one station.</summary>
public sealed class CsmsStationState(string stationId, OcppVersion version)
{
    private Func<JsonElement>? _lastMeterValues;

    /// <summary>The station identity (last URL path segment).</summary>
    public string StationId { get; } = stationId;

    /// <summary>The version of its latest connection.</summary>
    public OcppVersion Version { get; internal set; } = version;

    /// <summary>Whether a connection is open now.</summary>
    public bool Connected { get; internal set; }

    /// <summary>How many times it connected.</summary>
    public int ConnectionCount { get; internal set; }

    /// <summary>The verdict given to its last BootNotification, or null before any.</summary>
    public CsmsBootStatus? Registration { get; internal set; }

    /// <summary>How many BootNotifications it sent.</summary>
    public int BootCount { get; internal set; }

    /// <summary>Vendor and model from its last BootNotification.</summary>
    public string? VendorModel { get; internal set; }

    /// <summary>How many Heartbeats it sent.</summary>
    public int HeartbeatCount { get; internal set; }

    /// <summary>Connector status by "evseId/connectorId" (1.6: "0/connectorId"), as last reported.</summary>
    public ConcurrentDictionary<string, string> ConnectorStatus { get; } = new(StringComparer.Ordinal);

    /// <summary>Transactions by id.</summary>
    public ConcurrentDictionary<string, CsmsTransaction> Transactions { get; } = new(StringComparer.Ordinal);

    /// <summary>The meter values of the last MeterValues or TransactionEvent that carried any, as on the wire (written on each read).</summary>
    public JsonElement? LastMeterValues => Volatile.Read(ref _lastMeterValues)?.Invoke();

    /// <summary>Counts of CALLs received per action.</summary>
    public ConcurrentDictionary<string, int> CallsReceived { get; } = new(StringComparer.Ordinal);

    /// <summary>The last firmware state the station reported (1.6 FirmwareStatusNotification), if any.</summary>
    public string? FirmwareStatus { get; internal set; }

    /// <summary>The last diagnostics upload state the station reported (1.6 DiagnosticsStatusNotification), if any.</summary>
    public string? DiagnosticsStatus { get; internal set; }

    /// <summary>Keeps the last meter values, as a way to write them.</summary>
    internal void KeepMeterValues(Func<JsonElement> write) => Volatile.Write(ref _lastMeterValues, write);
}
