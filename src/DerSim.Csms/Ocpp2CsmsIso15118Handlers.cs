using DerSim.Ocpp.V21;

namespace DerSim.Csms;

/// <summary>
/// The reference CSMS's part in the EV's certificates (OCPP 2.0.1 and 2.1 M01/M02 Get15118EVCertificate, M06
/// GetCertificateStatus), answered from its own ISO 15118 PKI (<see cref="CsmsCertificateAuthority"/>) in DerSim's
/// EXI-free stand-in (see the station's EvContractCertificates): what a CSMS relays to a contract certificate pool or
/// an OCSP responder, the reference CSMS answers itself.
/// </summary>
internal static class Ocpp2CsmsIso15118Handlers
{
    public static void Register(CsmsContext context, CsmsCertificateAuthority authority)
    {
        // M01.FR.01 / M02.FR.01: the CSMS relays the EV's request and returns the raw response for the EV; the stand-in
        // request is the EV's certificate (DER, base64), the response the contract chain (PEM, base64). Anything else
        // the reference CSMS cannot process (it speaks no EXI) and answers Failed (M01.FR.02).
        context.Handle<Get15118EVCertificateRequest, Get15118EVCertificateResponse>(request =>
        {
            byte[] presented;
            try
            {
                presented = Convert.FromBase64String(request.ExiRequest);
            }
            catch (FormatException)
            {
                return Failed("the exiRequest is not base64");
            }

            var (chain, _, refusal) = authority.IssueContract(presented);
            return chain is null
                ? Failed(refusal ?? "no contract certificate")
                : new Get15118EVCertificateResponse(Iso15118EVCertificateStatusEnumType.Accepted, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(chain)));
        });

        // M06.FR.01/02/08/09: the OCSP response (RFC 6960, DER, base64) for a certificate of its own PKI; for one of
        // another CA the reference CSMS has no responder to ask and answers Failed.
        context.Handle<GetCertificateStatusRequest, GetCertificateStatusResponse>(request =>
        {
            var data = request.OcspRequestData;
            var ocsp = authority.OcspResponse(data.HashAlgorithm.ToString(), data.IssuerNameHash, data.IssuerKeyHash, data.SerialNumber);
            return ocsp is null
                ? new GetCertificateStatusResponse(GetCertificateStatusEnumType.Failed) { StatusInfo = new StatusInfoType("UnknownCertificate") { AdditionalInfo = "the reference CSMS answers OCSP only for certificates of its own CA" } }
                : new GetCertificateStatusResponse(GetCertificateStatusEnumType.Accepted) { OcspResult = Convert.ToBase64String(ocsp) };
        });
    }

    private static Get15118EVCertificateResponse Failed(string why) =>
        new(Iso15118EVCertificateStatusEnumType.Failed, "") { StatusInfo = new StatusInfoType("ProcessingError") { AdditionalInfo = why.Length <= 512 ? why : why[..512] } };
}
