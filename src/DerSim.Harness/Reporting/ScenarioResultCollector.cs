using DerSim.Gherkin.Model;
using DerSim.Gherkin.Glue;

namespace DerSim.Harness.Reporting;

/// <summary>A run listener that keeps every scenario's result, for JUnit XML and the console summary.</summary>
public sealed class ScenarioResultCollector : IGherkinRunListener
{
    private readonly Lock _gate = new();
    private readonly List<ScenarioResult> _results = [];

    /// <summary>The results so far, in the order scenarios finished.</summary>
    public IReadOnlyList<ScenarioResult> Results
    {
        get
        {
            lock (_gate)
            {
                return [.. _results];
            }
        }
    }

    /// <inheritdoc />
    public void ScenarioFinished(ScenarioFinishedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_gate)
        {
            _results.Add(e.Result);
        }
    }
}
