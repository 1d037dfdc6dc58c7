namespace DerSim.Sim.Engine;

/// <summary>What happened at the EVSE of a running step-driven transaction; its session loop reports it (2.x E01–E10).</summary>
internal enum TransactionInputKind
{
    /// <summary>A token was accepted for a transaction started without one.</summary>
    TokenAuthorized,

    /// <summary>The EV plugged in (or its cable was plugged back in at the EV).</summary>
    PluggedIn,

    /// <summary>The driver stopped at the station.</summary>
    StopAuthorized,

    /// <summary>The cable was pulled at the station (the EV is gone).</summary>
    Unplugged,

    /// <summary>The cable was pulled at the EV; the connector stays locked at the station.</summary>
    EvSideDisconnected,

    /// <summary>The EV left the parking bay.</summary>
    LeftBay,

    /// <summary>The EV paused or resumed on its own side: report its charging state now.</summary>
    EvStateChanged,

    /// <summary>The CSMS's RequestStartTransaction authorised a transaction started without a token (2.x F01, cable plugin first).</summary>
    RemoteStarted,
}

/// <summary>An input of a running transaction: what happened, with the token when one was accepted.</summary>
internal sealed record TransactionInput(TransactionInputKind Kind, string? IdTag = null, string? IdTokenType = null);
