namespace DerSim.Sim.StationModel;

/// <summary>What installing a CA certificate came to (OCPP 2.x InstallCertificateStatusEnumType).</summary>
public enum InstallCertificateOutcome
{
    /// <summary>Installed (or already there).</summary>
    Accepted,

    /// <summary>The certificate is invalid or incorrect: not a PEM certificate, not a CA, outside its validity, or its signature does not verify.</summary>
    Rejected,

    /// <summary>A valid certificate the store could not take.</summary>
    Failed,
}

/// <summary>What deleting a certificate came to (OCPP 2.x DeleteCertificateStatusEnumType).</summary>
public enum DeleteCertificateOutcome
{
    /// <summary>Removed from the store.</summary>
    Accepted,

    /// <summary>The store could not remove it.</summary>
    Failed,

    /// <summary>No installed certificate has that hash data.</summary>
    NotFound,
}
