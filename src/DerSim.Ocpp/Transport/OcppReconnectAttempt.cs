using System.Globalization;

namespace DerSim.Ocpp.Transport;

/// <summary>A failed connection attempt and the wait before the next one.</summary>
/// <param name="Attempt">1 for the first retry after a failure or drop, then 2, 3, …</param>
/// <param name="Error">Why the previous attempt failed or the connection dropped.</param>
/// <param name="Delay">How long the client waits before trying again.</param>
public sealed record OcppReconnectAttempt(int Attempt, Exception Error, TimeSpan Delay)
{
    /// <summary>E.g. "connection refused by ws://127.0.0.1:9000/CS1, retry 3 in 4.2 s".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Error.Message}, retry {Attempt} in {Delay.TotalSeconds:0.0} s");
}
