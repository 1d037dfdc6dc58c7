namespace DerSim.Sim.StationModel;

/// <summary>What the station makes of a firmware signing certificate (2.0.1 L01: UpdateFirmware's answer).</summary>
public enum FirmwareCertificateVerdict
{
    /// <summary>Chained to a trusted manufacturer root, valid now, not revoked.</summary>
    Valid,

    /// <summary>Absent, unreadable, not chained to a trusted root, or outside its validity: answer InvalidCertificate.</summary>
    Invalid,

    /// <summary>Chained, but revoked: answer RevokedCertificate.</summary>
    Revoked,
}
