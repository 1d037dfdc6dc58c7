namespace DerSim.Sim.StationModel;

/// <summary>
/// A vendor's own data the station adds to its messages (OCPP 2.x <c>customData</c>: the vendor's id and fields of its
/// choosing, which a CSMS that does not know the vendor must ignore and process the message as usual).
/// </summary>
/// <param name="VendorId">The vendor the data belongs to.</param>
/// <param name="Fields">The vendor's fields, name → text value.</param>
public sealed record StationCustomData(string VendorId, IReadOnlyDictionary<string, string> Fields);
