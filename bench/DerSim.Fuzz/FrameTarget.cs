using System.Reflection;
using System.Text;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Ocpp.Validation;

namespace DerSim.Fuzz;

/// <summary>
/// The fuzz target. The first input byte picks the receiving side (bit 0: 0 charging station, 1 CSMS) and the OCPP
/// version (the rest of the byte, modulo 3: 1.6, 2.0.1, 2.1); the remaining bytes, as UTF-8 text, are one received
/// frame. It goes two ways:
/// <list type="number">
/// <item>straight into <see cref="InboundFrame.Parse"/> with a binder that reads a CALL's or SEND's payload as its
/// action's request type and a CALLRESULT's as the response type of the action its message id names (so the
/// seeds can reach every generated response reader), then <see cref="InboundFrame.ReadPayload"/>,
/// <see cref="InboundFrame.ParsePayload"/> and <see cref="InboundFrame.ParseErrorDetails"/>;</item>
/// <item>into a real <see cref="OcppRpcPeer"/> of that side, over an in-memory channel, with schema validation on and a
/// typed handler for every action the other side sends: what the station or CSMS does with a frame off the wire.</item>
/// </list>
/// A crash is any exception other than the <see cref="JsonException"/> a typed read may throw (and the peer answers
/// as a FormatViolation), an exception out of the peer's receive loop, or an answer of ours that is not itself a
/// well-formed frame.
/// </summary>
public sealed class FrameTarget
{
    private static readonly MethodInfo RegisterMethod = typeof(FrameTarget).GetMethod(nameof(Register), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo RegisterSendMethod = typeof(FrameTarget).GetMethod(nameof(RegisterSend), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly IOcppSchemaValidator _validator = new OcppSchemaValidator();
    private readonly Dictionary<(OcppVersion, OcppRole), Action<OcppRpcPeer>[]> _registrations = [];
    private readonly Dictionary<(OcppVersion, Type), PayloadType> _payloadTypes = [];

    /// <summary>The side and version the first byte selects.</summary>
    public static (OcppRole Role, OcppVersion Version) Select(byte first) =>
        ((first & 1) == 0 ? OcppRole.ChargingStation : OcppRole.Csms, OcppVersions.All[(first >> 1) % 3]);

    /// <summary>Runs one input; throws on a finding.</summary>
    public IReadOnlyList<string> Run(byte[] input)
    {
        if (input.Length < 2)
        {
            return [];
        }

        var (role, version) = Select(input[0]);
        var text = Encoding.UTF8.GetString(input, 1, input.Length - 1);
        ParseDirect(text, version, role);
        return RunPeer(text, version, role);
    }

    /// <summary>Replays files (or every file of folders) through the target; returns the process exit code.</summary>
    public static int Replay(string[] paths)
    {
        if (paths.Length == 0)
        {
            Console.Error.WriteLine("usage: DerSim.Fuzz replay FILE|DIR...");
            return 2;
        }

        var target = new FrameTarget();
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(path, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')) && !f.EndsWith("README.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                Console.Error.WriteLine($"replay: {path}: no such file or folder");
                return 2;
            }
        }

        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                var input = File.ReadAllBytes(file);
                var answers = target.Run(input);
                var (role, version) = input.Length > 0 ? Select(input[0]) : default;
                Console.WriteLine($"ok   {file} ({version.DisplayName()} {role}): {(answers.Count == 0 ? "no answer" : string.Join(" ", answers.Select(Shorten)))}");
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine($"FAIL {file}: {ex.GetType().Name}: {ex.Message}");
                Console.WriteLine(ex.StackTrace);
            }
        }

        Console.WriteLine($"replayed {files.Count} input(s): {failures} failure(s)");
        return failures == 0 ? 0 : 1;
    }

    private static string Shorten(string frame) => frame.Length <= 120 ? frame : string.Concat(frame.AsSpan(0, 117), "...");

    private void ParseDirect(string text, OcppVersion version, OcppRole role)
    {
        var table = OcppActionTables.For(version);
        var sender = role == OcppRole.Csms ? OcppRole.ChargingStation : OcppRole.Csms;
        PayloadType? Bind(OcppMessageType type, string key) => type switch
        {
            OcppMessageType.Call or OcppMessageType.Send when table.TryGet(key, out var action) && action.CanBeSentBy(sender) => PayloadTypeOf(version, action.RequestType),
            OcppMessageType.CallResult when table.TryGet(key, out var action) => PayloadTypeOf(version, action.ResponseType),
            _ => null,
        };

        using var frame = InboundFrame.Parse(text, version, Bind);
        _ = frame.ParseErrorDetails();
        if (frame.Problem != FrameProblem.None || frame.PayloadKind == JsonValueKind.Undefined)
        {
            return;
        }

        _ = frame.ParsePayload();
        _ = frame.PayloadText();
        var key = frame.Type == OcppMessageType.CallResult ? frame.MessageId : frame.Action;
        if (frame.Type is { } messageType && key is not null && Bind(messageType, key) is { } payloadType)
        {
            try
            {
                _ = frame.ReadPayload(payloadType);
            }
            catch (JsonException)
            {
                // The peer answers this with a FormatViolation (OcppRpcPeer.OnCallAsync).
            }
        }
    }

    private IReadOnlyList<string> RunPeer(string text, OcppVersion version, OcppRole role)
    {
        var channel = new OneFrameChannel(text);
        var peer = new OcppRpcPeer(channel, OcppActionTables.For(version), role, "FUZZ-1", new OcppRpcOptions { Validator = _validator, CallTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);
        foreach (var register in Registrations(version, role))
        {
            register(peer);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        peer.RunAsync(timeout.Token).GetAwaiter().GetResult();
        peer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var answer in channel.Sent)
        {
            using var parsed = InboundFrame.Parse(answer, version);
            if (parsed.Problem != FrameProblem.None)
            {
                throw new InvalidOperationException($"our own answer is not a well-formed frame ({parsed.ProblemText}): {answer}");
            }
        }

        return channel.Sent;
    }

    private Action<OcppRpcPeer>[] Registrations(OcppVersion version, OcppRole role)
    {
        if (!_registrations.TryGetValue((version, role), out var registrations))
        {
            var sender = role == OcppRole.Csms ? OcppRole.ChargingStation : OcppRole.Csms;
            registrations = OcppActionTables.For(version).Actions.Values
                .Where(a => a.CanBeSentBy(sender))
                .Select(a => a.ResponseType == typeof(NoResponse)
                    ? RegisterSendMethod.MakeGenericMethod(a.RequestType).CreateDelegate<Action<OcppRpcPeer>>()
                    : RegisterMethod.MakeGenericMethod(a.RequestType, a.ResponseType).CreateDelegate<Action<OcppRpcPeer>>())
                .ToArray();
            _registrations[(version, role)] = registrations;
        }

        return registrations;
    }

    /// <summary>A typed handler: the request is read by the action's generated reader; answering is not what is fuzzed.</summary>
    private static void Register<TRequest, TResponse>(OcppRpcPeer peer) =>
        peer.On<TRequest, TResponse>((_, _) => ValueTask.FromException<TResponse>(new NotSupportedException("the fuzz target does not answer")));

    /// <summary>A SEND handler (OCPP 2.1): never answered.</summary>
    private static void RegisterSend<TRequest>(OcppRpcPeer peer) => peer.OnSend<TRequest>((_, _) => ValueTask.CompletedTask);

    private PayloadType PayloadTypeOf(OcppVersion version, Type type)
    {
        if (!_payloadTypes.TryGetValue((version, type), out var payloadType))
        {
            var info = OcppJson.Options(OcppActionTables.For(version)).GetTypeInfo(type);
            payloadType = (PayloadType)typeof(PayloadType).GetMethod(nameof(PayloadType.Create))!.MakeGenericMethod(type).Invoke(null, [info])!;
            _payloadTypes[(version, type)] = payloadType;
        }

        return payloadType;
    }
}
