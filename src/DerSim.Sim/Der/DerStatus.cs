namespace DerSim.Sim.Der;

/// <summary>The outcome of a DER request, version-neutral (OCPP 2.1 DERControlStatusEnumType).</summary>
public enum DerStatus
{
    /// <summary>Done.</summary>
    Accepted,

    /// <summary>Refused: the request's shape does not fit its control type.</summary>
    Rejected,

    /// <summary>The station does not support this control type.</summary>
    NotSupported,

    /// <summary>Nothing matched.</summary>
    NotFound,
}
