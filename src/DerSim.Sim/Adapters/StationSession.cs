using System.Collections.Concurrent;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Ocpp.Rpc;

namespace DerSim.Sim.Adapters;

/// <summary>
/// What handlers need while one connection lasts: the station, the clock, and a way to act after an answer
/// has gone out (a triggered message must follow the TriggerMessage answer on the wire, not race it).
/// </summary>
public sealed class StationSession
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<CancellationToken, Task>>> _afterAnswer = new(concurrencyLevel: 1, capacity: 2, StringComparer.Ordinal);
    private readonly Action<Exception> _onDeferredError;

    /// <summary>Creates the session of <paramref name="station"/> on <paramref name="peer"/>.</summary>
    public StationSession(ChargingStation station, OcppRpcPeer peer, IVersionAdapter adapter, TimeProvider time, Action<Exception> onDeferredError, CancellationToken sessionToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        Station = station;
        Peer = peer;
        Adapter = adapter;
        Time = time;
        SessionToken = sessionToken;
        _onDeferredError = onDeferredError;
        peer.Frame += OnFrame;
    }

    /// <summary>The station.</summary>
    public ChargingStation Station { get; }

    /// <summary>The connection to the CSMS.</summary>
    public OcppRpcPeer Peer { get; }

    /// <summary>The version adapter in use.</summary>
    public IVersionAdapter Adapter { get; }

    /// <summary>The station's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The station's behaviour (sessions, smart charging), when the runner has one; handlers of transactions and profiles need it.</summary>
    public Engine.StationEngine? Engine { get; init; }

    /// <summary>Cancelled when the connection ends.</summary>
    public CancellationToken SessionToken { get; }

    /// <summary>Runs <paramref name="work"/> once our answer to the next <paramref name="action"/> CALL is on the wire.</summary>
    public void AfterAnswer(string action, Func<CancellationToken, Task> work) =>
        _afterAnswer.GetOrAdd(action, _ => new ConcurrentQueue<Func<CancellationToken, Task>>()).Enqueue(work);

    /// <summary>Reports the status of <paramref name="connectors"/> after the answer to <paramref name="action"/>.</summary>
    public void ReportStatusAfterAnswer(string action, IEnumerable<StationConnector> connectors)
    {
        var list = connectors.ToList();
        if (list.Count == 0)
        {
            return;
        }

        AfterAnswer(action, async ct =>
        {
            foreach (var connector in list)
            {
                await Adapter.SendStatusAsync(Peer, Station, connector, ct).ConfigureAwait(false);
            }
        });
    }

    private void OnFrame(OcppFrameEvent frame)
    {
        if (frame.Direction != FrameDirection.Outbound
            || frame.MessageType is not (OcppMessageType.CallResult or OcppMessageType.CallError)
            || frame.Action is null
            || !_afterAnswer.TryGetValue(frame.Action, out var queue)
            || !queue.TryDequeue(out var work))
        {
            return;
        }

        // Off the sending path: the work makes CALLs of its own, which must not wait inside the frame event.
        _ = Task.Run(async () =>
        {
            try
            {
                await work(SessionToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException)
            {
                // The connection ended first; the next session reports the state afresh.
            }
            catch (Exception ex)
            {
                _onDeferredError(ex);
            }
        });
    }
}
