using BoDi;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>
/// Disposes a scenario's container once: <see cref="DisposeNow"/> at the end of a scenario hands back what its objects
/// threw, so the scenario can report it; <see cref="Dispose"/> (the using on every other path) only makes sure it happens.
/// </summary>
internal sealed class ContainerDisposal(ObjectContainer container) : IDisposable
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
#pragma warning disable CA1031 // Whatever a binding's Dispose throws becomes the scenario's error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return OutcomeClassifier.Unwrap(ex);
        }
    }

    /// <summary>Disposes the container if <see cref="DisposeNow"/> did not; an error here has nowhere better to go than the one already in flight.</summary>
    public void Dispose() => DisposeNow();
}
