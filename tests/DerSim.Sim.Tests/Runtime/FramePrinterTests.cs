using DerSim.Ocpp.Rpc;
using DerSim.Sim.Runtime;

namespace DerSim.Sim.Tests.Runtime;

/// <summary>One frame, one line: raw newlines a peer put in its frame are escaped (issue 13, item 6).</summary>
[Parallelizable(ParallelScope.All)]
public sealed class FramePrinterTests
{
    [Test]
    public void A_frame_with_raw_newlines_prints_as_one_line()
    {
        // JSON allows a newline between tokens, so a CSMS can send one; printed raw it would forge a second log line.
        var raw = "[3,\"1\",\n{\"currentTime\":\"x\"}]\n12:00:00.000 DERSIM-1 -> forged";
        var frame = new OcppFrameEvent(FrameDirection.Inbound, DateTimeOffset.UnixEpoch, raw, OcppMessageType.CallResult, "1", "Heartbeat", [], null, null)
        {
            Note = "answer\r\nto unknown message id",
        };

        var line = FramePrinter.Format(frame, "DERSIM-1", stationSide: true);

        line.ShouldNotContain('\n');
        line.ShouldNotContain('\r');
        line.ShouldEndWith("[3,\"1\",\\n{\"currentTime\":\"x\"}]\\n12:00:00.000 DERSIM-1 -> forged  !! answer\\r\\nto unknown message id");
    }
}
