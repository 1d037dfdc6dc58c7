namespace DerSim.Ocpp;

/// <summary>
/// Maps an enum's member to the member of the same name in another enum: the map between an OCPP enum and DerSim's
/// own where both name the same things alike, so it is not written out by hand (and cannot drift when the generator
/// adds a value). Every member of the source must have its namesake in the target; the first use of a pair that is
/// not total fails, naming the members missing.
/// </summary>
public static class NameMatch
{
    /// <summary>The member of <typeparamref name="TTo"/> named as <paramref name="value"/>.</summary>
    /// <typeparam name="TFrom">The enum mapped from.</typeparam>
    /// <typeparam name="TTo">The enum mapped to.</typeparam>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is no named member.</exception>
    /// <exception cref="InvalidOperationException">Some member of <typeparamref name="TFrom"/> has no namesake in <typeparamref name="TTo"/>.</exception>
    public static TTo Of<TFrom, TTo>(TFrom value)
        where TFrom : struct, Enum
        where TTo : struct, Enum =>
        Pair<TFrom, TTo>.Map.Value.TryGetValue(value, out var to)
            ? to
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TFrom).Name} has no member {value}");

    private static class Pair<TFrom, TTo>
        where TFrom : struct, Enum
        where TTo : struct, Enum
    {
        // Lazy, so a pair that is not total fails with its own message on each use, not as a type initialiser's.
        public static readonly Lazy<Dictionary<TFrom, TTo>> Map = new(() =>
        {
            var missing = Enum.GetNames<TFrom>().Where(name => !Enum.IsDefined(typeof(TTo), name)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"{typeof(TTo).FullName} has no member named {string.Join(", ", missing)} of {typeof(TFrom).FullName}");
            }

            return Enum.GetValues<TFrom>().Distinct().ToDictionary(v => v, v => Enum.Parse<TTo>(Enum.GetName(v)!));
        });
    }
}
