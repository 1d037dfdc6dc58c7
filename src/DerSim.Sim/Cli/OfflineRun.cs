namespace DerSim.Sim.Cli;

/// <summary>What an offline run prints.</summary>
/// <param name="Lines">Header, column heads, rows and event lines in time order, the end line and one summary per session.</param>
/// <param name="Duration">Simulated time the run covered.</param>
/// <param name="RowInterval">Simulated time between table rows: the profile's sample interval or a whole multiple of it.</param>
public sealed record OfflineRun(IReadOnlyList<OfflineLine> Lines, TimeSpan Duration, TimeSpan RowInterval);
