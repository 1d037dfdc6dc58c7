using DerSim.Ocpp.Transport;
using DerSim.Sim.Engine;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Load;

/// <summary>What a <see cref="LoadRunner"/> runs: the stations' common settings and this process's ids.</summary>
public sealed record LoadRunSettings
{
    /// <summary>This process's station ids (its shard's), in start order.</summary>
    public required IReadOnlyList<string> StationIds { get; init; }

    /// <summary>The profile every station has (its sample interval already the one in force).</summary>
    public required EvseProfile Profile { get; init; }

    /// <summary>The connection settings; each station gets a copy with its own id (and <c>{id}</c> replaced).</summary>
    public required OcppClientOptions Client { get; init; }

    /// <summary>The Basic-auth password as given, <c>{id}</c> not yet replaced; null for none.</summary>
    public string? PasswordPattern { get; init; }

    /// <summary>The client certificate and key paths as given, <c>{id}</c> not yet replaced; null for none or when <see cref="Client"/> carries one for all.</summary>
    public (string Certificate, string Key)? ClientCertificatePattern { get; init; }

    /// <summary>Every station's session plan.</summary>
    public required SessionPlan Plan { get; init; }

    /// <summary>The load flags.</summary>
    public required LoadOptions Load { get; init; }

    /// <summary>Stop cleanly after this many seconds of wall time; 0 runs until stopped or every station is done. The default value is 0.</summary>
    public double RunForSeconds { get; init; }

    /// <summary>Whether frames are validated (for the report).</summary>
    public bool Validate { get; init; } = true;

    /// <summary>The lines each station keeps per log (<c>--log_lines</c>). The default value is <see cref="StationLogBook.LoadRunCapacity"/>.</summary>
    public int LogLines { get; init; } = StationLogBook.LoadRunCapacity;

    /// <summary>How long the end waits for the CSMS to answer the transactions it ends. The default value is 5 s.</summary>
    public TimeSpan EndTransactionsBound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Keep undelivered transaction messages in DIR/&lt;station id&gt;.outbox.json; null in memory only. The default value is null.</summary>
    public string? StateDirectory { get; init; }
}
