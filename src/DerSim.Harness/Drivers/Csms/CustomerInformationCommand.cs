using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>CustomerInformation (2.x): report and/or clear what the station holds about one customer.</summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
/// <param name="RequestId">The request's id; the CSMS numbers its own (<see cref="ChosenByCsms"/>).</param>
/// <param name="Report">Whether the station is to report the customer's data (NotifyCustomerInformation).</param>
/// <param name="Clear">Whether the station is to clear the customer's data.</param>
/// <param name="IdToken">The customer's idToken, or null.</param>
/// <param name="IdTokenType">The 2.x type of <paramref name="IdToken"/>; null for the type its text fits.</param>
/// <param name="CustomerIdentifier">The customer's identifier, or null.</param>
public sealed record CustomerInformationCommand(
    string StationId,
    OcppVersion Version,
    int RequestId,
    bool Report,
    bool Clear,
    string? IdToken = null,
    string? IdTokenType = null,
    string? CustomerIdentifier = null) : CsmsCommand(StationId, Version)
{
    /// <inheritdoc />
    public override CsmsActionKind Kind => CsmsActionKind.CustomerInformation;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> ChosenByCsms => ["requestId"];

    /// <inheritdoc />
    protected override string? ActionIn(OcppVersion version) => version == OcppVersion.V16 ? null : "CustomerInformation";

    /// <inheritdoc />
    protected override object Request() => new Ocpp2.CustomerInformationRequest(RequestId, Report, Clear)
    {
        IdToken = IdToken is { } token ? new Ocpp2.IdTokenType(token, IdTokenType ?? Ocpp.Dialects.IdTokenTypes.Fitting(token)) : null,
        CustomerIdentifier = CustomerIdentifier,
    };
}
