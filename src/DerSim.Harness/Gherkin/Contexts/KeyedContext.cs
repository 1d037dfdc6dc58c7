using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace DerSim.Harness.Gherkin;

/// <summary>
/// Values shared between bindings for the lifetime of a context (Reqnroll's context dictionary): by key, or by type
/// when no key is given (the type's full name is the key).
/// </summary>
public abstract class KeyedContext
{
    private readonly ConcurrentDictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>The value stored under <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">Nothing is stored under the key.</exception>
    public object? this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no value stored under '{key}'");
        set => _values[key] = value;
    }

    /// <summary>The keys in use.</summary>
    public ICollection<string> Keys => _values.Keys;

    /// <summary>Stores <paramref name="value"/> under its type's name.</summary>
    public void Set<T>(T value) => _values[KeyOf<T>()] = value;

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>.</summary>
    public void Set<T>(T value, string key) => _values[key] = value;

    /// <summary>The value stored under <typeparamref name="T"/>'s name.</summary>
    public T Get<T>() => Get<T>(KeyOf<T>());

    /// <summary>The value stored under <paramref name="key"/>, as <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">Nothing is stored under the key.</exception>
    public T Get<T>(string key) => (T)this[key]!;

    /// <summary>The value under <paramref name="key"/> when there is one of type <typeparamref name="T"/>.</summary>
    public bool TryGetValue<T>(string key, [MaybeNullWhen(false)] out T value)
    {
        if (_values.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The value under <paramref name="key"/>, if any.</summary>
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    /// <summary>Whether a value is stored under <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <summary>Removes the value under <paramref name="key"/>.</summary>
    public bool Remove(string key) => _values.TryRemove(key, out _);

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
