using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// The <see cref="PayloadType"/> of each type under each serializer options, built once for the process and shared by
/// every peer with those options (a version's source-generated context): thousands of stations in one process hold
/// no reader or writer of their own.
/// </summary>
internal static class PayloadTypes
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, ConcurrentDictionary<Type, PayloadType>> Cache = new();

    /// <summary>The payload type of <typeparamref name="T"/> under <paramref name="json"/>.</summary>
    public static PayloadType Of<T>(JsonSerializerOptions json)
    {
        var types = Cache.GetValue(json, static _ => new ConcurrentDictionary<Type, PayloadType>());
        return types.TryGetValue(typeof(T), out var known)
            ? known
            : types.GetOrAdd(typeof(T), static (type, options) => PayloadType.Create<T>(options.GetTypeInfo(type)), json);
    }
}
