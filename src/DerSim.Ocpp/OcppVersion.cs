namespace DerSim.Ocpp;

/// <summary>The OCPP-J protocol versions DerSim speaks.</summary>
public enum OcppVersion
{
    /// <summary>OCPP 1.6 JSON, including the security extension.</summary>
    V16,

    /// <summary>OCPP 2.0.1.</summary>
    V201,

    /// <summary>OCPP 2.1 Edition 1.</summary>
    V21,
}
