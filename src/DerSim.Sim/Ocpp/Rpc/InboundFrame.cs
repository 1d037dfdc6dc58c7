using System.Text.Json;

namespace DerSim.Sim.Ocpp.Rpc;

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

/// <summary>A received frame, parsed once with <see cref="JsonDocument"/>; its elements live as long as the frame.</summary>
internal sealed class InboundFrame : IDisposable
{
    /// <summary>OCPP-J (all versions, "Message ID"): at most 36 characters.</summary>
    public const int MaxMessageIdLength = 36;

    private readonly JsonDocument? _document;

    private InboundFrame(JsonDocument? document) => _document = document;

    public FrameProblem Problem { get; private set; }

    public string? ProblemText { get; private set; }

    public int? TypeNumber { get; private set; }

    public OcppMessageType? Type { get; private set; }

    /// <summary>The id when readable and valid; otherwise null.</summary>
    public string? MessageId { get; private set; }

    public string? Action { get; private set; }

    public JsonElement Payload { get; private set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorDescription { get; private set; }

    public JsonElement? ErrorDetails { get; private set; }

    public static InboundFrame Parse(string text, OcppVersion version)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return Fail(null, FrameProblem.NotRpc, $"frame is not valid JSON: {ex.Message}");
        }

        var frame = new InboundFrame(document);
        frame.Read(document.RootElement, version);
        return frame;
    }

    public void Dispose() => _document?.Dispose();

    private static InboundFrame Fail(JsonDocument? document, FrameProblem problem, string text) =>
        new(document) { Problem = problem, ProblemText = text };

    private void Read(JsonElement root, OcppVersion version)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            SetProblem(FrameProblem.NotRpc, $"frame is a JSON {root.ValueKind}, not an array");
            return;
        }

        var length = root.GetArrayLength();
        if (length == 0 || root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var typeNumber))
        {
            SetProblem(FrameProblem.NotRpc, "frame does not start with an integer message type");
            return;
        }

        TypeNumber = typeNumber;
        if (length < 2 || root[1].ValueKind != JsonValueKind.String)
        {
            SetProblem(FrameProblem.NotRpc, "message id missing or not a string");
            return;
        }

        var id = root[1].GetString()!;
        if (id.Length > MaxMessageIdLength)
        {
            SetProblem(FrameProblem.BadStructure, $"message id is {id.Length} characters long; at most {MaxMessageIdLength} are allowed");
            return;
        }

        MessageId = id;
        if (!IsDefined(typeNumber, version))
        {
            SetProblem(FrameProblem.UnknownType, $"message type {typeNumber} is not defined by OCPP {version.DisplayName()}");
            return;
        }

        Type = (OcppMessageType)typeNumber;
        switch (Type)
        {
            case OcppMessageType.Call or OcppMessageType.Send:
                ReadRequest(root, length);
                break;
            case OcppMessageType.CallResult:
                if (length != 3)
                {
                    SetProblem(FrameProblem.BadStructure, $"CALLRESULT has {length} elements; 3 expected");
                    return;
                }

                Payload = root[2];
                if (Payload.ValueKind != JsonValueKind.Object)
                {
                    SetProblem(FrameProblem.PayloadNotObject, $"CALLRESULT payload is a JSON {Payload.ValueKind}, not an object");
                }

                break;
            default:
                ReadError(root, length);
                break;
        }
    }

    private void ReadRequest(JsonElement root, int length)
    {
        var name = Type == OcppMessageType.Call ? "CALL" : "SEND";
        if (length != 4)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} has {length} elements; 4 expected");
            return;
        }

        if (root[2].ValueKind != JsonValueKind.String)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} action is a JSON {root[2].ValueKind}, not a string");
            return;
        }

        Action = root[2].GetString();
        Payload = root[3];
        if (Payload.ValueKind != JsonValueKind.Object)
        {
            SetProblem(FrameProblem.PayloadNotObject, $"{name} payload is a JSON {Payload.ValueKind}, not an object");
        }
    }

    private void ReadError(JsonElement root, int length)
    {
        var name = Type == OcppMessageType.CallError ? "CALLERROR" : "CALLRESULTERROR";
        if (length != 5)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} has {length} elements; 5 expected");
        }

        if (length > 2 && root[2].ValueKind == JsonValueKind.String)
        {
            ErrorCode = root[2].GetString();
        }
        else if (Problem == FrameProblem.None)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} error code missing or not a string");
        }

        if (length > 3 && root[3].ValueKind == JsonValueKind.String)
        {
            ErrorDescription = root[3].GetString();
        }
        else if (Problem == FrameProblem.None)
        {
            SetProblem(FrameProblem.BadStructure, $"{name} error description missing or not a string");
        }

        if (length > 4)
        {
            ErrorDetails = root[4];
            if (root[4].ValueKind != JsonValueKind.Object && Problem == FrameProblem.None)
            {
                SetProblem(FrameProblem.BadStructure, $"{name} error details is a JSON {root[4].ValueKind}, not an object");
            }
        }
    }

    private void SetProblem(FrameProblem problem, string text)
    {
        Problem = problem;
        ProblemText = text;
    }

    private static bool IsDefined(int typeNumber, OcppVersion version) => typeNumber switch
    {
        2 or 3 or 4 => true,
        5 or 6 => version == OcppVersion.V21,
        _ => false,
    };
}
