using System.Collections.Concurrent;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;

namespace DerSim.Csms;

/// <summary>
/// The reference CSMS's part in the OCPP 1.6 security extension: it signs the station's CSR with its CA
/// (<see cref="CsmsCertificateAuthority"/>, shared with 2.x) and sends the chain in CertificateSigned. The other
/// notifications of the extension (SecurityEventNotification, LogStatusNotification, SignedFirmwareStatusNotification)
/// carry nothing to answer but the empty confirmation, which <see cref="CsmsContext.HandleTheRestMinimally"/> gives.
/// </summary>
internal static class V16CsmsSecurityHandlers
{
    public static void Register(CsmsContext context, CsmsCertificateAuthority authority)
    {
        var peer = context.Peer;
        var toSend = new ConcurrentQueue<CertificateSignedRequest?>();

        // Whitepaper 2.2: a CSR the CSMS can sign is Accepted and the signed chain follows in CertificateSigned once the
        // answer is out; one it cannot sign is Rejected.
        context.Handle<SignCertificateRequest, SignCertificateResponse>(request =>
        {
            var (chain, _) = authority.Sign(request.Csr, context.State.StationId);
            toSend.Enqueue(chain is null ? null : new CertificateSignedRequest(chain));
            return new SignCertificateResponse(chain is null ? GenericStatusEnumType.Rejected : GenericStatusEnumType.Accepted);
        });

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
