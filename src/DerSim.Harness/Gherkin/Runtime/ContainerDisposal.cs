namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>
/// Disposes a scenario's, feature's or run's objects once and hands back what they threw: teardown happens after (or
/// just before) results are reported, so an error there is reported or logged, never left to end the run.
/// <see cref="Dispose"/> (a using on every other path) only makes sure it happens.
/// </summary>
internal sealed class ContainerDisposal(IDisposable container) : IDisposable
{
    private int _disposed;

    /// <summary>Disposes the container; the exception its objects threw, or null.</summary>
    public Exception? DisposeNow()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return null;
        }

        try
        {
            container.Dispose();
            return null;
        }
#pragma warning disable CA1031 // Whatever a binding's Dispose throws becomes the scenario's error or a logged line.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return OutcomeClassifier.Unwrap(ex);
        }
    }

    /// <summary>Disposes the container if <see cref="DisposeNow"/> did not; an error here has nowhere better to go than the one already in flight.</summary>
    public void Dispose() => DisposeNow();
}
