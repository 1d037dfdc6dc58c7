using DerSim.Ocpp;
using V16 = DerSim.Ocpp.V16;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// 2.x UpdateFirmware: a (secure) firmware update of the station from a URL, with the signing certificate and the
/// image's signature (2.0.1 L01). OCPP 1.6 UpdateFirmware (FirmwareManagement, §5.19) is the same idea without a
/// signature: location, retrieveDate, retries and retryInterval; with a signing certificate and a signature given it is
/// the 1.6 security extension's SignedUpdateFirmware (one of the two alone has no 1.6 action).
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="RequestId">The request id asked for (the CSMS numbers its requests itself, see <see cref="ChosenByCsms"/>); 1.6 has none.</param>
/// <param name="Location">firmware.location: the URL of the image.</param>
/// <param name="RetrieveDateTime">firmware.retrieveDateTime (1.6 retrieveDate): when to fetch it (the CSMS stamps it itself).</param>
/// <param name="SigningCertificate">firmware.signingCertificate: the PEM signing certificate; null for none.</param>
/// <param name="Signature">firmware.signature: the base64 signature of the image; null for none.</param>
/// <param name="InstallDateTime">firmware.installDateTime: when to install, at the earliest; null for as soon as possible.</param>
/// <param name="Retries">How many times the station retries a failed download; null for its default.</param>
/// <param name="RetryInterval">Seconds between download attempts; null for the station's default.</param>
public sealed record UpdateFirmwareCommand(
    string StationId,
    OcppVersion Version,
    int RequestId,
    string Location,
    DateTimeOffset RetrieveDateTime,
    string? SigningCertificate,
    string? Signature,
    DateTimeOffset? InstallDateTime = null,
    int? Retries = null,
    int? RetryInterval = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.UpdateFirmware;

    /// <summary>The request id and the retrieval time are the CSMS's own: it numbers its requests and stamps the time.</summary>
    public override IReadOnlyCollection<string> ChosenByCsms => ["requestId", "firmware.retrieveDateTime", "retrieveDate"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) =>
        version != OcppVersion.V16 ? "UpdateFirmware" : IsSigned ? "SignedUpdateFirmware" : SigningCertificate is null && Signature is null ? "UpdateFirmware" : null;

    // 1.6: a signing certificate and a signature make the update the security extension's SignedUpdateFirmware.
    private bool IsSigned => SigningCertificate is not null && Signature is not null;

    /// <inheritdoc />
    protected override object Request() => Version == OcppVersion.V16
        ? IsSigned
            ? new V16.SignedUpdateFirmwareRequest(RequestId, new V16.FirmwareType(Location, RetrieveDateTime, SigningCertificate!, Signature!) { InstallDateTime = InstallDateTime })
            {
                Retries = Retries,
                RetryInterval = RetryInterval,
            }
            : new V16.UpdateFirmwareRequest(Location, RetrieveDateTime) { Retries = Retries, RetryInterval = RetryInterval }
        : new Ocpp2.UpdateFirmwareRequest(
        RequestId,
        new Ocpp2.FirmwareType(Location, RetrieveDateTime)
        {
            InstallDateTime = InstallDateTime,
            SigningCertificate = SigningCertificate,
            Signature = Signature,
        })
    {
        Retries = Retries,
        RetryInterval = RetryInterval,
    };
}
