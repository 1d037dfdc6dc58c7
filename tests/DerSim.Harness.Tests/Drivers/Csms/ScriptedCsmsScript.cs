namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>How a <see cref="ScriptedCsms"/> behaves; everything else it answers as a plain CSMS would.</summary>
public sealed record ScriptedCsmsScript
{
    /// <summary>The CSMS's clock at start (it runs on in real time); null: 3 years ahead of the real clock.</summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>How long the answer to TransactionEvent Started waits. The default value is none.</summary>
    public TimeSpan StartAnswerDelay { get; init; }

    /// <summary>The HTTP status of every WebSocket upgrade instead of 101, when set.</summary>
    public int? RefuseUpgradeWith { get; init; }

    /// <summary>The heartbeat interval its boot answers give, in s. The default value is 300.</summary>
    public int BootInterval { get; init; } = 300;

    /// <summary>An action the CSMS never answers, when set.</summary>
    public string? SilentFor { get; init; }

    /// <summary>An action the CSMS answers with a NotImplemented CALLERROR, when set.</summary>
    public string? ErrorFor { get; init; }

    /// <summary>A TransactionEvent triggerReason the CSMS answers with a NotImplemented CALLERROR (e.g. MeterValueClock), when set.</summary>
    public string? ErrorForTriggerReason { get; init; }

    /// <summary>
    /// A TransactionEvent eventType (e.g. Ended) the CSMS answers with a schema-invalid payload (a totalCost that is no
    /// number), when set.
    /// </summary>
    public string? InvalidAnswerForEventType { get; init; }

    /// <summary>Whether the answer to TransactionEvent Started leaves out idTokenInfo though the request had an idToken. The default value is <see langword="false"/>.</summary>
    public bool StartAnswerWithoutIdTokenInfo { get; init; }

    /// <summary>CALLs the CSMS sends of its own, this long after it answered a boot (action, payload JSON).</summary>
    public IReadOnlyList<(TimeSpan After, string Action, string Payload)> AfterBoot { get; init; } = [];
}
