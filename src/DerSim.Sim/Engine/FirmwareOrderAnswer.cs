namespace DerSim.Sim.Engine;

/// <summary>The station's answer to a firmware update request (2.x UpdateFirmwareResponse.status).</summary>
public enum FirmwareOrderAnswer
{
    /// <summary>Accepted; the update starts after the answer.</summary>
    Accepted,

    /// <summary>Refused: an update it cannot cancel is under way (L01.FR.27).</summary>
    Rejected,

    /// <summary>Accepted, and the update under way is cancelled (L01.FR.24).</summary>
    AcceptedCanceled,

    /// <summary>The signing certificate is missing, unreadable or not chained to a manufacturer root.</summary>
    InvalidCertificate,

    /// <summary>The signing certificate is revoked.</summary>
    RevokedCertificate,
}
