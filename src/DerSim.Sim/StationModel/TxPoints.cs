namespace DerSim.Sim.StationModel;

/// <summary>
/// The points of a 2.x transaction's life a station may start or stop it at (TxCtrlr.TxStartPoint, TxCtrlr.TxStopPoint,
/// OCPP 2.0.1 E01/E06): a member list of these names, spelt as the spec's TxStartPoint/TxStopPoint values
/// (ParkingBayOccupancy, EVConnected, Authorized, DataSigned, PowerPathClosed, EnergyTransfer).
/// </summary>
[Flags]
public enum TxPoints
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A parking-bay detector sees an EV (start, E01.FR.01) or no longer does (stop, E06.FR.01).</summary>
    ParkingBayOccupancy = 1,

    /// <summary>The EV is connected (start, E01.FR.02) or the connection is lost (stop, E06.FR.02).</summary>
    EVConnected = 2,

    /// <summary>The driver is authorised (start, E01.FR.03) or the authorisation ended (stop, E06.FR.03/.04).</summary>
    Authorized = 4,

    /// <summary>A signed meter value was read at the start (E01.FR.04); not a stop point.</summary>
    DataSigned = 8,

    /// <summary>Authorised and connected, the power path closes (start, E01.FR.05); either ends (stop, E06.FR.06).</summary>
    PowerPathClosed = 16,

    /// <summary>Energy starts flowing (start, E01.FR.06) or stops (stop, E06.FR.07).</summary>
    EnergyTransfer = 32,
}

/// <summary>Reads and writes <see cref="TxPoints"/> as the device model's comma-separated member lists.</summary>
public static class TxPointList
{
    /// <summary>The default start point: energy may flow once the driver is authorised and the EV connected, in either order (today's behaviour).</summary>
    public const string DefaultStart = "PowerPathClosed";

    /// <summary>The default stop points: the EV leaving or the authorisation ending ends the transaction.</summary>
    public const string DefaultStop = "EVConnected,Authorized";

    /// <summary>Parses <paramref name="text"/>; false when a member is no point name (or the list is empty).</summary>
    public static bool TryParse(string? text, out TxPoints points)
    {
        points = TxPoints.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            // Names only: Enum.TryParse would take "2" too.
            if (part.Length == 0 || !char.IsLetter(part[0]) || !Enum.TryParse<TxPoints>(part, ignoreCase: false, out var point) || point == TxPoints.None || !Enum.IsDefined(point))
            {
                return false;
            }

            points |= point;
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a valid start-point list.</summary>
    public static bool IsValidStart(string text) => TryParse(text, out _);

    /// <summary>Whether <paramref name="text"/> is a valid stop-point list (DataSigned is a start point only).</summary>
    public static bool IsValidStop(string text) => TryParse(text, out var points) && !points.HasFlag(TxPoints.DataSigned);

    /// <summary>Parses <paramref name="text"/>, or <paramref name="fallback"/> when it is no valid list.</summary>
    public static TxPoints ParseOr(string? text, string fallback) =>
        TryParse(text, out var points) ? points : TryParse(fallback, out var f) ? f : TxPoints.None;
}
