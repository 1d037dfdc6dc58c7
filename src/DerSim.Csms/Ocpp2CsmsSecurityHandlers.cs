using System.Collections.Concurrent;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;

namespace DerSim.Csms;

/// <summary>The reference CSMS's part in the station's certificate (OCPP 2.0.1 and 2.1 A02/A03): it signs the CSR.</summary>
internal static class Ocpp2CsmsSecurityHandlers
{
    public static void Register(CsmsContext context, CsmsCertificateAuthority authority)
    {
        var peer = context.Peer;
        var toSend = new ConcurrentQueue<CertificateSignedRequest?>();

        // A02.FR.11: a request the CSMS can process is Accepted; the signed chain follows in CertificateSigned once the
        // answer is out, with the certificateType of the request (A02.FR.14). One it cannot sign is Rejected.
        context.Handle<SignCertificateRequest, SignCertificateResponse>(request =>
        {
            if (request.CertificateType == CertificateSigningUseEnumType.V2GCertificate)
            {
                // A02/A03 for the V2G certificate: signed by the CA's V2G sub-CA, sent back with the request's type (A02.FR.14).
                var (v2gChain, v2gRefusal) = authority.SignV2G(request.Csr, context.State.StationId);
                toSend.Enqueue(v2gChain is null ? null : new CertificateSignedRequest(v2gChain) { CertificateType = request.CertificateType, RequestId = request.RequestId });
                return v2gChain is null
                    ? new SignCertificateResponse(GenericStatusEnumType.Rejected) { StatusInfo = new StatusInfoType("InvalidCSR") { AdditionalInfo = v2gRefusal } }
                    : new SignCertificateResponse(GenericStatusEnumType.Accepted);
            }

            if (request.CertificateType is { } type && type != CertificateSigningUseEnumType.ChargingStationCertificate)
            {
                toSend.Enqueue(null);
                return new SignCertificateResponse(GenericStatusEnumType.Rejected) { StatusInfo = new StatusInfoType("UnknownCertType") { AdditionalInfo = $"the reference CSMS signs no {type}" } };
            }

            var (chain, refusal) = authority.Sign(request.Csr, context.State.StationId);
            toSend.Enqueue(chain is null ? null : new CertificateSignedRequest(chain) { CertificateType = request.CertificateType, RequestId = request.RequestId });
            return chain is null
                ? new SignCertificateResponse(GenericStatusEnumType.Rejected) { StatusInfo = new StatusInfoType("InvalidCSR") { AdditionalInfo = refusal } }
                : new SignCertificateResponse(GenericStatusEnumType.Accepted);
        });

        Ocpp2CsmsIso15118Handlers.Register(context, authority);

        peer.Frame += frame =>
        {
            if (frame is { Direction: FrameDirection.Outbound, MessageType: OcppMessageType.CallResult or OcppMessageType.CallError, Action: "SignCertificate" }
                && toSend.TryDequeue(out var signed) && signed is not null)
            {
                // Off the sending path: the CALL waits for its own answer.
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await peer.CallAsync<CertificateSignedRequest, CertificateSignedResponse>(signed).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException or OcppConnectionClosedException or OperationCanceledException)
                    {
                        // The station's answer (or its absence) is in the recorded traffic.
                    }
                });
            }
        };
    }
}
