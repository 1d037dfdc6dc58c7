using System.Collections.Concurrent;
using DerSim.Sim.Ocpp.Rpc;

namespace DerSim.Sim.Runtime;

/// <summary>
/// Holds simulated time still from a CALL to its answer, either way, so a discrete-event clock never jumps while
/// the CSMS is still speaking (a SetChargingProfile arriving between two samples applies to the next one).
/// </summary>
internal sealed class CallHolds(SimulationClock clock) : IDisposable
{
    private readonly ConcurrentDictionary<string, IDisposable> _open = new(StringComparer.Ordinal);

    public void OnFrame(OcppFrameEvent frame)
    {
        if (frame.MessageId is not { } id || frame.MessageType is not { } type)
        {
            return;
        }

        // Ids are keyed by who sent the CALL: each side numbers its own.
        var ours = frame.Direction == FrameDirection.Outbound;
        if (type == OcppMessageType.Call)
        {
            var key = (ours ? "out:" : "in:") + id;
            var hold = clock.Hold();
            if (!_open.TryAdd(key, hold))
            {
                hold.Dispose();
            }
        }
        else if (type is OcppMessageType.CallResult or OcppMessageType.CallError or OcppMessageType.CallResultError)
        {
            if (_open.TryRemove((ours ? "in:" : "out:") + id, out var hold))
            {
                hold.Dispose();
            }
        }
    }

    /// <summary>Lets time move again for every exchange still open (the connection ended).</summary>
    public void Dispose()
    {
        foreach (var key in _open.Keys)
        {
            if (_open.TryRemove(key, out var hold))
            {
                hold.Dispose();
            }
        }
    }
}
