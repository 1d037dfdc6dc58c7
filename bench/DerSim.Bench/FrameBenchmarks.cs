using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using V201ActionTable = DerSim.Ocpp.V201.V201ActionTable;
using DerSim.Ocpp.Validation;

namespace DerSim.Bench;

/// <summary>
/// One periodic TransactionEvent CALL through the steps <see cref="OcppRpcPeer"/> takes to write and to read it,
/// against a plain System.Text.Json parse of the same frame.
/// </summary>
/// <remarks>
/// The peer's methods need a live channel, so its steps are repeated here call for call: encode is
/// <c>CallAsync</c> up to the socket write (type lookup, a new message id from the peer's MessageIdSource, the payload serialised with the
/// source-generated context's options straight into the frame by <c>FrameWriter.Request</c>); decode is the receive loop up to
/// the handler (<see cref="InboundFrame.Parse"/> with the peer's payload binder, so the payload is deserialised in
/// the same reader pass as the envelope, then the action check and the handler's <c>ReadPayload</c>). Schema
/// validation, which the peer does on both sides when a validator is configured, is measured on its own.
/// </remarks>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private const string Action = "TransactionEvent";

    private readonly IOcppActionTable _table = V201ActionTable.Instance;
    private readonly OcppSchemaValidator _validator = new();
    private readonly MessageIdSource _ids = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lazy<PayloadType>> _handlers = new(StringComparer.Ordinal);
    private PayloadBinder _binder = null!;
    private PayloadType _payloadType = null!;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PayloadType> _payloadTypes = new();
    private JsonTypeInfo _typeInfo = null!;
    private TransactionEventRequest _request = null!;
    private string _frameText = null!;
    private byte[] _frameBytes = null!;
    private string _payloadText = null!;

    /// <summary>Builds the message and its frame once, and checks that both paths agree on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // The same options the peer picks for a source-generated context.
        var options = ((JsonSerializerContext)_table.TypeInfoResolver).Options;
        _typeInfo = options.GetTypeInfo(typeof(TransactionEventRequest));

        // What OcppRpcPeer.BindPayload does: under the peer's lock, the registered handler's request type.
        var requestType = new Lazy<PayloadType>(() => PayloadType.Create<TransactionEventRequest>(_typeInfo));
        _handlers[Action] = requestType;
        _payloadType = requestType.Value;
        _binder = (type, key) =>
        {
            Lazy<PayloadType>? lazy;
            lock (_lock)
            {
                lazy = type == OcppMessageType.Call && _handlers.TryGetValue(key, out var found) ? found : null;
            }

            return lazy?.Value;
        };
        _request = TransactionEventSample.Create();
        _frameText = Encode();
        _frameBytes = Encoding.UTF8.GetBytes(_frameText);
        using (var frame = InboundFrame.Parse(_frameText, OcppVersion.V201))
        {
            _payloadText = frame.PayloadText();
        }

        // Records compare lists by reference, so compare what they serialise to.
        var original = JsonSerializer.Serialize(_request, _typeInfo);
        if (JsonSerializer.Serialize(Decode(), _typeInfo) != original || original != _payloadText)
        {
            throw new InvalidOperationException("decoding the encoded frame does not give the request back");
        }

        if (Validate() != 0)
        {
            throw new InvalidOperationException("the sample payload breaks its own schema");
        }
    }

    /// <summary>The frame size in bytes, for the report.</summary>
    public int FrameBytes => _frameBytes.Length;

    /// <summary>Record to frame text, as <c>OcppRpcPeer.CallAsync</c> does before sending.</summary>
    [Benchmark]
    public string Encode()
    {
        if (!_table.TryGetByRequestType(typeof(TransactionEventRequest), out var action))
        {
            throw new InvalidOperationException("no TransactionEvent in the 2.0.1 table");
        }

        // No payload check: the peer passes one only when validating, and validation is measured on its own.
        // The peer's per-type cache of payload readers and writers (OcppRpcPeer.PayloadTypeOf).
        var payloadType = _payloadTypes.GetOrAdd(typeof(TransactionEventRequest), static (_, self) => self._payloadType, this);
        return FrameWriter.Request(OcppMessageType.Call, _ids.Next(), action.Name, _request, payloadType, null);
    }

    /// <summary>Frame text to record, as the peer's receive loop does for an inbound CALL.</summary>
    [Benchmark]
    public TransactionEventRequest Decode() => Decode(_frameText);

    /// <summary>Both directions: what one meter-value round of a station and its CSMS costs in JSON work.</summary>
    [Benchmark]
    public TransactionEventRequest EncodeDecode() => Decode(Encode());

    /// <summary>The yardstick: a bare DOM parse of the same frame bytes.</summary>
    [Benchmark(Baseline = true)]
    public int PlainJsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_frameBytes);
        return document.RootElement.GetArrayLength();
    }

    /// <summary>The other yardstick: the frame read into a self-contained <see cref="JsonElement"/>.</summary>
    [Benchmark]
    public JsonValueKind PlainDeserializeJsonElement() => JsonSerializer.Deserialize<JsonElement>(_frameBytes).ValueKind;

    /// <summary>Schema validation of the payload (what the peer adds on each side when validating); not part of the 0.5× target.</summary>
    [Benchmark]
    public int Validate() => _validator.Validate(OcppVersion.V201, Action, PayloadKind.Request, _payloadText).Count;

    private TransactionEventRequest Decode(string text)
    {
        using var frame = InboundFrame.Parse(text, OcppVersion.V201, _binder);
        if (frame.Problem != FrameProblem.None || frame.Type != OcppMessageType.Call
            || !_table.TryGet(frame.Action!, out var action) || !action.CanBeSentBy(OcppRole.ChargingStation))
        {
            throw new InvalidOperationException($"frame rejected: {frame.ProblemText}");
        }

        return (TransactionEventRequest)frame.ReadPayload(_payloadType)!;
    }
}
