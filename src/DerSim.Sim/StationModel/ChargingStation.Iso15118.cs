namespace DerSim.Sim.StationModel;

public sealed partial class ChargingStation
{
    /// <summary>
    /// The station's V2G Charging Station Certificate: the SECC's certificate towards the EV in ISO 15118's TLS, signed
    /// by the CSMS on a SignCertificate with certificateType V2GCertificate (OCPP 2.0.1 A02/A03 for the V2G certificate),
    /// listed as the V2GCertificateChain (M03.FR.05) and checked with GetCertificateStatus (M06).
    /// </summary>
    public StationCertificate V2GCertificate { get; } = new();

    /// <summary>The Plug &amp; Charge certificates of the EV at the station (ISO 15118 contract certificate, OCPP 2.0.1 M01/M02).</summary>
    public EvContractCertificates EvContract { get; } = new();
}
