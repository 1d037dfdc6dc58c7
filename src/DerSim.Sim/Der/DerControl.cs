namespace DerSim.Sim.Der;

/// <summary>One DER control as the CSMS set it.</summary>
/// <param name="Id">The CSMS's control id.</param>
/// <param name="Type">The control type.</param>
/// <param name="IsDefault">A default control (no schedule) rather than a scheduled one.</param>
/// <param name="Setting">The settings; their record type matches <paramref name="Type"/>.</param>
public sealed record DerControl(string Id, DerControlType Type, bool IsDefault, DerSetting Setting)
{
    /// <summary>Whether the control is in force at <paramref name="at"/> by its own schedule (defaults always are).</summary>
    public bool InWindow(DateTimeOffset at)
    {
        if (IsDefault || Setting.StartTime is not { } start)
        {
            return true;
        }

        return at >= start && (Setting.Duration is not { } duration || at < start + duration);
    }

    /// <summary>Whether the schedules of this and <paramref name="other"/> overlap (defaults overlap everything).</summary>
    public bool Overlaps(DerControl other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (s1, e1) = Window();
        var (s2, e2) = other.Window();
        return s1 < e2 && s2 < e1;
    }

    private (DateTimeOffset Start, DateTimeOffset End) Window()
    {
        if (IsDefault || Setting.StartTime is not { } start)
        {
            return (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }

        return (start, Setting.Duration is { } d ? start + d : DateTimeOffset.MaxValue);
    }
}
