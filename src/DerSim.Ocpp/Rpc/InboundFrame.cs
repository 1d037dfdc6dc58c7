using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DerSim.Ocpp.Rpc;

/// <summary>
/// Says, while a frame is being read, which type its payload will be read as: for a CALL or SEND the key is the
/// action, for a CALLRESULT the message id. Null when the payload is not read typed (unknown action, raw handler).
/// </summary>
internal delegate PayloadType? PayloadBinder(OcppMessageType type, string key);

/// <summary>What went wrong reading a frame, deciding how (and whether) it is answered.</summary>
internal enum FrameProblem
{
    None,

    /// <summary>Not JSON, not an array, no integer type, or the message id unreadable: answered with id "-1".</summary>
    NotRpc,

    /// <summary>A message type number this version does not define.</summary>
    UnknownType,

    /// <summary>A known type with the wrong number or kind of elements, or an over-long id.</summary>
    BadStructure,

    /// <summary>A CALL or SEND whose payload is not a JSON object.</summary>
    PayloadNotObject,
}

/// <summary>
/// A received frame, read once with a <see cref="Utf8JsonReader"/> over its UTF-8 bytes. The envelope fields are
/// decoded; the payload and error details stay as byte ranges of the frame, valid until the frame is disposed.
/// </summary>
/// <remarks>
/// No DOM is built: a typed reader deserialises straight from <see cref="Payload"/>, so the payload is parsed
/// once. The whole frame is still read to its end, so a syntax error anywhere makes it <see cref="FrameProblem.NotRpc"/>.
/// </remarks>
internal sealed class InboundFrame : IDisposable
{
    /// <summary>OCPP-J (all versions, "Message ID"): at most 36 characters.</summary>
    public const int MaxMessageIdLength = 36;

    /// <summary>No frame shape looks past its fifth element.</summary>
    private const int KeptElements = 5;

    private byte[]? _buffer;
    private Range _payload;
    private Range? _errorDetails;
    private PayloadType? _typedAs;
    private object? _typed;

    private InboundFrame(byte[]? buffer) => _buffer = buffer;

    public FrameProblem Problem { get; private set; }

    public string? ProblemText { get; private set; }

    public int? TypeNumber { get; private set; }

    public OcppMessageType? Type { get; private set; }

    /// <summary>The id when readable and valid; otherwise null.</summary>
    public string? MessageId { get; private set; }

    public string? Action { get; private set; }

    /// <summary>The payload's UTF-8 JSON text (empty when the frame has none); valid until disposal.</summary>
    public ReadOnlySpan<byte> Payload => _buffer is null ? default : _buffer.AsSpan()[_payload];

    /// <summary>The JSON kind of <see cref="Payload"/>; <see cref="JsonValueKind.Undefined"/> when there is none.</summary>
    public JsonValueKind PayloadKind { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorDescription { get; private set; }

    /// <summary>True when the frame has a fifth (error details) element, of any kind.</summary>
    public bool HasErrorDetails => _errorDetails is not null;

    /// <summary>
    /// Reads <paramref name="text"/>. With a <paramref name="binder"/>, a payload whose type is known when the reader
    /// reaches it (the action or the message id comes first in the frame) is deserialised in the same pass, so
    /// the payload bytes are tokenised once; <see cref="ReadPayload"/> then hands that value out.
    /// </summary>
    public static InboundFrame Parse(string text, OcppVersion version, PayloadBinder? binder = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var frame = new InboundFrame(buffer);
        var length = Encoding.UTF8.GetBytes(text, buffer);
        Span<Element> elements = stackalloc Element[KeptElements];
        try
        {
            frame.Read(buffer.AsSpan(0, length), elements, version, binder);
        }
        catch (JsonException ex)
        {
            frame.Reset();
            frame.SetProblem(FrameProblem.NotRpc, $"frame is not valid JSON: {ex.Message}");
        }

        return frame;
    }

    /// <summary>
    /// The payload as <paramref name="type"/>: the value read during <see cref="Parse"/> when it was read as
    /// that type, otherwise deserialised now (which throws what the serializer throws).
    /// </summary>
    public object? ReadPayload(PayloadType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_typedAs is not null && ReferenceEquals(_typedAs, type))
        {
            return _typed;
        }

        return JsonSerializer.Deserialize(Payload, type.Info);
    }

    /// <summary>The payload as a self-contained element, for untyped consumers; parsed on each call.</summary>
    public JsonElement ParsePayload() => ParseValue(Payload);

    /// <summary>The error details as a self-contained element, or null when the frame has none.</summary>
    public JsonElement? ParseErrorDetails() =>
        _errorDetails is { } range && _buffer is not null ? ParseValue(_buffer.AsSpan()[range]) : null;

    /// <summary>The payload's JSON text.</summary>
    public string PayloadText() => Encoding.UTF8.GetString(Payload);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JsonElement ParseValue(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Reads the whole frame: the first elements' kinds and ranges, then the shape checks over them.</summary>
    private void Read(ReadOnlySpan<byte> utf8, Span<Element> elements, OcppVersion version, PayloadBinder? binder)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
        if (!reader.Read())
        {
            // Empty or whitespace-only text: the reader reports no token rather than throwing.
            throw new JsonException("the frame is empty");
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var kind = KindOf(reader.TokenType);
            reader.Skip();
            EnsureEnd(ref reader);
            SetProblem(FrameProblem.NotRpc, $"frame is a JSON {kind}, not an array");
            return;
        }

        var length = 0;
        int? typeNumber = null;
        string? id = null;
        string? second = null;
        string? third = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (length < KeptElements)
            {
                var start = (int)reader.TokenStartIndex;
                var kind = KindOf(reader.TokenType);
                switch (length)
                {
                    case 0 when kind == JsonValueKind.Number && reader.TryGetInt32(out var number):
                        typeNumber = number;
                        break;
                    case 1 when kind == JsonValueKind.String:
                        id = reader.GetString();
                        break;
                    case 2 when kind == JsonValueKind.String:
                        second = reader.GetString();
                        break;
                    case 3 when kind == JsonValueKind.String:
                        third = reader.GetString();
                        break;
                    case 2 when kind == JsonValueKind.Object && binder is not null && typeNumber == (int)OcppMessageType.CallResult && id is not null:
                        ReadTyped(ref reader, binder(OcppMessageType.CallResult, id));
                        break;
                    case 3 when kind == JsonValueKind.Object && binder is not null && typeNumber is (int)OcppMessageType.Call or (int)OcppMessageType.Send && second is not null:
                        ReadTyped(ref reader, binder((OcppMessageType)typeNumber.Value, second));
                        break;
                    default:
                        break;
                }

                reader.Skip();
                elements[length] = new Element(kind, start..(int)reader.BytesConsumed);
            }
            else
            {
                reader.Skip();
            }

            length++;
        }

        EnsureEnd(ref reader);
        Check(elements[..Math.Min(length, KeptElements)], length, typeNumber, id, second, third, version);
    }

    /// <summary>
    /// Deserialises the object under the reader, leaving the reader on its last token as <c>Skip</c> would. A
    /// payload the type cannot take is left for <see cref="ReadPayload"/> to fail on in its usual place, after
    /// the frame checks; the reader goes back and skips it, which still throws on a syntax error.
    /// </summary>
    private void ReadTyped(ref Utf8JsonReader reader, PayloadType? type)
    {
        if (type is null)
        {
            return;
        }

        var checkpoint = reader;
        try
        {
            _typed = type.Read(ref reader);
            _typedAs = type;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException or NotSupportedException)
        {
            reader = checkpoint;
            _typed = null;
            _typedAs = null;
        }
    }

    private void Check(ReadOnlySpan<Element> elements, int length, int? typeNumber, string? id, string? second, string? third, OcppVersion version)
    {
        if (length == 0 || typeNumber is not { } type)
        {
            SetProblem(FrameProblem.NotRpc, "frame does not start with an integer message type");
            return;
        }

        TypeNumber = type;
        if (length < 2 || id is null)
        {
            SetProblem(FrameProblem.NotRpc, "message id missing or not a string");
            return;
        }

        if (id.Length > MaxMessageIdLength)
        {
            SetProblem(FrameProblem.BadStructure, $"message id is {id.Length} characters long; at most {MaxMessageIdLength} are allowed");
            return;
        }

        MessageId = id;
        if (!IsDefined(type, version))
        {
            SetProblem(FrameProblem.UnknownType, $"message type {type} is not defined by OCPP {version.DisplayName()}");
            return;
        }

        Type = (OcppMessageType)type;
        switch (Type)
        {
            case OcppMessageType.Call or OcppMessageType.Send:
                CheckRequest(elements, length, second);
                break;
            case OcppMessageType.CallResult:
                if (length != 3)
                {
                    SetProblem(FrameProblem.BadStructure, $"CALLRESULT has {length} elements; 3 expected");
                    return;
                }

                SetPayload(elements[2]);
                if (PayloadKind != JsonValueKind.Object)
                {
                    SetProblem(FrameProblem.PayloadNotObject, $"CALLRESULT payload is a JSON {PayloadKind}, not an object");
                }

                break;
            default:
                CheckError(elements, length, second, third);
                break;
        }
    }

    private void CheckRequest(ReadOnlySpan<Element> elements, int length, string? action)
    {
        var name = Type == OcppMessageType.Call ? "CALL" : "SEND";
        if (length != 4)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} has {length} elements; 4 expected");
            return;
        }

        if (action is null)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} action is a JSON {elements[2].Kind}, not a string");
            return;
        }

        Action = action;
        SetPayload(elements[3]);
        if (PayloadKind != JsonValueKind.Object)
        {
            SetProblem(FrameProblem.PayloadNotObject, $"{name} payload is a JSON {PayloadKind}, not an object");
        }
    }

    private void CheckError(ReadOnlySpan<Element> elements, int length, string? code, string? description)
    {
        var name = Type == OcppMessageType.CallError ? "CALLERROR" : "CALLRESULTERROR";
        if (length != 5)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} has {length} elements; 5 expected");
        }

        if (code is not null)
        {
            ErrorCode = code;
        }
        else if (Problem == FrameProblem.None)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} error code missing or not a string");
        }

        if (description is not null)
        {
            ErrorDescription = description;
        }
        else if (Problem == FrameProblem.None)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} error description missing or not a string");
        }

        if (length > 4)
        {
            _errorDetails = elements[4].Range;
            if (elements[4].Kind != JsonValueKind.Object && Problem == FrameProblem.None)
            {
                SetProblem(FrameProblem.BadStructure, $"{name} error details is a JSON {elements[4].Kind}, not an object");
            }
        }
    }

    private void SetPayload(Element element)
    {
        _payload = element.Range;
        PayloadKind = element.Kind;
    }

    private void SetProblem(FrameProblem problem, string text)
    {
        Problem = problem;
        ProblemText = text;
    }

    /// <summary>Forgets what was read before a syntax error, as a frame that is not JSON has no fields.</summary>
    private void Reset()
    {
        TypeNumber = null;
        Type = null;
        MessageId = null;
        Action = null;
        ErrorCode = null;
        ErrorDescription = null;
        _payload = default;
        _errorDetails = null;
        _typed = null;
        _typedAs = null;
        PayloadKind = JsonValueKind.Undefined;
    }

    /// <summary>Only whitespace may follow the array; the reader throws on anything else.</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"'{reader.TokenType}' follows the end of the frame");
        }
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    private static bool IsDefined(int typeNumber, OcppVersion version) => typeNumber switch
    {
        2 or 3 or 4 => true,
        5 or 6 => version == OcppVersion.V21,
        _ => false,
    };

    private readonly record struct Element(JsonValueKind Kind, Range Range);
}
