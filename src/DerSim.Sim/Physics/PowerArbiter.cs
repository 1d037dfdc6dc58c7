namespace DerSim.Sim.Physics;

/// <summary>
/// Splits shared power between EVSEs: each gets its demand capped by its ceiling; where a budget cannot cover
/// everyone, the budget is split in proportion to demand, and capacity left by ports that are capped elsewhere
/// is re-offered to those still wanting more (proportional water-filling). Pure and deterministic.
/// </summary>
public static class PowerArbiter
{
    private const double Epsilon = 1e-9;

    // Working arrays on the stack up to this many values: a station has a few EVSEs and budgets, and the physics
    // allocates every simulated second for every station (thousands in a load run).
    private const int StackLimit = 64;

    /// <summary>Allocates power to <paramref name="ports"/> under <paramref name="budgets"/>; results are in port order.</summary>
    public static PortAllocation[] Allocate(IReadOnlyList<ArbiterPort> ports, IReadOnlyList<PowerBudget> budgets)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(budgets);
        var n = ports.Count;
        var m = budgets.Count;
        Span<double> want = n <= StackLimit ? stackalloc double[n] : new double[n];
        Span<double> ceiling = n <= StackLimit ? stackalloc double[n] : new double[n];
        Span<double> alloc = n <= StackLimit ? stackalloc double[n] : new double[n];
        Span<bool> active = n <= StackLimit ? stackalloc bool[n] : new bool[n];

        // member[b * n + i]: budget b covers port i.
        Span<bool> member = m * n <= StackLimit ? stackalloc bool[m * n] : new bool[m * n];
        alloc.Clear();
        for (var i = 0; i < n; i++)
        {
            ceiling[i] = Math.Max(0, ports[i].CeilingKw);
            want[i] = Math.Max(0, Math.Min(ports[i].DemandKw, ceiling[i]));
            active[i] = want[i] > Epsilon;
            for (var b = 0; b < m; b++)
            {
                member[(b * n) + i] = budgets[b].Covers(ports[i].EvseId);
            }
        }

        // Every round raises all active ports by the same fraction of their want until a port is satisfied or a
        // budget is full; that port or the members of that budget then stop. At most n + budgets rounds.
        for (var round = 0; round <= n + m; round++)
        {
            var fraction = double.PositiveInfinity;
            for (var i = 0; i < n; i++)
            {
                if (active[i])
                {
                    fraction = Math.Min(fraction, (want[i] - alloc[i]) / want[i]);
                }
            }

            if (double.IsPositiveInfinity(fraction))
            {
                break;
            }

            for (var b = 0; b < m; b++)
            {
                var covered = member.Slice(b * n, n);
                var wanting = 0.0;
                for (var i = 0; i < n; i++)
                {
                    if (active[i] && covered[i])
                    {
                        wanting += want[i];
                    }
                }

                if (wanting > 0)
                {
                    fraction = Math.Min(fraction, Math.Max(0, Remaining(budgets[b].CapKw, covered, alloc)) / wanting);
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (active[i])
                {
                    alloc[i] = Math.Min(want[i], alloc[i] + (fraction * want[i]));
                    if (alloc[i] >= want[i] - (Epsilon * Math.Max(1, want[i])))
                    {
                        alloc[i] = want[i];
                        active[i] = false;
                    }
                }
            }

            for (var b = 0; b < m; b++)
            {
                var covered = member.Slice(b * n, n);
                if (Remaining(budgets[b].CapKw, covered, alloc) <= Epsilon * Math.Max(1, budgets[b].CapKw))
                {
                    for (var i = 0; i < n; i++)
                    {
                        active[i] &= !covered[i];
                    }
                }
            }
        }

        var result = new PortAllocation[n];
        for (var i = 0; i < n; i++)
        {
            var headroom = ceiling[i] - alloc[i];
            for (var b = 0; b < m; b++)
            {
                if (member[(b * n) + i])
                {
                    headroom = Math.Min(headroom, Remaining(budgets[b].CapKw, member.Slice(b * n, n), alloc));
                }
            }

            result[i] = new PortAllocation(ports[i].EvseId, alloc[i], alloc[i] + Math.Max(0, headroom));
        }

        return result;
    }

    private static double Remaining(double capKw, ReadOnlySpan<bool> covered, ReadOnlySpan<double> alloc)
    {
        var used = 0.0;
        for (var i = 0; i < alloc.Length; i++)
        {
            if (covered[i])
            {
                used += alloc[i];
            }
        }

        return capKw - used;
    }
}
