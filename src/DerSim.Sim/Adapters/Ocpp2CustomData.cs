using System.Text.Json;
using DerSim.Sim.StationModel;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Sim.Adapters;

/// <summary>The station's vendor data as a 2.x <c>customData</c> object.</summary>
public static class Ocpp2CustomData
{
    /// <summary><paramref name="data"/>'s vendor id and fields as <c>customData</c>; null for none.</summary>
    public static Ocpp2.CustomDataType? Of(StationCustomData? data) =>
        data is null
            ? null
            : new Ocpp2.CustomDataType(data.VendorId)
            {
                ExtensionData = data.Fields.Count == 0 ? null : data.Fields.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value), StringComparer.Ordinal),
            };
}
