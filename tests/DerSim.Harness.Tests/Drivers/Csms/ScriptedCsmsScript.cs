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

    /// <summary>CALLs the CSMS sends of its own, this long after it answered a boot (action, payload JSON).</summary>
    public IReadOnlyList<(TimeSpan After, string Action, string Payload)> AfterBoot { get; init; } = [];

    /// <summary>The idTokenInfo.status it answers a TransactionEvent carrying an idToken with. The default value is Accepted.</summary>
    public string TransactionIdTokenStatus { get; init; } = "Accepted";

    /// <summary>Whether it leaves idTokenInfo out of its answer to a TransactionEvent carrying an idToken (breaking OCPP 2.0.1 E01.FR.12). The default value is false.</summary>
    public bool OmitTransactionIdTokenInfo { get; init; }

    /// <summary>
    /// Whether it answers a CALLERROR to a TransactionEvent whose seqNo is not above the last one the station sent, as a
    /// CSMS that expects seqNo to run on across transactions (breaking OCPP 2.0.1 E01.FR.07: each starts again at 0).
    /// The default value is false.
    /// </summary>
    public bool ErrorForRestartedSeqNo { get; init; }

    /// <summary>The tokens it does not know: Authorize and a TransactionEvent carrying one are answered Invalid. The default value is none.</summary>
    public IReadOnlyList<string> UnknownTokens { get; init; } = [];

    /// <summary>Whether it answers a TransactionEvent carrying one of <see cref="UnknownTokens"/> Accepted (not checking the token: breaking OCPP 2.0.1 E01.FR.11). The default value is false.</summary>
    public bool AcceptUnknownInTransactionEvent { get; init; }
}
