namespace DerSim.Sim.Physics;

/// <summary>
/// Splits shared power between EVSEs: each gets its demand capped by its ceiling; where a budget cannot cover
/// everyone, the budget is split in proportion to demand, and capacity left by ports that are capped elsewhere
/// is re-offered to those still wanting more (proportional water-filling). Pure and deterministic.
/// </summary>
public static class PowerArbiter
{
    private const double Epsilon = 1e-9;

    /// <summary>Allocates power to <paramref name="ports"/> under <paramref name="budgets"/>; results are in port order.</summary>
    public static PortAllocation[] Allocate(IReadOnlyList<ArbiterPort> ports, IReadOnlyList<PowerBudget> budgets)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(budgets);
        var n = ports.Count;
        var want = new double[n];
        var ceiling = new double[n];
        var alloc = new double[n];
        var active = new bool[n];
        var member = new bool[budgets.Count, n];
        for (var i = 0; i < n; i++)
        {
            ceiling[i] = Math.Max(0, ports[i].CeilingKw);
            want[i] = Math.Max(0, Math.Min(ports[i].DemandKw, ceiling[i]));
            active[i] = want[i] > Epsilon;
            for (var b = 0; b < budgets.Count; b++)
            {
                member[b, i] = budgets[b].Covers(ports[i].EvseId);
            }
        }

        // Every round raises all active ports by the same fraction of their want until a port is satisfied or a
        // budget is full; that port or the members of that budget then stop. At most n + budgets rounds.
        for (var round = 0; round <= n + budgets.Count; round++)
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

            for (var b = 0; b < budgets.Count; b++)
            {
                var wanting = 0.0;
                for (var i = 0; i < n; i++)
                {
                    if (active[i] && member[b, i])
                    {
                        wanting += want[i];
                    }
                }

                if (wanting > 0)
                {
                    fraction = Math.Min(fraction, Math.Max(0, Remaining(budgets[b].CapKw, b, member, alloc)) / wanting);
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

            for (var b = 0; b < budgets.Count; b++)
            {
                if (Remaining(budgets[b].CapKw, b, member, alloc) <= Epsilon * Math.Max(1, budgets[b].CapKw))
                {
                    for (var i = 0; i < n; i++)
                    {
                        active[i] &= !member[b, i];
                    }
                }
            }
        }

        var result = new PortAllocation[n];
        for (var i = 0; i < n; i++)
        {
            var headroom = ceiling[i] - alloc[i];
            for (var b = 0; b < budgets.Count; b++)
            {
                if (member[b, i])
                {
                    headroom = Math.Min(headroom, Remaining(budgets[b].CapKw, b, member, alloc));
                }
            }

            result[i] = new PortAllocation(ports[i].EvseId, alloc[i], alloc[i] + Math.Max(0, headroom));
        }

        return result;
    }

    private static double Remaining(double capKw, int budget, bool[,] member, double[] alloc)
    {
        var used = 0.0;
        for (var i = 0; i < alloc.Length; i++)
        {
            if (member[budget, i])
            {
                used += alloc[i];
            }
        }

        return capKw - used;
    }
}
