using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Engine;

/// <summary>
/// How often and how patiently a transaction-related message the CSMS failed to process is sent again (OCPP 1.6
/// §3.7.1 <c>TransactionMessageAttempts</c> / <c>TransactionMessageRetryInterval</c>; OCPP 2.0.1 E13.FR.02–04,
/// <c>OCPPCommCtrlr.MessageAttempts</c> / <c>MessageAttemptInterval</c>, instance <c>TransactionEvent</c>).
/// </summary>
/// <param name="Attempts">Transmissions in all, the first included; after that many failures the message is discarded.</param>
/// <param name="Interval">The base wait before a retransmission.</param>
public sealed record TransactionMessageRetry(int Attempts, TimeSpan Interval)
{
    /// <summary>The default value of the attempts setting.</summary>
    public const int DefaultAttempts = 3;

    /// <summary>The default value of the interval setting, in seconds.</summary>
    public const int DefaultIntervalSeconds = 60;

    /// <summary>The policy <paramref name="configuration"/> holds now (a CSMS may change it at any time).</summary>
    public static TransactionMessageRetry From(StationConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new TransactionMessageRetry(
            Math.Max(1, configuration.GetInt("TransactionMessageAttempts", DefaultAttempts)),
            TimeSpan.FromSeconds(configuration.GetInt("TransactionMessageRetryInterval", DefaultIntervalSeconds)));
    }

    /// <summary>
    /// The wait before the next transmission after <paramref name="transmissions"/> failed ones: the interval multiplied by
    /// the number of preceding transmissions (1.6 §3.7.1, 2.0.1 E13.FR.03), so 60 s, then 120 s, ….
    /// </summary>
    public TimeSpan DelayAfter(int transmissions) => Interval * transmissions;
}
