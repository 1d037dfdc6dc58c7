using DerSim.Ocpp.Rpc;

namespace DerSim.Fuzz;

/// <summary>
/// Delivers one frame, then reports the pipe closed; keeps what the peer sends. Shared by the fuzz target and the
/// property tests (linked into DerSim.Sim.Tests), so both drive the real peer the same way.
/// </summary>
internal sealed class OneFrameChannel(string frame) : IOcppChannel
{
    private string? _frame = frame;

    public List<string> Sent { get; } = [];

    public ValueTask SendAsync(string text, CancellationToken ct)
    {
        lock (Sent)
        {
            Sent.Add(text);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> ReceiveAsync(CancellationToken ct)
    {
        var next = _frame;
        _frame = null;
        return ValueTask.FromResult(next);
    }

    public ValueTask CloseAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
