using DerSim.Ocpp;
using DerSim.Ocpp.Validation;

namespace DerSim.Ocpp.Tests.Rpc;

/// <summary>Frames bench/fuzz.sh found that broke the receive loop, replayed over a real WebSocket.</summary>
[TestFixture]
public sealed class FuzzFindingsTests
{
    /// <summary>
    /// An integer beyond 64 bits made the schema validator throw out of the receive loop, which closed the
    /// connection. It must be a CALLERROR (PropertyConstraintViolation, a value out of range), and the connection
    /// must keep working.
    /// </summary>
    [TestCase(OcppVersion.V16, "PropertyConstraintViolation")]
    [TestCase(OcppVersion.V201, "PropertyConstraintViolation")]
    [TestCase(OcppVersion.V21, "PropertyConstraintViolation")]
    public async Task Call_with_an_integer_beyond_64_bits_gets_a_callerror_and_the_connection_survives(OcppVersion version, string code)
    {
        var options = Loopback.Strict with { Validator = new OcppSchemaValidator() };
        await using var raw = await RawStation.StartAsync(version, peer => peer.On<DataTransferRequest, DataTransferResponse>((_, _) => ValueTask.FromResult(new DataTransferResponse("Accepted"))), options);

        // DataTransfer's vendorId is a string; NJsonSchema still ran its number checks on the huge integer.
        await raw.SendAsync("""[2,"big","DataTransfer",{"vendorId":99999999999999999999999999991}]""");
        var answer = await raw.ReceiveFrameAsync();

        answer[0].GetInt32().ShouldBe(4);
        answer[1].GetString().ShouldBe("big");
        answer[2].GetString().ShouldBe(code);

        await raw.SendAsync("""[2,"ok","DataTransfer",{"vendorId":"DerSim"}]""");
        var next = await raw.ReceiveFrameAsync();
        next[0].GetInt32().ShouldBe(3);
        next[1].GetString().ShouldBe("ok");
    }
}
