using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DerSim.Harness.Tests.Drivers.Csms;

/// <summary>
/// A small OCPP 2.0.1 CSMS on a real WebSocket over loopback whose behaviour a test scripts: its own clock (ahead of
/// the real one), a delayed answer to TransactionEvent Started, CALLs of its own after the boot, CALLERRORs to an
/// action, a refused WebSocket upgrade. Its HTTP API (<c>POST /api/{stationId}/{action}</c> with the OCPP payload, the
/// per-action trigger convention) sends that CALL to the station, and answers 404 for a transaction it does not
/// know yet, as a CSMS with a database would.
/// </summary>
public sealed class ScriptedCsms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ScriptedCsmsScript _script;
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _transactions = new(StringComparer.Ordinal);
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private int _nextId;
    private string? _lastV2GChain;
    private int _nextV16Transaction = 700;
    private readonly ConcurrentDictionary<string, (string Station, string Password)> _passwordsOffered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _passwordsSet = new(StringComparer.Ordinal);
    private readonly ScriptedCsmsV16 _v16;

    // The last TxProfile SetChargingProfile payload it sent per transaction id (2.1 E17: set again on TxResumed).
    private readonly ConcurrentDictionary<string, string> _txProfiles = new(StringComparer.Ordinal);

    // 2.1 V2X: the modes it allowed per transaction, the transaction running per station and EVSE, and the values of
    // the Dynamic profiles it set, by profile id, as its own CALLs said.
    private readonly ConcurrentDictionary<string, string[]> _allowedEnergyTransfer = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _runningOn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, JsonObject> _dynamicValues = new();

    private ScriptedCsms(WebApplication app, ScriptedCsmsScript script)
    {
        _app = app;
        _script = script;
        _v16 = new ScriptedCsmsV16(script, StartV16Transaction);
        ClockStart = script.ClockStart ?? TimeProvider.System.GetUtcNow().AddYears(3);
    }

    /// <summary>The CSMS's clock at start; it runs on in real time from there.</summary>
    public DateTimeOffset ClockStart { get; }

    /// <summary>Base URL stations connect to (their id appended).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Base URL of the HTTP API.</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>Every frame, both ways, as (station, "in"/"out" from the CSMS's side, text).</summary>
    public ConcurrentQueue<(string Station, string Direction, string Text)> Frames { get; } = new();

    /// <summary>Stations that closed their WebSocket with a close frame.</summary>
    public ConcurrentDictionary<string, byte> ClosedCleanly { get; } = new(StringComparer.Ordinal);

    /// <summary>The CSMS's present: <see cref="ClockStart"/> plus the real time since it started.</summary>
    public DateTimeOffset Now => ClockStart + TimeProvider.System.GetElapsedTime(_started);

    /// <summary>Starts a double following <paramref name="script"/> on a free loopback port.</summary>
    public static async Task<ScriptedCsms> StartAsync(ScriptedCsmsScript script)
    {
        ScriptedCsms? csms = null;
        var (_, address) = await LoopbackHost.StartAsync(app =>
        {
            csms = new ScriptedCsms(app, script);
            app.Map("/ocpp/{id}", csms.HandleAsync);
            app.MapPost("/api/{id}/{action}", csms.ApiAsync);
        });
        csms!.Url = LoopbackHost.WebSocketUrl(address, "/ocpp");
        csms.ApiUrl = new Uri(address);
        return csms;
    }

    /// <summary>The CALLs of <paramref name="action"/> the stations sent, as payloads.</summary>
    public IReadOnlyList<JsonElement> CallsOf(string action) =>
    [
        .. Frames.Where(f => f.Direction == "in")
            .Select(f => JsonDocument.Parse(f.Text).RootElement)
            .Where(r => r[0].GetInt32() == 2 && r[2].GetString() == action)
            .Select(r => r[3].Clone()),
    ];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ApiAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        var action = (string)context.Request.RouteValues["action"]!;
        var payload = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var transaction = payload["transactionId"] ?? payload["chargingProfile"]?["transactionId"] ?? payload["csChargingProfiles"]?["transactionId"];
        // A 1.6 RemoteStopTransaction may name a transaction the station does not know (TC_028): sent as asked.
        if (transaction is not null && !_transactions.ContainsKey(transaction.ToString()) && action != "RemoteStopTransaction")
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync($"unknown transaction {transaction}");
            return;
        }

        if (action == "SetChargingProfile" && payload["chargingProfile"] is JsonObject profile)
        {
            // What a CSMS stamps on a profile it makes now: its own clock.
            profile["validFrom"] = Now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        if (_script.WrongFieldIn is { } wrong && wrong.Action == action)
        {
            var parts = wrong.Path.Split('.');
            var parent = parts[..^1].Aggregate((JsonNode)payload, (node, part) => node[part] ??= new JsonObject());
            parent[parts[^1]] = JsonNode.Parse(wrong.Json);
        }

        if (_script.RemovedFieldIn is { } removed && removed.Action == action)
        {
            var parts = removed.Path.Split('.');
            if (parts[..^1].Aggregate((JsonNode?)payload, (node, part) => node?[part]) is JsonObject under)
            {
                under.Remove(parts[^1]);
            }
        }

        if (_script.AddedFieldIn is { } added && added.Action == action)
        {
            var parts = added.Path.Split('.');
            if (parts[..^1].Aggregate((JsonNode?)payload, (node, part) => node?[part]) is JsonObject under)
            {
                under[parts[^1]] = JsonNode.Parse(added.Json);
            }
        }

        if (_script.DroppedVariable is { } dropped && action == "SetVariables" && payload["setVariableData"] is JsonArray variables)
        {
            foreach (var item in variables.Where(v => v?["variable"]?["name"]?.ToString() == dropped).ToList())
            {
                variables.Remove(item);
            }
        }

        if (!_connections.TryGetValue(id, out var connection))
        {
            context.Response.StatusCode = 409;
            return;
        }

        RememberV2x(action, payload);
        var messageId = $"api-{Interlocked.Increment(ref _nextId)}";
        if (action == "SetVariables" && payload["setVariableData"] is JsonArray data
            && data.FirstOrDefault(d => d?["component"]?["name"]?.ToString() == "SecurityCtrlr" && d?["variable"]?["name"]?.ToString() == "BasicAuthPassword") is { } offered)
        {
            _passwordsOffered[messageId] = (id, offered["attributeValue"]!.ToString());
        }

        if (action == "SetChargingProfile" && payload["chargingProfile"] is JsonObject txProfile
            && txProfile["chargingProfilePurpose"]?.ToString() == "TxProfile" && txProfile["transactionId"]?.ToString() is { } forTransaction)
        {
            _txProfiles[forTransaction] = payload.ToJsonString();
        }

        // 1.6 security extension: ChangeConfiguration of AuthorizationKey.
        if (action == "ChangeConfiguration" && payload["key"]?.ToString() == "AuthorizationKey" && payload["value"] is { } key)
        {
            _passwordsOffered[messageId] = (id, key.ToString());
        }

        await connection.SendAsync(this, $"[2,\"{messageId}\",\"{action}\",{payload.ToJsonString()}]", context.RequestAborted);
        context.Response.StatusCode = 200;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (_script.RefuseUpgradeWith is { } refused)
        {
            context.Response.StatusCode = refused;
            return;
        }

        var stationId = (string)context.Request.RouteValues["id"]!;
        if (_script.BasicAuthPassword is { } password && !Authenticated(context.Request.Headers.Authorization.ToString(), stationId, _passwordsSet.GetValueOrDefault(stationId) ?? password))
        {
            context.Response.StatusCode = 401;
            return;
        }

        // OCPP-J: the first offered subprotocol it speaks; none of them: no upgrade (unless the script says otherwise).
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var subprotocol = _script.UpgradesUnknownSubprotocols ? requested.FirstOrDefault() : requested.FirstOrDefault(p => p is "ocpp1.6" or "ocpp2.0.1" or "ocpp2.1");
        if (subprotocol is null && requested.Count > 0 && !_script.UpgradesUnknownSubprotocols)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(subprotocol);
        using var connection = new Connection(stationId, socket);
        _connections[stationId] = connection;
        var buffer = new byte[64 * 1024];
        var ct = context.RequestAborted;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    ClosedCleanly[stationId] = 0;
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    return;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, received.Count);
                Frames.Enqueue((stationId, "in", text));
                using var frame = JsonDocument.Parse(text);
                var root = frame.RootElement;
                if (root[0].GetInt32() == 2)
                {
                    await AnswerAsync(connection, root[1].GetString()!, root[2].GetString()!, root[3], ct);
                }
                else if (root[0].GetInt32() == 3 && _passwordsOffered.TryRemove(root[1].GetString()!, out var offered) && !_script.KeepsOldPassword
                    && (root[2].TryGetProperty("setVariableResult", out var results)
                        ? results.EnumerateArray().Any(r => r.GetProperty("attributeStatus").GetString() == "Accepted")
                        : root[2].TryGetProperty("status", out var status) && status.GetString() == "Accepted"))
                {
                    // OCPP 2.0.1 A01.FR.03: the password the station accepted is the one to expect from now on.
                    _passwordsSet[offered.Station] = offered.Password;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The station went away.
        }
    }

    // What the scripted CSMS knows of a token, as 2.x IdTokenInfo JSON (its group as a Central token).
    private string TokenInfo(string action, string token)
    {
        var (status, group) = _script.Tokens!.TryGetValue(token, out var known) ? known : ("Invalid", null);
        if (_script.WrongStatusFor is { } wrong && wrong.IdToken == token)
        {
            status = wrong.Status;
        }

        return group is null || _script.NoGroupIn == action
            ? $$"""{"status":"{{status}}"}"""
            : $$$"""{"status":"{{{status}}}","groupIdToken":{"idToken":"{{{group}}}","type":"Central"}}""";
    }

    private async Task AnswerAsync(Connection connection, string id, string action, JsonElement payload, CancellationToken ct)
    {
        if (action == _script.SilentFor)
        {
            return;
        }

        if (action == _script.ErrorFor)
        {
            await connection.SendAsync(this, $$"""[4,"{{id}}","NotImplemented","not here",{}]""", ct);
            return;
        }

        if (action == "TransactionEvent" && _script.ErrorForRestartedSeqNo)
        {
            var seqNo = payload.GetProperty("seqNo").GetInt32();
            var last = connection.LastSeqNo;
            connection.LastSeqNo = Math.Max(last, seqNo);
            if (seqNo <= last)
            {
                await connection.SendAsync(this, $$"""[4,"{{id}}","GenericError","seqNo {{seqNo}} is not above {{last}}",{}]""", ct);
                return;
            }
        }

        if (_script.RefusesCustomData && payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("customData", out _))
        {
            await connection.SendAsync(this, $$"""[4,"{{id}}","FormatViolation","customData not understood",{}]""", ct);
            return;
        }

        if (action == "TransactionEvent" && payload.GetProperty("triggerReason").GetString() == _script.ErrorForTriggerReason)
        {
            await connection.SendAsync(this, $$"""[4,"{{id}}","NotImplemented","not here",{}]""", ct);
            return;
        }

        var now = Now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (connection.IsV16)
        {
            await connection.SendAsync(this, $"[3,\"{id}\",{_v16.Answer(connection.StationId, action, payload, now)}]", ct);
            return;
        }

        var token = payload.TryGetProperty("idToken", out var idToken) ? idToken.GetProperty("idToken").GetString() : null;
        var answer = action switch
        {
            "TransactionEvent" when payload.GetProperty("eventType").GetString() == _script.InvalidAnswerForEventType => """{"totalCost":"much"}""",
            "DataTransfer" => $$"""{"status":"{{_script.DataTransferStatus}}"}""",
            "Authorize" or "TransactionEvent" when _script.Tokens is not null && token is not null && !(action == "TransactionEvent" && _script.OmitTransactionIdTokenInfo) => $$"""{"idTokenInfo":{{TokenInfo(action, token)}}}""",
            "BootNotification" when _script.RebootStatus is { } again && payload.TryGetProperty("reason", out var reason) && reason.GetString() != "PowerUp" =>
                $$"""{"status":"{{again}}","currentTime":"{{now}}","interval":{{_script.BootInterval}}}""",
            "BootNotification" => $$"""{"status":"Accepted","currentTime":"{{now}}","interval":{{_script.BootInterval}}}""",
            "Heartbeat" => $$"""{"currentTime":"{{now}}"}""",
            "Authorize" => """{"idTokenInfo":{"status":"Accepted"}}""",
            "SignCertificate" or "Get15118EVCertificate" or "GetCertificateStatus" when _script.Iso15118Pki is { } pki => Iso15118Answer(pki, connection, action, payload, ct),
            "NotifyEVChargingNeeds" => ChargingNeedsAnswer(connection.StationId, payload),
            "PullDynamicScheduleUpdate" => PullAnswer(payload),

            // A TransactionEvent carrying an idToken is answered with the token's status (OCPP 2.0.1 E01.FR.12).
            "TransactionEvent" when payload.TryGetProperty("idToken", out _) && !_script.OmitTransactionIdTokenInfo =>
                """{"idTokenInfo":{"status":"Accepted"}}""",
            _ => "{}",
        };
        if (_script.WrongAnswerFieldIn is { } wrongAnswer && wrongAnswer.Action == action)
        {
            var changed = JsonNode.Parse(answer)!.AsObject();
            changed[wrongAnswer.Field] = JsonNode.Parse(wrongAnswer.Json);
            answer = changed.ToJsonString();
        }

        if (action == "TransactionEvent" && payload.GetProperty("eventType").GetString() == "Started")
        {
            await Task.Delay(_script.StartAnswerDelay, ct);
            _transactions[payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!] = 0;
            if (payload.TryGetProperty("evse", out var startedOn))
            {
                _runningOn[$"{connection.StationId}/{startedOn.GetProperty("id").GetInt32()}"] = payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;
            }
        }

        await connection.SendAsync(this, $"[3,\"{id}\",{answer}]", ct);
        if (action == "TransactionEvent" && !_script.ForgetsTxProfileOnResume && payload.GetProperty("triggerReason").GetString() == "TxResumed"
            && _txProfiles.TryGetValue(payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!, out var restore))
        {
            await connection.SendAsync(this, $"[2,\"own-{Interlocked.Increment(ref _nextId)}\",\"SetChargingProfile\",{restore}]", ct);
        }

        if (action == "BootNotification")
        {
            foreach (var (after, call, body) in _script.AfterBoot)
            {
                _ = Task.Run(
                    async () =>
                    {
                        await Task.Delay(after, ct);
                        await connection.SendAsync(this, $"[2,\"own-{Interlocked.Increment(ref _nextId)}\",\"{call}\",{body}]", ct);
                    },
                    ct);
            }
        }
    }

    // The ISO 15118 answers from a real PKI (the reference CSMS's CsmsCertificateAuthority); a signed V2G certificate
    // follows its SignCertificate answer in a CertificateSigned of the CSMS's own.
    private string Iso15118Answer(DerSim.Csms.CsmsCertificateAuthority pki, Connection connection, string action, JsonElement payload, CancellationToken ct)
    {
        switch (action)
        {
            case "SignCertificate":
                var (chain, _) = pki.SignV2G(payload.GetProperty("csr").GetString()!, connection.StationId);
                if (chain is null)
                {
                    return """{"status":"Rejected"}""";
                }

                _lastV2GChain = chain;
                var signed = new JsonObject { ["certificateChain"] = chain, ["certificateType"] = "V2GCertificate" }.ToJsonString();
                _ = Task.Run(
                    async () =>
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
                        await connection.SendAsync(this, $"[2,\"own-{Interlocked.Increment(ref _nextId)}\",\"CertificateSigned\",{signed}]", ct);
                    },
                    ct);
                return """{"status":"Accepted"}""";
            case "Get15118EVCertificate":
                var (contract, _, _) = pki.IssueContract(Convert.FromBase64String(payload.GetProperty("exiRequest").GetString()!));
                return contract is null
                    ? """{"status":"Failed","exiResponse":""}"""
                    : new JsonObject { ["status"] = "Accepted", ["exiResponse"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(contract)) }.ToJsonString();
            default:
                var data = payload.GetProperty("ocspRequestData");
                var serial = data.GetProperty("serialNumber").GetString()!;
                var ocsp = _script.OcspForAnotherCertificate && _lastV2GChain is { } lastChain
                    ? LeafOcsp(pki, lastChain)
                    : pki.OcspResponse(data.GetProperty("hashAlgorithm").GetString()!, data.GetProperty("issuerNameHash").GetString()!, data.GetProperty("issuerKeyHash").GetString()!, serial);
                return ocsp is null
                    ? """{"status":"Failed"}"""
                    : new JsonObject { ["status"] = "Accepted", ["ocspResult"] = Convert.ToBase64String(ocsp) }.ToJsonString();
        }
    }

    // The OCSP response for the V2G certificate of a chain it signed, not for the sub-CA the station asks about.
    private static byte[]? LeafOcsp(DerSim.Csms.CsmsCertificateAuthority pki, string chainPem)
    {
        var chain = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        chain.ImportFromPem(chainPem);
        var subCa = chain[1];
        return pki.OcspResponse(
            "SHA256",
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(subCa.SubjectName.RawData)),
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(subCa.PublicKey.EncodedKeyValue.RawData)),
            chain[0].SerialNumber);
    }

    // The number of a 1.6 transaction the CSMS takes: known from now on (its API takes TxProfiles naming it).
    private int StartV16Transaction()
    {
        var number = Interlocked.Increment(ref _nextV16Transaction);
        _transactions[number.ToString(CultureInfo.InvariantCulture)] = 0;
        return number;
    }

    private void RememberV2x(string action, JsonObject payload)
    {
        JsonObject Values(JsonNode? from, JsonObject? into = null)
        {
            into ??= [];
            foreach (var name in new[] { "limit", "dischargeLimit", "setpoint" })
            {
                if (from?[name] is { } value)
                {
                    into[name] = value.DeepClone();
                }
            }

            return into;
        }

        switch (action)
        {
            case "NotifyAllowedEnergyTransfer":
                _allowedEnergyTransfer[payload["transactionId"]!.ToString()] = [.. payload["allowedEnergyTransfer"]!.AsArray().Select(m => m!.ToString())];
                break;
            case "SetChargingProfile" when IsDynamic(payload):
                var period = payload["chargingProfile"]!["chargingSchedule"]!.AsArray()[0]!["chargingSchedulePeriod"]!.AsArray()[0];
                _dynamicValues[payload["chargingProfile"]!["id"]!.GetValue<int>()] = Values(period);
                break;
            case "UpdateDynamicSchedule" when _dynamicValues.TryGetValue(payload["chargingProfileId"]!.GetValue<int>(), out var known):
                Values(payload["scheduleUpdate"], known);
                break;
            default:
                break;
        }
    }

    private static bool IsDynamic(JsonObject payload) => payload["chargingProfile"]?["chargingProfileKind"]?.ToString() == "Dynamic";

    // 2.1 Q01: charging needs asking for a mode the CSMS did not allow the EVSE's transaction are Rejected.
    private string ChargingNeedsAnswer(string stationId, JsonElement payload)
    {
        var evse = payload.GetProperty("evseId").GetInt32();
        var requested = payload.GetProperty("chargingNeeds").GetProperty("requestedEnergyTransfer").GetString();
        return !_script.AcceptsEveryChargingNeeds
            && _runningOn.TryGetValue($"{stationId}/{evse}", out var tx) && _allowedEnergyTransfer.TryGetValue(tx, out var allowed) && !allowed.Contains(requested)
            ? """{"status":"Rejected"}"""
            : """{"status":"Accepted"}""";
    }

    private string PullAnswer(JsonElement payload) =>
        _dynamicValues.TryGetValue(payload.GetProperty("chargingProfileId").GetInt32(), out var values)
            ? _script.PullsWithoutUpdate ? """{"status":"Accepted"}""" : $$"""{"status":"Accepted","scheduleUpdate":{{values.ToJsonString()}}}"""
            : """{"status":"Rejected"}""";

    private bool Authenticated(string header, string stationId, string password)
    {
        const string Scheme = "Basic ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[Scheme.Length..].Trim()));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && (_script.IgnoresBasicAuthUser || decoded[..colon] == stationId) && decoded[(colon + 1)..] == password;
    }

    private sealed class Connection(string stationId, WebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        // The station's id, and whether it speaks OCPP 1.6J (the subprotocol it was accepted with).
        public string StationId => stationId;

        public bool IsV16 => socket.SubProtocol == "ocpp1.6";

        // The highest TransactionEvent seqNo the station sent on this connection (for ErrorForRestartedSeqNo).
        public int LastSeqNo { get; set; } = -1;

        public void Dispose() => _sending.Dispose();

        public async Task SendAsync(ScriptedCsms csms, string text, CancellationToken ct)
        {
            await _sending.WaitAsync(ct);
            try
            {
                csms.Frames.Enqueue((stationId, "out", text));
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
