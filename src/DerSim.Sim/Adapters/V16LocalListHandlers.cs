using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V16;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>The 1.6 LocalAuthListManagement profile (§5.10 GetLocalListVersion, §5.15 SendLocalList) on the station's <see cref="LocalAuthList"/>.</summary>
internal static class V16LocalListHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session)
    {
        var list = session.Station.LocalAuthList;

        // 1.6 §5.10: -1 when the station keeps no local list, 0 while it is empty (never sent), else its version.
        peer.On<GetLocalListVersionRequest, GetLocalListVersionResponse>((_, _) =>
            ValueTask.FromResult(new GetLocalListVersionResponse(list.Enabled ? list.Version : -1)));

        peer.On<SendLocalListRequest, SendLocalListResponse>((request, _) =>
        {
            var entries = (request.LocalAuthorizationList ?? [])
                .Select(e => new LocalListEntry(e.IdTag, e.IdTagInfo is { } info ? new CachedToken(info.Status.ToString(), info.ParentIdTag, null) : null))
                .ToList();
            var outcome = list.Apply(request.ListVersion, request.UpdateType == UpdateType.Full, entries);
            return ValueTask.FromResult(new SendLocalListResponse(outcome switch
            {
                LocalListOutcome.Accepted => SendLocalListStatus.Accepted,
                LocalListOutcome.NotSupported => SendLocalListStatus.NotSupported,
                LocalListOutcome.VersionMismatch => SendLocalListStatus.VersionMismatch,
                _ => SendLocalListStatus.Failed,
            }));
        });
    }
}
