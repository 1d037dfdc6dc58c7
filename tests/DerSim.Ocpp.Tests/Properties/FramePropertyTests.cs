using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Rpc;
using DerSim.Ocpp.V21;
using DerSim.Ocpp.Validation;
using DerSim.Fuzz;
using DerSim.Ocpp.Tests.Validation;

namespace DerSim.Ocpp.Tests.Properties;

/// <summary>
/// Property tests (CsCheck) over every action of OCPP 1.6, 2.0.1 and 2.1: valid messages round-trip, and a received
/// frame mutated at random never makes the real <see cref="OcppRpcPeer"/> throw; it gets a CALLERROR or, where the
/// spec says so, nothing.
/// </summary>
[TestFixture]
public sealed class FramePropertyTests
{
    private static readonly MessageCase[] Messages = MessageCatalog.All().ToArray();
    private static readonly MessageCase[] Requests = Messages.Where(m => m.Kind == PayloadKind.Request).ToArray();
    private static readonly OcppSchemaValidator Validator = new();

    /// <summary>A message of any version and action, minimal or with every optional field (built from its schema constraints).</summary>
    private static readonly Gen<(MessageCase Message, bool Full)> AnyMessage =
        Gen.Select(Gen.Int[0, Messages.Length - 1], Gen.Bool, (i, full) => (Messages[i], full));

    [Test]
    public void Every_generated_valid_message_validates_and_round_trips()
    {
        AnyMessage.Sample(
            m => RoundTrip.Check(m.Message.Version, m.Message.Action, m.Message.Kind, MessageCatalog.Example(m.Message, m.Full)),
            iter: 400,
            threads: 1);
    }

    /// <summary>Byte-level damage: some bytes replaced, inserted or deleted anywhere in a valid CALL frame.</summary>
    [Test]
    public void Frame_with_random_byte_mutations_never_throws_and_is_answered_only_with_callerrors()
    {
        var gen = Gen.Select(
            Gen.Int[0, Requests.Length - 1],
            Gen.Bool,
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100_000], Gen.Byte).Array[1, 6]);
        gen.Sample(
            t =>
            {
                var (index, full, edits) = t;
                var m = Requests[index];
                var bytes = Encoding.UTF8.GetBytes(Frame(m, full)).ToList();
                foreach (var (op, at, value) in edits)
                {
                    var i = at % (bytes.Count + 1);
                    switch (op)
                    {
                        case 0 when i < bytes.Count:
                            bytes[i] = value;
                            break;
                        case 1:
                            bytes.Insert(i, value);
                            break;
                        default:
                            if (i < bytes.Count)
                            {
                                bytes.RemoveAt(i);
                            }

                            break;
                    }
                }

                // A WebSocket text message is UTF-8 (invalid UTF-8 closes the connection before the peer sees it).
                var sent = Deliver(m, Encoding.UTF8.GetString(bytes.ToArray()));
                sent.ShouldAllBe(f => IsCallError(f), string.Join("\n", sent));
            },
            iter: 300,
            threads: 1);
    }

    /// <summary>
    /// Field-level damage: a schema-guided invalid payload (missing required field, wrong type, value out of its
    /// enum or range…), or a number replaced by an integer beyond 64 bits, must get a CALLERROR with the CALL's id.
    /// </summary>
    [Test]
    public void Call_with_a_mutated_field_gets_a_callerror_with_its_id()
    {
        var gen = Gen.Select(Gen.Int[0, Requests.Length - 1], Gen.Int[0, 1000], Gen.Int[0, 9]);
        gen.Sample(
            t =>
            {
                var (index, pick, kind) = t;
                var m = Requests[index];
                var example = JsonNode.Parse(MessageCatalog.Example(m, full: true))!.AsObject();
                string? payload;
                if (kind == 0)
                {
                    payload = HugeInteger(example);
                }
                else
                {
                    var invalid = Mutations.For(m, example).ToArray();
                    payload = invalid.Length == 0 ? null : invalid[pick % invalid.Length].Json;
                }

                if (payload is null)
                {
                    return;
                }

                var sent = Deliver(m, $"[2,\"m-1\",\"{m.Action}\",{payload}]");
                sent.ShouldHaveSingleItem($"{m}: {payload}");
                using var answer = JsonDocument.Parse(sent[0]);
                answer.RootElement[0].GetInt32().ShouldBe(4, sent[0]);
                answer.RootElement[1].GetString().ShouldBe("m-1");
            },
            iter: 300,
            threads: 1);
    }

    private static string Frame(MessageCase m, bool full) => $"[2,\"p-1\",\"{m.Action}\",{MessageCatalog.Example(m, full)}]";

    /// <summary>The payload with its first number replaced by a 30-digit integer; null when it has no number.</summary>
    private static string? HugeInteger(JsonObject example)
    {
        var text = example.ToJsonString();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"(?<=:)-?\d+(\.\d+)?(?=[,}\]])");
        return match.Success ? string.Concat(text.AsSpan(0, match.Index), "123456789012345678901234567890", text.AsSpan(match.Index + match.Length)) : null;
    }

    private static bool IsCallError(string frame)
    {
        using var doc = JsonDocument.Parse(frame);
        return doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement[0].GetInt32() == 4;
    }

    /// <summary>
    /// Runs <paramref name="frame"/> through a real peer of the side that receives <paramref name="m"/>'s CALL, with
    /// schema validation on and a typed handler for every action it receives; returns what the peer sent.
    /// </summary>
    private static List<string> Deliver(MessageCase m, string frame)
    {
        var table = OcppActionTables.For(m.Version);
        table.TryGet(m.Action, out var action).ShouldBeTrue();
        var role = action!.Direction == MessageDirection.CsmsToStation ? OcppRole.ChargingStation : OcppRole.Csms;
        var channel = new OneFrameChannel(frame);
        var peer = new OcppRpcPeer(channel, table, role, "PROP-1", new OcppRpcOptions { Validator = Validator, CallTimeout = TimeSpan.FromSeconds(5) }, TimeProvider.System);
        var sender = role == OcppRole.Csms ? OcppRole.ChargingStation : OcppRole.Csms;
        foreach (var a in table.Actions.Values.Where(a => a.CanBeSentBy(sender)))
        {
            (a.ResponseType == typeof(NoResponse)
                ? RegisterSendMethod.MakeGenericMethod(a.RequestType)
                : RegisterMethod.MakeGenericMethod(a.RequestType, a.ResponseType)).Invoke(null, [peer]);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        peer.RunAsync(timeout.Token).GetAwaiter().GetResult();
        peer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        lock (channel.Sent)
        {
            return [.. channel.Sent];
        }
    }

    private static readonly MethodInfo RegisterMethod = typeof(FramePropertyTests).GetMethod(nameof(Register), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo RegisterSendMethod = typeof(FramePropertyTests).GetMethod(nameof(RegisterSend), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>A typed handler; the peer is closed before it could answer, so what it returns is never used.</summary>
    private static void Register<TRequest, TResponse>(OcppRpcPeer peer) =>
        peer.On<TRequest, TResponse>((_, _) => ValueTask.FromException<TResponse>(new NotSupportedException("not answered in this test")));

    private static void RegisterSend<TRequest>(OcppRpcPeer peer) => peer.OnSend<TRequest>((_, _) => ValueTask.CompletedTask);
}
