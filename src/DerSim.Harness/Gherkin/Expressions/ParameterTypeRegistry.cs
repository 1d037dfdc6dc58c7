namespace DerSim.Harness.Gherkin.Expressions;

/// <summary>The parameter types Cucumber expressions may name: the built-in ones and those defined by bindings.</summary>
public sealed class ParameterTypeRegistry
{
    private readonly Dictionary<string, ParameterType> _types = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">A type of that name exists.</exception>
    public void Define(ParameterType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!_types.TryAdd(type.Name, type))
        {
            throw new ArgumentException($"parameter type {{{type.Name}}} is defined twice", nameof(type));
        }
    }

    /// <summary>The type named <paramref name="name"/>, if defined.</summary>
    public bool TryGet(string name, out ParameterType type) => _types.TryGetValue(name, out type!);

    /// <summary>Every defined type.</summary>
    public IEnumerable<ParameterType> All => _types.Values;
}
