namespace DerSim.Sim.Load;

/// <summary>
/// <c>{id}</c> in <c>--ocpp_password</c>, <c>--ocpp_client_cert</c> and <c>--ocpp_client_key</c>: each station's own
/// id, so a load run can give every station its own password or certificate (security profile 3 wants the station id
/// as the certificate's CN).
/// </summary>
public static class StationPlaceholder
{
    /// <summary>The placeholder.</summary>
    public const string Id = "{id}";

    /// <summary><paramref name="text"/> with every <c>{id}</c> replaced by <paramref name="stationId"/>; null stays null.</summary>
    public static string? For(string? text, string stationId) =>
        text?.Replace(Id, stationId, StringComparison.Ordinal);
}
