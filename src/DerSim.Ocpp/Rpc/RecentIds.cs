namespace DerSim.Ocpp.Rpc;

/// <summary>A bounded set of recently seen message ids; the oldest is forgotten first. Not thread-safe.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string id) => _set.Contains(id);

    public void Add(string id)
    {
        if (capacity <= 0 || !_set.Add(id))
        {
            return;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _set.Remove(_order.Dequeue());
        }
    }
}
