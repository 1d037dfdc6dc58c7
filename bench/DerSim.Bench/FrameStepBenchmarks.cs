using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using V201ActionTable = DerSim.Ocpp.V201.V201ActionTable;

namespace DerSim.Bench;

/// <summary>The steps of <see cref="FrameBenchmarks.Encode"/> and <see cref="FrameBenchmarks.Decode"/> one by one, to see where the time goes.</summary>
[MemoryDiagnoser]
public class FrameStepBenchmarks
{
    private JsonTypeInfo _typeInfo = null!;
    private TransactionEventRequest _request = null!;
    private byte[] _payload = null!;
    private string _frameText = null!;
    private byte[] _payloadBytes = null!;
    private readonly MessageIdSource _ids = new();
    private PayloadBinder _binder = null!;
    private PayloadType _payloadType = null!;

    /// <summary>Builds the inputs of each step.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _typeInfo = ((JsonSerializerContext)V201ActionTable.Instance.TypeInfoResolver).Options.GetTypeInfo(typeof(TransactionEventRequest));
        _request = TransactionEventSample.Create();
        _payload = JsonSerializer.SerializeToUtf8Bytes(_request, _typeInfo);
        _frameText = FrameWriter.Request(OcppMessageType.Call, "8f2c51e4-3a5b-4c4e-9d1a-6b7e0f3c2d19", "TransactionEvent", _payload);
        _payloadType = PayloadType.Create<TransactionEventRequest>(_typeInfo);
        _binder = (_, _) => _payloadType;
        _payloadBytes = _payload.ToArray();
    }

    /// <summary>Record to payload bytes with the source-generated metadata.</summary>
    [Benchmark]
    public byte[] SerializePayload() => JsonSerializer.SerializeToUtf8Bytes(_request, _typeInfo);

    /// <summary>Record to frame text in one pass: the header, the payload serialised in place, one transcoding (the path of <c>CallAsync</c>).</summary>
    [Benchmark]
    public string SerializeIntoFrame() => FrameWriter.Request(OcppMessageType.Call, "8f2c51e4-3a5b-4c4e-9d1a-6b7e0f3c2d19", "TransactionEvent", _request, _payloadType, null);

    /// <summary>The message id, as the peer draws it (random prefix, counter).</summary>
    [Benchmark]
    public string NewMessageId() => _ids.Next();

    /// <summary>What the message id cost while it was a GUID, for comparison.</summary>
    [Benchmark]
    public string NewGuidMessageId() => Guid.NewGuid().ToString("D");

    /// <summary>Already-serialised payload bytes into the frame text (the path of <c>CallRawAsync</c>).</summary>
    [Benchmark]
    public string WriteFrame() => FrameWriter.Request(OcppMessageType.Call, "8f2c51e4-3a5b-4c4e-9d1a-6b7e0f3c2d19", "TransactionEvent", _payload);

    /// <summary>Frame text to <see cref="InboundFrame"/> (UTF-8 transcoding, reader pass and shape checks).</summary>
    [Benchmark]
    public int ParseFrame()
    {
        using var frame = InboundFrame.Parse(_frameText, OcppVersion.V201);
        return (int)frame.Problem;
    }

    /// <summary>Frame text to the record in one reader pass: the payload is deserialised where the reader meets it (the peer's path).</summary>
    [Benchmark]
    public TransactionEventRequest ParseAndDeserialize()
    {
        using var frame = InboundFrame.Parse(_frameText, OcppVersion.V201, _binder);
        return (TransactionEventRequest)frame.ReadPayload(_payloadType)!;
    }

    /// <summary>The former two-pass path: <see cref="ParseFrame"/> (payload skipped), then the payload slice to the record.</summary>
    [Benchmark]
    public TransactionEventRequest ParseThenDeserialize()
    {
        using var frame = InboundFrame.Parse(_frameText, OcppVersion.V201);
        return (TransactionEventRequest)JsonSerializer.Deserialize(frame.Payload, _typeInfo)!;
    }

    /// <summary>The payload bytes to the record, without a DOM in between.</summary>
    [Benchmark]
    public TransactionEventRequest DeserializeBytes() => (TransactionEventRequest)JsonSerializer.Deserialize(_payloadBytes, _typeInfo)!;
}
