namespace DerSim.Sim.StationModel;

/// <summary>A reservation the CSMS made (1.6 ReserveNow; 2.x H01).</summary>
/// <param name="Id">The CSMS's reservationId.</param>
/// <param name="StationConnectorId">The reserved connector (1.6 numbering); 0 for any connector of the station.</param>
/// <param name="IdTag">The token it is for.</param>
/// <param name="ParentIdTag">The group whose tokens may use it too; null for none.</param>
/// <param name="ExpiryDate">When it ends unused.</param>
public sealed record Reservation(int Id, int StationConnectorId, string IdTag, string? ParentIdTag, DateTimeOffset ExpiryDate)
{
    /// <summary>Whether a driver presenting <paramref name="idTag"/> of group <paramref name="groupId"/> may use it (1.6 §5.13: its idTag, or a token with the same parentIdTag).</summary>
    public bool Admits(string idTag, string? groupId) =>
        string.Equals(idTag, IdTag, StringComparison.Ordinal)
        || (ParentIdTag is { } parent && string.Equals(groupId, parent, StringComparison.Ordinal));
}
