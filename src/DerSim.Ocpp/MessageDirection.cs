namespace DerSim.Ocpp;

/// <summary>Who may send the request of an action.</summary>
public enum MessageDirection
{
    /// <summary>The charging station sends the request; the CSMS answers.</summary>
    StationToCsms,

    /// <summary>The CSMS sends the request; the charging station answers.</summary>
    CsmsToStation,

    /// <summary>Either side may send it (DataTransfer).</summary>
    Both,
}
