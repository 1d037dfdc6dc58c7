namespace DerSim.Bench.Sessions;

/// <summary>What one station's run measured.</summary>
/// <param name="StationId">The station's id at the CSMS.</param>
/// <param name="Wall">Wall time from the runner's start (connect, boot) to the end of its sessions.</param>
/// <param name="ToBoot">Wall time from the runner's start to the BootNotification answer.</param>
/// <param name="Simulated">Virtual time the station's clock moved over the run.</param>
/// <param name="Frames">Frames on the station's connection, both directions.</param>
/// <param name="SampleInterval">The interval between meter samples the station used.</param>
/// <param name="Failure">Why the run is not a valid measurement, or null.</param>
public sealed record StationResult(string StationId, TimeSpan Wall, TimeSpan ToBoot, TimeSpan Simulated, int Frames, TimeSpan SampleInterval, string? Failure)
{
    /// <summary>Simulated seconds per wall second.</summary>
    public double Speed => Simulated.TotalSeconds / Wall.TotalSeconds;
}
