namespace DerSim.Ocpp.Transport;

/// <summary>
/// Exponential back-off with full jitter between connection attempts: attempt n waits a random time in
/// [0, min(<see cref="MaxDelay"/>, <see cref="InitialDelay"/> × <see cref="Factor"/>^(n−1))], so a fleet of
/// stations dropped together does not reconnect in lockstep.
/// </summary>
public sealed record OcppReconnectPolicy
{
    /// <summary>The ceiling of the first wait. The default value is 1 second.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest ceiling. The default value is 60 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How much the ceiling grows per failed attempt. The default value is 2.</summary>
    public double Factor { get; init; } = 2.0;

    /// <summary>Draw the wait uniformly below the ceiling (full jitter). The default value is <see langword="true"/>.</summary>
    public bool Jitter { get; init; } = true;

    /// <summary>
    /// Give up after this many consecutive failed attempts; a connection that opened but closed before it was established
    /// counts as failed. The default value is <see langword="null"/> (retry forever).
    /// </summary>
    public int? MaxAttempts { get; init; }

    /// <summary>
    /// How long a connection must stay up to count as established when the session does not say so first
    /// (<see cref="OcppClient.MarkEstablished"/>, e.g. a BootNotification accepted). Only an established connection resets
    /// the back-off and the attempt count. The default value is 60 seconds.
    /// </summary>
    public TimeSpan StablePeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayFor(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ceiling = InitialDelay.TotalMilliseconds * Math.Pow(Factor, Math.Min(attempt - 1, 64));
        ceiling = Math.Min(ceiling, MaxDelay.TotalMilliseconds);
        var delay = Jitter ? random.NextDouble() * ceiling : ceiling;
        return TimeSpan.FromMilliseconds(delay);
    }
}
