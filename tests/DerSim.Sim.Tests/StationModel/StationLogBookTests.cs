using DerSim.Ocpp.Rpc;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.StationModel;

/// <summary>A station log keeps its newest lines up to <see cref="StationLogBook.LinesKept"/> (<c>--log_lines</c>), per log.</summary>
public sealed class StationLogBookTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Only_the_newest_lines_are_kept_in_each_log()
    {
        var logs = new StationLogBook { LinesKept = 3 };
        for (var i = 0; i < 5; i++)
        {
            logs.Record(StationLogEntry.Frame(Start.AddSeconds(i), sent: true, OcppMessageType.Call, "Heartbeat", $"m{i}"));
        }

        logs.Record(Start, StationLogKind.Security, "StartupOfTheDevice");

        logs.Entries(StationLogKind.Diagnostics).Select(e => e.Text).ShouldBe(["sent Call Heartbeat m2", "sent Call Heartbeat m3", "sent Call Heartbeat m4"]);
        logs.Entries(StationLogKind.Security).Select(e => e.Text).ShouldBe(["StartupOfTheDevice"]);
    }

    [Test]
    public void A_log_longer_than_its_first_array_keeps_its_order_and_fewer_lines_kept_later_keep_the_newest()
    {
        var logs = new StationLogBook { LinesKept = 20 };
        for (var i = 0; i < 25; i++)
        {
            logs.RecordFrame(Start.AddSeconds(i), sent: i % 2 == 0, OcppMessageType.Call, "Heartbeat", $"m{i}");
        }

        logs.Entries(StationLogKind.Diagnostics).Select(e => e.Text).ShouldBe(Enumerable.Range(5, 20).Select(i => $"{(i % 2 == 0 ? "sent" : "received")} Call Heartbeat m{i}"));
        logs.Entries(StationLogKind.Diagnostics, oldest: Start.AddSeconds(22)).Select(e => e.At).ShouldBe([Start.AddSeconds(22), Start.AddSeconds(23), Start.AddSeconds(24)]);

        logs.LinesKept = 2;
        logs.Record(Start.AddSeconds(30), StationLogKind.Diagnostics, "connected to the CSMS");
        logs.Entries(StationLogKind.Diagnostics).Select(e => e.Text).ShouldBe(["sent Call Heartbeat m24", "connected to the CSMS"]);
    }

    [Test]
    public void By_default_a_log_keeps_256_lines_and_never_fewer_than_one()
    {
        new StationLogBook().LinesKept.ShouldBe(StationLogBook.Capacity);
        StationLogBook.Capacity.ShouldBe(256);
        Should.Throw<ArgumentOutOfRangeException>(() => new StationLogBook { LinesKept = 0 });
    }
}
