namespace DerSim.Sim.Load;

/// <summary>
/// A page made from a load run's summary beside its <c>summary.json</c> (the one-page HTML report). <see cref="LoadReport"/>
/// calls every page of <see cref="LoadReportPages.All"/> after the summary is written.
/// </summary>
public interface ILoadReportPage
{
    /// <summary>Writes the page for <paramref name="summary"/> into <paramref name="folder"/>; returns the file written.</summary>
    string Write(LoadSummary summary, string folder);
}
