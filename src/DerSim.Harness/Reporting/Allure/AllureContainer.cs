namespace DerSim.Harness.Reporting.Allure;

/// <summary>The hooks around some results, as the allure2 model's <c>&lt;uuid&gt;-container.json</c>.</summary>
public sealed record AllureContainer
{
    /// <summary>Unique per run.</summary>
    public required string Uuid { get; init; }

    /// <summary>What the hooks wrap (the scenario or the feature).</summary>
    public required string Name { get; init; }

    /// <summary>The uuids of the results the hooks ran for.</summary>
    public required IReadOnlyList<string> Children { get; init; }

    /// <summary>Hooks that ran before.</summary>
    public IReadOnlyList<AllureStep> Befores { get; init; } = [];

    /// <summary>Hooks that ran after.</summary>
    public IReadOnlyList<AllureStep> Afters { get; init; } = [];

    /// <summary>Epoch milliseconds.</summary>
    public long Start { get; init; }

    /// <summary>Epoch milliseconds.</summary>
    public long Stop { get; init; }
}
