using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DerSim.Ocpp.Dialects;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Sim.Engine;
using DerSim.Sim.SmartCharging;

namespace DerSim.Sim.Adapters;

/// <summary>
/// OCPP 2.1 dynamic charging profiles (chargingProfileKind Dynamic, one period whose values change while it stays
/// installed): the CSMS pushes new values with UpdateDynamicSchedule, or, when the profile carries dynUpdateInterval,
/// the station pulls them with PullDynamicScheduleUpdate every interval of simulated time while the connection lasts.
/// </summary>
internal static class V21DynamicScheduleHandlers
{
    // The pull loops of a connection by profile id: a profile installed again with the same id restarts its loop.
    private static readonly ConditionalWeakTable<StationSession, ConcurrentDictionary<int, CancellationTokenSource>> Pulls = [];

    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        peer.On<UpdateDynamicScheduleRequest, UpdateDynamicScheduleResponse>((request, _) =>
        {
            var result = Apply(engine, request.ChargingProfileId, request.ScheduleUpdate, "UpdateDynamicSchedule");
            if (result.IsAccepted)
            {
                session.AfterAnswer("UpdateDynamicSchedule", engine.Bidirectional.ReportOperationModesAsync);
            }

            return ValueTask.FromResult(new UpdateDynamicScheduleResponse(result.IsAccepted ? ChargingProfileStatusEnumType.Accepted : ChargingProfileStatusEnumType.Rejected)
            {
                StatusInfo = result.ReasonCode is { } reason ? new StatusInfoType(reason) { AdditionalInfo = Ocpp2Dialect.V21.StatusInfoText(result.Detail) } : null,
            });
        });
    }

    /// <summary>
    /// After a SetChargingProfile was accepted: a Dynamic profile with dynUpdateInterval starts (or restarts) its pull
    /// loop, the first pull one interval after the install.
    /// </summary>
    public static void AfterInstall(OcppRpcPeer peer, StationSession session, StationEngine engine, ChargingProfile profile)
    {
        if (profile is not { Kind: ChargingProfileKind.Dynamic, DynUpdateInterval: { } interval } || interval <= TimeSpan.Zero)
        {
            return;
        }

        var loops = Pulls.GetValue(session, _ => new ConcurrentDictionary<int, CancellationTokenSource>());
        var stop = CancellationTokenSource.CreateLinkedTokenSource(session.SessionToken);
        if (loops.TryGetValue(profile.Id, out var previous))
        {
            previous.Cancel();
        }

        loops[profile.Id] = stop;
        _ = Task.Run(() => PullAsync(peer, session, engine, profile.Id, interval, stop.Token), CancellationToken.None);
    }

    private static async Task PullAsync(OcppRpcPeer peer, StationSession session, StationEngine engine, int profileId, TimeSpan interval, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(interval, session.Time, ct).ConfigureAwait(false);
                // A profile cleared, replaced by another kind or ended with its transaction is pulled no more.
                if (engine.Profiles.DynamicProfile(profileId) is null)
                {
                    return;
                }

                PullDynamicScheduleUpdateResponse answer;
                try
                {
                    answer = await peer.CallAsync<PullDynamicScheduleUpdateRequest, PullDynamicScheduleUpdateResponse>(new PullDynamicScheduleUpdateRequest(profileId), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (OcppCallFailure.IsBadAnswer(ex))
                {
                    // The CALLERROR or silence stays in the traffic for the verdict; the next interval asks again.
                    engine.Log($"PullDynamicScheduleUpdate for profile {profileId} not answered: {ex.Message}");
                    continue;
                }

                if (answer is { Status: ChargingProfileStatusEnumType.Accepted, ScheduleUpdate: { } update })
                {
                    if (Apply(engine, profileId, update, "PullDynamicScheduleUpdate").IsAccepted)
                    {
                        await engine.Bidirectional.ReportOperationModesAsync(ct).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended or the profile was installed again.
        }
    }

    private static ProfileInstallResult Apply(StationEngine engine, int profileId, ChargingScheduleUpdateType update, string how)
    {
        var result = engine.Profiles.UpdateDynamic(profileId, new DynamicScheduleUpdate(update.Limit, update.DischargeLimit, update.Setpoint));
        engine.Log(result.IsAccepted
            ? $"{how}: dynamic profile {profileId} now has limit {update.Limit?.ToString() ?? "-"}, dischargeLimit {update.DischargeLimit?.ToString() ?? "-"}, setpoint {update.Setpoint?.ToString() ?? "-"}"
            : $"{how}: dynamic profile {profileId} not updated: {result.Detail}");
        return result;
    }
}
