using DerSim.Sim.Der;

namespace DerSim.Sim.Engine;

public sealed partial class StationEngine
{
    private readonly Lock _derGate = new();
    private DerController? _der;
    private IDisposable? _derActor;
    private TaskCompletionSource _derWake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _derLoop;

    /// <summary>
    /// The station's DER controls (created on first use, when the physics starts applying them): every EVSE follows
    /// the controls in force; the 2.1 handlers set, get and clear them.
    /// </summary>
    public DerController Der
    {
        get
        {
            lock (_derGate)
            {
                if (_der is null)
                {
                    _der = new DerController(Clock.Time, Grid);
                    _der.Changed += OnDerChanged;
                    lock (_physicsGate)
                    {
                        CatchUpPhysics();
                        Physics.SetGridSupport(_der);
                    }
                }

                return _der;
            }
        }
    }

    /// <summary>Sets a DER control from now on (the physics first catches up, so the control does not act on the past).</summary>
    public DerSetResult SetDerControl(DerControl control)
    {
        var der = Der;
        lock (_physicsGate)
        {
            CatchUpPhysics();
            var result = der.Set(control);
            Physics.Reevaluate();
            return result;
        }
    }

    /// <summary>Clears DER controls as <see cref="DerController.Clear"/> does, from now on; returns how many.</summary>
    public int ClearDerControls(bool isDefault, DerControlType? type, string? controlId)
    {
        var der = Der;
        lock (_physicsGate)
        {
            CatchUpPhysics();
            var removed = der.Clear(isDefault, type, controlId);
            Physics.Reevaluate();
            return removed;
        }
    }

    /// <summary>
    /// Sends the DER notifications (NotifyDERStartStop, NotifyDERAlarm) through <paramref name="send"/> while
    /// <paramref name="connection"/> lasts: a loop on the simulation clock that wakes at the next scheduled start or end
    /// and whenever the controls or the grid change. A later call replaces the loop of an earlier connection.
    /// </summary>
    public void RunDerNotifications(Func<DerNotification, CancellationToken, Task> send, CancellationToken connection)
    {
        ArgumentNullException.ThrowIfNull(send);
        var der = Der;
        CancellationTokenSource loop;
        lock (_derGate)
        {
            _derLoop?.Cancel();
            _derLoop?.Dispose();
            loop = _derLoop = CancellationTokenSource.CreateLinkedTokenSource(connection);

            // Registered here, synchronously, so a discrete-event clock cannot jump past what is due before the loop runs.
            _derActor ??= Clock.RegisterActor();
        }

        _ = Task.Run(() => DerLoopAsync(der, send, loop.Token), CancellationToken.None);
    }

    private async Task DerLoopAsync(DerController der, Func<DerNotification, CancellationToken, Task> send, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Task wake;
                lock (_derGate)
                {
                    wake = _derWake.Task;
                }

                var now = Clock.Time.GetUtcNow();
                foreach (var notification in der.Poll(now))
                {
                    try
                    {
                        await send(notification, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log($"DER notification not delivered: {ex.Message}");
                    }
                }

                // Starts and stops change what the physics applies: the snapshot must show them at once.
                lock (_physicsGate)
                {
                    CatchUpPhysics();
                    Physics.Reevaluate();
                }

                if (der.NextDue(now) is { } due)
                {
                    lock (_derGate)
                    {
                        _derActor ??= Clock.RegisterActor();
                    }

                    using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    await Task.WhenAny(Clock.WaitAsync(due - now, waiting.Token), wake).ConfigureAwait(false);

                    // A wait left behind would count as this actor waiting on a discrete-event clock.
                    await waiting.CancelAsync().ConfigureAwait(false);
                }
                else
                {
                    // Nothing due: not an actor, so simulated time is free to move while the loop waits for a change.
                    lock (_derGate)
                    {
                        if (_derWake.Task == wake)
                        {
                            _derActor?.Dispose();
                            _derActor = null;
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
            lock (_derGate)
            {
                if (_derLoop is { } current && current.Token == ct)
                {
                    _derActor?.Dispose();
                    _derActor = null;
                }
            }
        }
    }

    private void OnDerChanged()
    {
        TaskCompletionSource woken;
        lock (_derGate)
        {
            // Becoming an actor at once keeps a discrete-event clock still until the loop looked at the change.
            if (_derLoop is { IsCancellationRequested: false })
            {
                _derActor ??= Clock.RegisterActor();
            }

            woken = _derWake;
            _derWake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    /// <summary>Moves the physics to the present, so a change of controls or grid acts from now on, not since the last step. Call under <see cref="_physicsGate"/>.</summary>
    private void CatchUpPhysics()
    {
        var now = Clock.Time.GetUtcNow();
        if (now > Physics.Now)
        {
            Physics.AdvanceTo(now);
        }
    }
}
