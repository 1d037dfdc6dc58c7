using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>Splits a base report over NotifyReport messages, the same way in every 2.x version.</summary>
internal static class NotifyReportPages
{
    /// <summary>
    /// Calls <paramref name="send"/> once per page, in order, with seqNo from 0 and tbc true on all but the last, waiting
    /// for each answer before the next: the CSMS reassembles by seqNo, and a station has one CALL in flight at a time.
    /// </summary>
    public static async Task SendAsync(
        IReadOnlyList<DeviceVariable> variables,
        int pageSize,
        Func<int, bool, IReadOnlyList<DeviceVariable>, CancellationToken, Task> send,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var pages = variables.Chunk(pageSize).ToList();
        for (var seqNo = 0; seqNo < pages.Count; seqNo++)
        {
            await send(seqNo, seqNo < pages.Count - 1, pages[seqNo], ct).ConfigureAwait(false);
        }
    }
}
