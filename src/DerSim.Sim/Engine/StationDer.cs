using DerSim.Sim.Der;
using DerSim.Sim.Physics;
using DerSim.Sim.Timing;

namespace DerSim.Sim.Engine;

/// <summary>
/// The station's DER controls at work: the controls in force act on every EVSE through the physics, and a loop on the
/// simulation clock sends the DER notifications (NotifyDERStartStop, NotifyDERAlarm) while a connection lasts. The 2.1
/// handlers set, get and clear the controls.
/// </summary>
public sealed class StationDer
{
    private readonly Lock _gate = new();
    private readonly SimulationClock _clock;
    private readonly SimulatedGrid _grid;
    private readonly SharedPhysics _physics;
    private readonly Action<string> _log;
    private DerController? _controller;
    private IDisposable? _actor;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _loop;

    internal StationDer(SimulationClock clock, SimulatedGrid grid, SharedPhysics physics, Action<string> log)
    {
        _clock = clock;
        _grid = grid;
        _physics = physics;
        _log = log;
    }

    /// <summary>
    /// The controls (created on first use, when the physics starts applying them): every EVSE follows the controls in
    /// force.
    /// </summary>
    public DerController Controller
    {
        get
        {
            lock (_gate)
            {
                if (_controller is null)
                {
                    _controller = new DerController(_clock.Time, _grid);
                    _controller.Changed += OnChanged;
                    lock (_physics.Gate)
                    {
                        _physics.CatchUp();
                        _physics.Physics.SetGridSupport(_controller);
                    }
                }

                return _controller;
            }
        }
    }

    /// <summary>Sets a DER control from now on (the physics first catches up, so the control does not act on the past).</summary>
    public DerSetResult Set(DerControl control)
    {
        var controller = Controller;
        lock (_physics.Gate)
        {
            _physics.CatchUp();
            var result = controller.Set(control);
            _physics.Physics.Reevaluate();
            return result;
        }
    }

    /// <summary>Clears DER controls as <see cref="DerController.Clear"/> does, from now on; returns how many.</summary>
    public int Clear(bool isDefault, DerControlType? type, string? controlId)
    {
        var controller = Controller;
        lock (_physics.Gate)
        {
            _physics.CatchUp();
            var removed = controller.Clear(isDefault, type, controlId);
            _physics.Physics.Reevaluate();
            return removed;
        }
    }

    /// <summary>
    /// Sends the DER notifications (NotifyDERStartStop, NotifyDERAlarm) through <paramref name="send"/> while
    /// <paramref name="connection"/> lasts: a loop on the simulation clock that wakes at the next scheduled start or end
    /// and whenever the controls or the grid change. A later call replaces the loop of an earlier connection.
    /// </summary>
    public void RunNotifications(Func<DerNotification, CancellationToken, Task> send, CancellationToken connection)
    {
        ArgumentNullException.ThrowIfNull(send);
        var controller = Controller;
        CancellationTokenSource loop;
        lock (_gate)
        {
            _loop?.Cancel();
            _loop?.Dispose();
            loop = _loop = CancellationTokenSource.CreateLinkedTokenSource(connection);

            // Registered here, synchronously, so a discrete-event clock cannot jump past what is due before the loop runs.
            _actor ??= _clock.RegisterActor();
        }

        _ = Task.Run(() => LoopAsync(controller, send, loop.Token), CancellationToken.None);
    }

    private async Task LoopAsync(DerController controller, Func<DerNotification, CancellationToken, Task> send, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Task wake;
                lock (_gate)
                {
                    wake = _wake.Task;
                }

                var now = _clock.Time.GetUtcNow();
                foreach (var notification in controller.Poll(now))
                {
                    try
                    {
                        await send(notification, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _log($"DER notification not delivered: {ex.Message}");
                    }
                }

                // Starts and stops change what the physics applies: the snapshot must show them at once.
                lock (_physics.Gate)
                {
                    _physics.CatchUp();
                    _physics.Physics.Reevaluate();
                }

                if (controller.NextDue(now) is { } due)
                {
                    lock (_gate)
                    {
                        _actor ??= _clock.RegisterActor();
                    }

                    using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    await Task.WhenAny(_clock.WaitAsync(due - now, waiting.Token), wake).ConfigureAwait(false);

                    // A wait left behind would count as this actor waiting on a discrete-event clock.
                    await waiting.CancelAsync().ConfigureAwait(false);
                }
                else
                {
                    // Nothing due: not an actor, so simulated time is free to move while the loop waits for a change.
                    lock (_gate)
                    {
                        if (_wake.Task == wake)
                        {
                            _actor?.Dispose();
                            _actor = null;
                        }
                    }

                    await wake.WaitAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The connection ended.
        }
        finally
        {
            lock (_gate)
            {
                if (_loop is { } current && current.Token == ct)
                {
                    _actor?.Dispose();
                    _actor = null;
                }
            }
        }
    }

    private void OnChanged()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            // Becoming an actor at once keeps a discrete-event clock still until the loop looked at the change.
            if (_loop is { IsCancellationRequested: false })
            {
                _actor ??= _clock.RegisterActor();
            }

            woken = _wake;
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }
}
