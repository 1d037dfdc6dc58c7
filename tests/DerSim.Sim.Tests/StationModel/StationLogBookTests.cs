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
            logs.RecordFrame(Start.AddSeconds(i), sent: true, OcppMessageType.Call, "Heartbeat", $"m{i}");
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
    public void An_answer_line_keeps_its_calls_id_string_and_every_part_of_a_line_reads_back()
    {
        var logs = new StationLogBook();
        var at = new DateTimeOffset(2026, 12, 7, 13, 0, 0, TimeSpan.FromHours(1)).AddTicks(7);
        var sentId = "3f9a0c71e2b4-17";
        var answerId = new string(sentId.AsSpan());

        logs.RecordFrame(at, sent: true, OcppMessageType.Call, "MeterValues", sentId);
        logs.RecordFrame(at.AddSeconds(1), sent: false, OcppMessageType.CallResult, null, answerId);
        logs.Record(at, StationLogKind.Diagnostics, "connected to the CSMS");

        var lines = logs.Entries(StationLogKind.Diagnostics);
        lines.Select(e => e.Text).ShouldBe(["sent Call MeterValues 3f9a0c71e2b4-17", "received CallResult 3f9a0c71e2b4-17", "connected to the CSMS"]);
        lines[0].At.ShouldBe(at);
        lines[0].At.Offset.ShouldBe(TimeSpan.FromHours(1));
        lines[0].Kind.ShouldBe(StationLogKind.Diagnostics);
        ReferenceEquals(lines[1].Content.MessageId, sentId).ShouldBeTrue();
    }

    [Test]
    public void By_default_a_log_keeps_256_lines_and_never_fewer_than_one()
    {
        new StationLogBook().LinesKept.ShouldBe(StationLogBook.Capacity);
        StationLogBook.Capacity.ShouldBe(256);
        Should.Throw<ArgumentOutOfRangeException>(() => new StationLogBook { LinesKept = 0 });
    }
}
