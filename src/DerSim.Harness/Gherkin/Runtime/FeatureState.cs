using System.Globalization;
using BoDi;
using DerSim.Harness.Gherkin.Model;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>
/// A feature while its scenarios run: its container and context, whether its BeforeFeature hooks ran (once, whichever
/// scenario comes first) and how many of its scenarios are still to come (AfterFeature runs when none are).
/// </summary>
internal sealed class FeatureState : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _remaining;
    private bool _started;
    private int _finished;

    public FeatureState(FeatureDocument feature, ObjectContainer runContainer)
    {
        Feature = feature;
        _remaining = feature.Scenarios.Count;
        Info = InfoOf(feature);
        Context = new FeatureContext(Info);
        Container = new ObjectContainer(runContainer);
        Container.RegisterInstanceAs(Context);
    }

    public FeatureDocument Feature { get; }

    public FeatureInfo Info { get; }

    public FeatureContext Context { get; }

    public ObjectContainer Container { get; }

    /// <summary>The first error of a BeforeFeature hook; every scenario of the feature is Broken by it.</summary>
    public (Exception Error, string Hook)? StartError { get; private set; }

    /// <summary>Runs <paramref name="start"/> the first time only; later callers wait for it.</summary>
    public async Task EnsureStartedAsync(Func<Task<(Exception, string)?>> start)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_started)
            {
                _started = true;
                StartError = await start().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts a scenario as done; true when it was the last one.</summary>
    public bool ScenarioDone() => Interlocked.Decrement(ref _remaining) == 0;

    /// <summary>Claims the right to finish the feature (true once).</summary>
    public bool TryFinish() => Volatile.Read(ref _started) && Interlocked.Exchange(ref _finished, 1) == 0;

    public void Dispose()
    {
        Container.Dispose();
        _gate.Dispose();
    }

    private static FeatureInfo InfoOf(FeatureDocument feature)
    {
        CultureInfo language;
        try
        {
            language = CultureInfo.GetCultureInfo(feature.Language);
        }
        catch (CultureNotFoundException)
        {
            language = CultureInfo.InvariantCulture; // Gherkin dialects such as "em" (emoji) are no .NET culture.
        }

        var slash = feature.RelativePath.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : feature.RelativePath[..slash];
        return new FeatureInfo(feature.Title, feature.Description, feature.Tags, language, feature.RelativePath, folder);
    }
}
