namespace DerSim.Gherkin.Glue;

/// <summary>Fans events out to the listeners; a listener's exception is logged, never allowed to change a result.</summary>
internal sealed class ListenerHub
{
    private readonly TextWriter? _log;
    private readonly Lock _gate = new();
    private IGherkinRunListener[] _listeners;

    public ListenerHub(IEnumerable<IGherkinRunListener> listeners, TextWriter? log)
    {
        _listeners = [.. listeners];
        _log = log;
    }

    public IReadOnlyList<IGherkinRunListener> Listeners => Volatile.Read(ref _listeners);

    public TextWriter? Log => _log;

    public void Add(IGherkinRunListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);

        // Copy on write: events raised by parallel scenarios iterate a stable array without locking.
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
    }

    public void Raise(string eventName, Action<IGherkinRunListener> raise)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                raise(listener);
            }
#pragma warning disable CA1031 // A reporter's bug must not turn a passing scenario into a failure.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (_log ?? Console.Out).WriteLine($"gherkin listener {listener.GetType().Name} threw in {eventName}: {ex}");
            }
        }
    }
}
