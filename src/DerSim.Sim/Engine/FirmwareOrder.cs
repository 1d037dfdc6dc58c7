namespace DerSim.Sim.Engine;

/// <summary>A firmware update the CSMS asked for, version-neutral (2.x UpdateFirmwareRequest).</summary>
/// <param name="RequestId">The CSMS's id of the request; every status report of the update carries it.</param>
/// <param name="Location">Where to fetch the image (firmware.location).</param>
/// <param name="RetrieveAt">When to fetch it, at the earliest (firmware.retrieveDateTime).</param>
/// <param name="InstallAt">When to install it, at the earliest (firmware.installDateTime); null: as soon as it is verified.</param>
/// <param name="SigningCertificate">The signing certificate in PEM (firmware.signingCertificate).</param>
/// <param name="Signature">The base64 signature of the image (firmware.signature).</param>
/// <param name="Retries">How many times to retry a failed download; null: the station's default.</param>
/// <param name="RetryInterval">Seconds between download attempts; null: the station's default.</param>
/// <param name="Unsigned">
/// An update without a signing certificate or signature (OCPP 1.6 UpdateFirmware): no certificate to judge, no signature
/// to verify; the connectors go Unavailable while it installs and come back after the reboot (the 1.6 flow the OCA
/// cases TC_044_x play). The default value is <see langword="false"/>: a secure update.
/// </param>
public sealed record FirmwareOrder(
    int RequestId,
    string Location,
    DateTimeOffset RetrieveAt,
    DateTimeOffset? InstallAt,
    string? SigningCertificate,
    string? Signature,
    int? Retries,
    int? RetryInterval,
    bool Unsigned = false);
