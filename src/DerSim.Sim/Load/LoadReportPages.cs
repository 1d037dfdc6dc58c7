namespace DerSim.Sim.Load;

/// <summary>The pages every load run writes beside its summary.json (<see cref="ILoadReportPage"/>).</summary>
public static class LoadReportPages
{
    /// <summary>The pages, in the order they are written. Empty: summary.json alone.</summary>
    public static IReadOnlyList<ILoadReportPage> All { get; } = [];
}
