namespace DerSim.Ocpp.Rpc;

/// <summary>
/// An async mutex that admits waiters strictly in arrival order (SemaphoreSlim does not promise FIFO),
/// so queued CALLs go out in the order they were made.
/// </summary>
internal sealed class FifoGate
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private bool _held;
    private Exception? _closed;

    public Task WaitAsync(CancellationToken ct)
    {
        TaskCompletionSource tcs;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (_closed is not null)
            {
                return Task.FromException(_closed);
            }

            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }

            tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(tcs);
        }

        if (!ct.CanBeCanceled)
        {
            return tcs.Task;
        }

        var registration = ct.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                {
                    return;
                }

                _waiters.Remove(node);
            }

            tcs.TrySetCanceled(ct);
        });
        return tcs.Task.ContinueWith(
            t =>
            {
                registration.Dispose();
                return t;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    public void Release()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (_waiters.First is null)
            {
                _held = false;
                return;
            }

            next = _waiters.First.Value;
            _waiters.RemoveFirst();
        }

        next.TrySetResult();
    }

    /// <summary>Fails every waiter and every later <see cref="WaitAsync"/> with <paramref name="error"/>.</summary>
    public void Close(Exception error)
    {
        List<TaskCompletionSource> waiters;
        lock (_lock)
        {
            _closed ??= error;
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetException(error);
        }
    }
}
