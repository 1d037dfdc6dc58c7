using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;

namespace DerSim.Ocpp;

/// <summary>The actions of one OCPP version, from action name to types and direction.</summary>
public interface IOcppActionTable
{
    /// <summary>The version this table describes.</summary>
    OcppVersion Version { get; }

    /// <summary>Every action the version defines, by name.</summary>
    IReadOnlyDictionary<string, OcppAction> Actions { get; }

    /// <summary>Source-generated serialisation metadata for every message type of this version.</summary>
    IJsonTypeInfoResolver TypeInfoResolver { get; }

    /// <summary>Finds an action by its name (case-sensitive, as on the wire).</summary>
    bool TryGet(string name, [NotNullWhen(true)] out OcppAction? action);

    /// <summary>Finds the action whose request type is <paramref name="requestType"/>.</summary>
    bool TryGetByRequestType(Type requestType, [NotNullWhen(true)] out OcppAction? action);
}
