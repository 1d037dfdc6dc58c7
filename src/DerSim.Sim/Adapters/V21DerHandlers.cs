using DerSim.Sim.Der;
using DerSim.Sim.Engine;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>The 2.1 DER control messages (R block): Set/Get/ClearDERControl, and NotifyDERStartStop / NotifyDERAlarm while the connection lasts.</summary>
internal static class V21DerHandlers
{
    public static void Register(OcppRpcPeer peer, StationSession session, StationEngine engine)
    {
        peer.On<SetDERControlRequest, SetDERControlResponse>((request, _) =>
        {
            if (V21DerConversion.FromV21(request) is not { } control)
            {
                return ValueTask.FromResult(new SetDERControlResponse(DERControlStatusEnumType.Rejected) { StatusInfo = new StatusInfoType("MissingSetting") });
            }

            var result = engine.Der.Set(control);
            return ValueTask.FromResult(new SetDERControlResponse(V21DerConversion.ToV21(result.Status))
            {
                StatusInfo = result.ReasonCode is { } reason ? new StatusInfoType(reason) : null,
                SupersededIds = result.SupersededIds.Count > 0 ? [.. result.SupersededIds.Take(DerController.MaxListItems)] : null,
            });
        });

        peer.On<GetDERControlRequest, GetDERControlResponse>((request, _) =>
        {
            var found = engine.Der.Controller.Get(request.IsDefault, request.ControlType is { } t ? V21DerConversion.FromV21(t) : null, request.ControlId);
            if (found.Count == 0)
            {
                return ValueTask.FromResult(new GetDERControlResponse(DERControlStatusEnumType.NotFound));
            }

            session.AfterAnswer("GetDERControl", async ct =>
            {
                foreach (var report in V21DerConversion.ToV21Reports(request.RequestId, found))
                {
                    await peer.CallAsync<ReportDERControlRequest, ReportDERControlResponse>(report, ct).ConfigureAwait(false);
                }
            });
            return ValueTask.FromResult(new GetDERControlResponse(DERControlStatusEnumType.Accepted));
        });

        peer.On<ClearDERControlRequest, ClearDERControlResponse>((request, _) =>
        {
            var removed = engine.Der.Clear(request.IsDefault, request.ControlType is { } t ? V21DerConversion.FromV21(t) : null, request.ControlId);
            return ValueTask.FromResult(new ClearDERControlResponse(removed > 0 ? DERControlStatusEnumType.Accepted : DERControlStatusEnumType.NotFound));
        });

        // Through the outbox, not the peer: the loop starts with the connection, before the boot is accepted, and a
        // notification must not go out before that; offline ones wait for the next connection, in order with the
        // transaction messages, stamped with the instant they happened.
        engine.Der.RunNotifications((notification, ct) => notification switch
        {
            DerStartStop s => SendAsync(
                engine,
                "NotifyDERStartStop",
                new NotifyDERStartStopRequest(s.ControlId, s.Started, s.At) { SupersededIds = s.SupersededIds.Count > 0 ? [.. s.SupersededIds] : null },
                ct),
            DerAlarm a => SendAsync(
                engine,
                "NotifyDERAlarm",
                new NotifyDERAlarmRequest(V21DerConversion.ToV21(a.ControlType), a.At) { GridEventFault = V21DerConversion.ToV21(a.Fault), AlarmEnded = a.Ended },
                ct),
            _ => Task.CompletedTask,
        }, session.SessionToken);
    }

    private static Task SendAsync<TRequest>(StationEngine engine, string action, TRequest request, CancellationToken ct)
        where TRequest : notnull =>
        engine.Outbox.CallAsync(action, OcppJson.SerializeToElement(request, typeof(TRequest), OcppActionTables.For(OcppVersion.V21)), OutboxDelivery.Transaction, ct);
}
