using System.Diagnostics.CodeAnalysis;

namespace DerSim.Ocpp;

/// <summary>Names of each <see cref="OcppVersion"/>: the WebSocket subprotocol and the spellings users type.</summary>
public static class OcppVersions
{
    /// <summary>Every version, oldest first.</summary>
    public static IReadOnlyList<OcppVersion> All { get; } = [OcppVersion.V16, OcppVersion.V201, OcppVersion.V21];

    /// <summary>The spellings <see cref="TryParse"/> accepts, as shown in help and error text.</summary>
    public const string AcceptedSpellings = "ocpp1.6j, ocpp2.0.1j, ocpp2.1 (also ocpp1.6, 1.6, ocpp2.0.1, 2.0.1, 2.1)";

    /// <summary>The WebSocket subprotocol (RFC 6455 Sec-WebSocket-Protocol) of a version.</summary>
    public static string Subprotocol(this OcppVersion version) => version switch
    {
        OcppVersion.V16 => "ocpp1.6",
        OcppVersion.V201 => "ocpp2.0.1",
        OcppVersion.V21 => "ocpp2.1",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    /// <summary>The version as people write it: "1.6", "2.0.1", "2.1".</summary>
    public static string DisplayName(this OcppVersion version) => version switch
    {
        OcppVersion.V16 => "1.6",
        OcppVersion.V201 => "2.0.1",
        OcppVersion.V21 => "2.1",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    /// <summary>
    /// Reads a version as the seed's <c>--ocpp_version</c> spells it (ocpp1.6j, ocpp2.0.1j, ocpp2.1),
    /// the subprotocol names, or the plain numbers. Case-insensitive.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OcppVersion? version)
    {
        version = text?.Trim().ToLowerInvariant() switch
        {
            "ocpp1.6j" or "ocpp1.6" or "1.6" or "1.6j" or "16" => OcppVersion.V16,
            "ocpp2.0.1j" or "ocpp2.0.1" or "2.0.1" or "2.0.1j" or "201" => OcppVersion.V201,
            "ocpp2.1" or "ocpp2.1j" or "2.1" or "2.1j" or "21" => OcppVersion.V21,
            _ => null,
        };
        return version is not null;
    }

    /// <summary>The version whose subprotocol is <paramref name="subprotocol"/>, if any.</summary>
    public static OcppVersion? FromSubprotocol(string? subprotocol) => subprotocol switch
    {
        "ocpp1.6" => OcppVersion.V16,
        "ocpp2.0.1" => OcppVersion.V201,
        "ocpp2.1" => OcppVersion.V21,
        _ => null,
    };
}
